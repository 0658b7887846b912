package org.anomalia.learn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.anomalia.learn.Kernels;

/**
 * Independent trainings (k-fold models, ensemble members) side by side on a small fixed group of
 * threads: the way to use both cores for networks too small for a split inside each kernel call
 * to pay. Each task runs its kernel calls unsplit ({@link Kernels#unsplit}), so the cores are not
 * oversubscribed. A task must own its seed and data and share nothing mutable with the others;
 * then the results are, bit for bit, those of running the tasks one after another, whatever the
 * thread count.
 */
public final class ParallelTraining {
    /** Set in member threads: a map() called from inside a member runs its tasks in that member. */
    private static final ThreadLocal<Boolean> IN_MEMBER = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private ParallelTraining() {}

    /**
     * How many trainings to run side by side: the system property {@code anomalia.members} if set
     * (1 = one after another, each splitting its big kernel calls instead), else the kernel thread
     * count ({@code anomalia.threads}, default the cores).
     */
    public static int threads() {
        int n = Integer.getInteger("anomalia.members", Kernels.threads());
        return Math.max(1, n);
    }

    /**
     * Runs body as one member of a group that already fills the cores (a Spark task given one
     * core): its kernel calls unsplit and any {@link #map} inside it a plain loop, as for a member
     * started here.
     */
    public static <T> T asMember(java.util.function.Supplier<T> body) {
        boolean before = IN_MEMBER.get();
        IN_MEMBER.set(Boolean.TRUE);
        try {
            return Kernels.unsplit(body);
        } finally {
            IN_MEMBER.set(before);
        }
    }

    /**
     * task(0) .. task(tasks − 1) on up to {@code threads} threads, started in index order; returns
     * their results in index order. With one thread (or one task), or when called from inside a
     * member (nested ensembles: the cores are taken already), everything runs in the caller,
     * exactly as a plain loop. If tasks fail, all the others still finish and the failure of the
     * lowest index is rethrown (unchecked exceptions as they are).
     */
    public static <T> List<T> map(int tasks, int threads, IntFunction<T> task) {
        List<T> out = new ArrayList<>(tasks);
        int n = Math.min(tasks, threads);
        if (n <= 1 || IN_MEMBER.get()) {
            for (int i = 0; i < tasks; i++) out.add(task.apply(i));
            return out;
        }
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "anomalia-member-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    IN_MEMBER.set(Boolean.TRUE);
                    return Kernels.unsplit(() -> task.apply(index));
                }));
            }
            Throwable first = null;
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause();
                    out.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for parallel trainings", e);
                }
            }
            if (first instanceof RuntimeException re) throw re;
            if (first instanceof Error err) throw err;
            if (first != null) throw new IllegalStateException(first);
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
