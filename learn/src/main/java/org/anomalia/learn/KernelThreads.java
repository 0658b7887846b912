package org.anomalia.learn;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small fixed group of daemon threads that share the chunks of one kernel call. The caller and
 * the workers claim chunks from a counter until none are left, so a worker that the OS schedules
 * late (a loaded machine) costs at most the chunk it holds: the caller simply takes the rest. Which
 * thread computes a chunk does not change its numbers, so results stay bit-identical.
 * Kernel calls come back to back during training, so idle workers spin briefly before parking; a
 * parked-thread wake-up costs about as much as a small matmul.
 */
final class KernelThreads {
    /** How long an idle worker spins before parking. */
    private static final long SPIN_NANOS = 100_000;

    private final Worker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();

    KernelThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("kernel threads must be >= 1, got " + threads);
        workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker("anomalia-kernel-" + (w + 1));
            workers[w].start();
        }
    }

    int threads() {
        return workers.length + 1;
    }

    /** Runs body(0) .. body(chunks-1), each exactly once, and returns when all are done. */
    void run(int chunks, IntConsumer body) {
        if (chunks <= 1 || workers.length == 0 || !busy.compareAndSet(false, true)) {
            // one chunk, one thread, or the group is serving another caller: do it all here
            for (int q = 0; q < chunks; q++) body.accept(q);
            return;
        }
        try {
            Job job = new Job(body, chunks);
            for (Worker w : workers) w.offer(job);
            job.work();
            job.await();
        } finally {
            busy.set(false);
        }
    }

    /** Stops the workers (they are daemons, so this only matters when the thread count changes). */
    void shutdown() {
        for (Worker w : workers) w.interrupt();
    }

    /** One kernel call: chunks claimed from a counter, a count of finished ones, the first failure. */
    private static final class Job {
        final IntConsumer body;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(IntConsumer body, int chunks) {
            this.body = body;
            this.chunks = chunks;
        }

        void work() {
            int q;
            while ((q = next.getAndIncrement()) < chunks) {
                try {
                    body.accept(q);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        /** Waits for chunks other threads claimed, then rethrows the first failure. */
        void await() {
            for (int spins = 0; done.get() < chunks; spins++) {
                if (spins < 10_000) Thread.onSpinWait();
                else Thread.yield();   // the holder of a chunk was descheduled: let it run
            }
            Throwable t = failure;
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            if (t instanceof Error) throw (Error) t;
            if (t != null) throw new IllegalStateException(t);
        }
    }

    private static final class Worker extends Thread {
        private volatile Job job;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void offer(Job j) {
            job = j;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (!isInterrupted()) {
                Job j = job;
                if (j != null) {
                    job = null;
                    j.work();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
