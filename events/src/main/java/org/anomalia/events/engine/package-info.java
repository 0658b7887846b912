/**
 * Runs many independent, seeded tasks (scan windows × folds × seeds, toys) and returns their
 * results in order: {@link org.anomalia.events.engine.TaskEngine} is the contract,
 * {@link org.anomalia.events.engine.LocalEngine} runs on this machine's cores, and the {@code spark}
 * module runs the same tasks as Spark tasks. A task owns its seed and data, so the results do not
 * depend on which engine ran it, nor on how many threads.
 */
package org.anomalia.events.engine;
