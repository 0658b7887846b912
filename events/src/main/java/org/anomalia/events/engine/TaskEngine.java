package org.anomalia.events.engine;

import java.io.Serializable;
import java.util.List;

/**
 * Runs a list of independent tasks and returns their results in the order of the tasks. Tasks
 * must be independent (no shared mutable state, each with its own seed), so an engine may run them
 * in any order, side by side, or on other machines; then the results are, bit for bit, those of a
 * plain loop over the tasks.
 *
 * <p>Failures: if a task throws, the others may or may not have run; the caller receives the
 * failure of the task with the lowest index, as it was thrown when the engine can pass it on (a
 * {@link org.anomalia.numerics.UserException} always reaches the caller as itself).
 *
 * <p>Start one with {@link TaskEngines#start} and close it when done (try-with-resources).
 */
public interface TaskEngine extends AutoCloseable {
    /** fn(tasks[0]), fn(tasks[1]), … in the order of {@code tasks}. */
    default <T extends Serializable, R extends Serializable> List<R> map(List<T> tasks, TaskFunction<T, R> fn) {
        return map(tasks, fn, TaskProgress.NONE);
    }

    /** As {@link #map(List, TaskFunction)}, telling {@code progress} as tasks finish. */
    <T extends Serializable, R extends Serializable> List<R> map(List<T> tasks, TaskFunction<T, R> fn,
                                                                 TaskProgress progress);

    /** One line for logs and outputs, e.g. "local: 2 tasks side by side, 1 kernel thread each". */
    String describe();

    /** Releases what the engine holds (a Spark context); the local engine holds nothing. */
    @Override
    default void close() {
    }
}
