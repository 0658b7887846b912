package org.anomalia.events.engine;

import java.io.Serializable;

/**
 * What to do with one task: a function that can be shipped to another JVM (a Spark executor), so
 * it must capture only serializable values (settings, seeds, small data; not open files, threads
 * or loggers). It must be a pure function of its task: same task, same result, on any machine.
 *
 * @param <T> the task (its inputs and seed)
 * @param <R> its result
 */
@FunctionalInterface
public interface TaskFunction<T, R> extends Serializable {
    /** The result of one task. A {@link org.anomalia.numerics.UserException} reaches the caller as it is. */
    R apply(T task);
}
