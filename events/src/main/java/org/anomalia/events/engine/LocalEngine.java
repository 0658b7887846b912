package org.anomalia.events.engine;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.anomalia.learn.Kernels;
import org.anomalia.learn.train.ParallelTraining;

/**
 * Runs the tasks in this JVM with learn's {@link ParallelTraining}: up to {@code sideBySide} tasks
 * at once, each on one thread with its kernel calls unsplit (the cores are already busy with the
 * other tasks); with one task at a time, each task's big kernel calls split over
 * {@link Kernels#threads()} threads instead. Either way the numbers are those of a plain loop.
 */
public final class LocalEngine implements TaskEngine {
    private final int sideBySide;

    /** Up to {@code sideBySide} (≥ 1) tasks at once. */
    public LocalEngine(int sideBySide) {
        if (sideBySide < 1) throw new IllegalArgumentException("tasks side by side must be ≥ 1, got " + sideBySide);
        this.sideBySide = sideBySide;
    }

    /** As many tasks at once as {@link ParallelTraining#threads()} (the cores, or {@code anomalia.members}). */
    public static LocalEngine onThisMachine() {
        return new LocalEngine(ParallelTraining.threads());
    }

    public int sideBySide() {
        return sideBySide;
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> tasks, TaskFunction<T, R> fn,
                                                                        TaskProgress progress) {
        AtomicInteger done = new AtomicInteger();
        int total = tasks.size();
        return ParallelTraining.map(total, sideBySide, i -> {
            R r = fn.apply(tasks.get(i));
            synchronized (progress) {
                progress.finished(done.incrementAndGet(), total);
            }
            return r;
        });
    }

    @Override
    public String describe() {
        return sideBySide == 1
                ? "local: one task at a time, " + Kernels.threads() + " kernel thread(s) per task"
                : "local: up to " + sideBySide + " tasks side by side, 1 kernel thread each";
    }
}
