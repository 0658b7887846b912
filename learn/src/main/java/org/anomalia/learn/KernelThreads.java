package org.anomalia.learn;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small fixed group of daemon threads that run the parts of one kernel call: part 0 on the
 * caller, parts 1.. on the workers. Kernel calls come back to back during training, so workers and
 * the waiting caller spin briefly before parking; a parked-thread wake-up costs about as much as a
 * small matmul. One call uses the group at a time; a concurrent caller runs its parts itself, which
 * gives the same numbers because each part writes its own output elements.
 */
final class KernelThreads {
    /** How long an idle worker or a waiting caller spins before parking. */
    private static final long SPIN_NANOS = 200_000;

    private final Worker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread waiter;
    private volatile Throwable failure;

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

    /** Runs body(0) .. body(parts-1), parts ≤ threads(), and returns when all are done. */
    void run(int parts, IntConsumer body) {
        if (parts > threads()) throw new IllegalArgumentException(parts + " parts for " + threads() + " threads");
        if (parts == 1 || !busy.compareAndSet(false, true)) {
            for (int q = 0; q < parts; q++) body.accept(q);
            return;
        }
        try {
            failure = null;
            waiter = Thread.currentThread();
            pending.set(parts - 1);
            for (int q = 1; q < parts; q++) workers[q - 1].submit(body, q);
            body.accept(0);
            awaitWorkers();
            Throwable t = failure;
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            if (t instanceof Error) throw (Error) t;
        } finally {
            busy.set(false);
        }
    }

    private void awaitWorkers() {
        long start = System.nanoTime();
        while (pending.get() != 0) {
            if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
            else LockSupport.parkNanos(this, 50_000);
        }
    }

    /** Stops the workers (they are daemons, so this only matters when the thread count changes). */
    void shutdown() {
        for (Worker w : workers) w.interrupt();
    }

    private final class Worker extends Thread {
        private volatile IntConsumer body;
        private int part;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void submit(IntConsumer task, int q) {
            part = q;
            body = task;            // volatile write publishes part
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                IntConsumer task = awaitTask();
                if (task == null) return;
                try {
                    task.accept(part);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    body = null;
                    if (pending.decrementAndGet() == 0) LockSupport.unpark(waiter);
                }
            }
        }

        private IntConsumer awaitTask() {
            long start = System.nanoTime();
            IntConsumer task;
            while ((task = body) == null) {
                if (isInterrupted()) return null;
                if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            return task;
        }
    }
}
