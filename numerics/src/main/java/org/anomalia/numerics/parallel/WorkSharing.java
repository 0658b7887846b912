package org.anomalia.numerics.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Work items 0 … items−1 taken in turn by {@code threads} threads (the caller's and daemon helpers), each
 * thread with its own scratch state. The first failure stops the others from taking new items and is
 * rethrown as it was thrown. Which thread takes which item varies from run to run, so an item's result
 * must depend on the item alone (a hot loop's tiles, a sampler's seeded blocks).
 */
public final class WorkSharing {
    private WorkSharing() {}

    /** One thread's worker: its scratch state and the work on one item. */
    @FunctionalInterface
    public interface Worker {
        void work(int item);
    }

    /** Runs every item once; {@code perThread} makes each thread's worker, on that thread. */
    public static void run(int items, int threads, String threadName, Supplier<Worker> perThread) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable loop = () -> {
            try {
                Worker w = perThread.get();
                int item;
                while (failure.get() == null && (item = next.getAndIncrement()) < items) {
                    w.work(item);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        int n = Math.max(1, Math.min(threads, items));
        List<Thread> started = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            Thread th = new Thread(loop, threadName + "-" + k);
            th.setDaemon(true);
            th.start();
            started.add(th);
        }
        loop.run();
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + threadName, e);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
    }
}
