package org.anomalia.spark;

import java.io.Serializable;
import org.anomalia.events.engine.TaskFunction;
import org.anomalia.learn.Kernels;
import org.anomalia.learn.train.ParallelTraining;
import org.apache.spark.api.java.function.Function;

/**
 * One task as it runs on an executor: with {@code spark.task.cpus} = 1 (Spark runs as many tasks
 * side by side as the executor has cores) the task's kernel calls stay on its own thread, as
 * {@link ParallelTraining} runs members; with more, the executor's kernel calls split over that
 * many threads. A failure is returned, not thrown, so that every task finishes (as on the local
 * engine), Spark does not retry a failure that would only repeat, and the driver can rethrow the
 * failure of the lowest task index as it was thrown.
 */
final class TaskCall<T, R> implements Function<T, TaskCall.Outcome<R>> {
    private static final long serialVersionUID = 1L;

    /** A task's result, or what it threw. */
    record Outcome<R>(R result, Throwable failure) implements Serializable {
    }

    private final TaskFunction<T, R> fn;
    private final int cpus;

    TaskCall(TaskFunction<T, R> fn, int cpus) {
        this.fn = fn;
        this.cpus = cpus;
    }

    @Override
    public Outcome<R> call(T task) {
        try {
            if (cpus == 1) return new Outcome<>(ParallelTraining.asMember(() -> fn.apply(task)), null);
            // one thread count per executor (spark.task.cpus is per application); setThreads is idempotent
            if (Kernels.threads() != cpus) Kernels.setThreads(cpus);
            return new Outcome<>(fn.apply(task), null);
        } catch (RuntimeException e) {
            return new Outcome<>(null, e);
        }
    }
}
