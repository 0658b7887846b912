package org.anomalia.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.LocalEngine;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster: a Spark standalone Master and two Workers as separate JVMs on this machine; the
 * scans submitted to it (a bump hunt, a CWoLa scan that trains MLPs) give the local engine's scan.json
 * byte for byte, on two executors and on one. Wall and task CPU times are printed, not asserted (the
 * machine is shared).
 */
@Tag("slow")
class SparkStandaloneClusterTest {
    /** Toys of the timed bump hunt: enough work (about a second each of CPU) to see two executors share it. */
    static final int TOYS = Integer.getInteger("anomalia.clusterTestToys", 120);
    /** CWoLa windows, epochs, events, MLP width: "W,E,N,H" (for measurements; default 2 windows, 4 epochs, 20k events, 16). */
    static final String CWOLA = System.getProperty("anomalia.clusterTestCwola", "2,4,20000,16");

    @TempDir
    Path dir;

    @Test
    void scansOnTwoWorkersAndOnOneEqualTheLocalEngines() throws Exception {
        SmallScan bump = SmallScan.bumpHunt(TOYS);
        String[] we = CWOLA.split(",");
        SmallScan cwola = SmallScan.cwola(Integer.parseInt(we[0].trim()), Integer.parseInt(we[1].trim()), Integer.parseInt(we[2].trim()),
                Integer.parseInt(we[3].trim()));
        long t0 = System.nanoTime();
        byte[] bumpLocal = bump.scanJson(new LocalEngine(1), dir.resolve("bump-local"));
        double bumpSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        byte[] cwolaLocal = cwola.scanJson(new LocalEngine(1), dir.resolve("cwola-local"));
        System.out.printf(Locale.ROOT, "local engine, 1 task at a time in this JVM: bump hunt %.1f s, cwola-mlp %.1f s wall (load average %.2f)%n",
                bumpSeconds, (System.nanoTime() - t0) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (StandaloneCluster cluster = new StandaloneCluster(dir.resolve("cluster"), 2)) {
            cluster.awaitWorkers(2, Duration.ofMinutes(5));
            for (int executors : new int[] {2, 1}) {
                try (SparkEngine e = SparkEngine.start(new EngineSettings("spark", cluster.masterUrl(), cluster.driverConf(executors)))) {
                    // every executor up (registered, and has run a task) before the clock starts
                    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                    while (e.context().sc().statusTracker().getExecutorInfos().length < executors + 1 && System.nanoTime() < until) {
                        Thread.sleep(200);
                    }
                    e.map(List.of(1, 2, 3, 4), i -> i);
                    AtomicLong taskCpuNanos = new AtomicLong();
                    e.context().sc().addSparkListener(new SparkListener() {
                        @Override
                        public void onTaskEnd(SparkListenerTaskEnd end) {
                            if (end.taskMetrics() != null) taskCpuNanos.addAndGet(end.taskMetrics().executorCpuTime());
                        }
                    });
                    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    t0 = System.nanoTime();
                    byte[] viaCluster = bump.scanJson(e, dir.resolve("bump-" + executors));
                    double wall = (System.nanoTime() - t0) / 1e9;
                    System.out.printf(Locale.ROOT, "standalone cluster, %d executor(s) of 1 core: bump hunt, %d windows + %d toys in %.1f s wall,"
                            + " %.1f s CPU in tasks (load average %.2f on %d cores at the start)%n", executors, bump.windows.size(), TOYS, wall,
                            taskCpuNanos.get() / 1e9, load, Runtime.getRuntime().availableProcessors());
                    assertArrayEquals(bumpLocal, viaCluster, "bump hunt on " + executors + " executor(s)\n" + cluster.logTails());
                    // CWoLa: 2 windows, each a task that trains 2 MLPs (seconds, not milliseconds, per task)
                    taskCpuNanos.set(0);
                    load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    t0 = System.nanoTime();
                    byte[] cwolaCluster = cwola.scanJson(e, dir.resolve("cwola-" + executors));
                    wall = (System.nanoTime() - t0) / 1e9;
                    System.out.printf(Locale.ROOT, "standalone cluster, %d executor(s) of 1 core: cwola-mlp, %d windows + %d toys in %.1f s wall,"
                            + " %.1f s CPU in tasks (load average %.2f at the start)%n", executors, cwola.windows.size(), cwola.settings.toys(), wall,
                            taskCpuNanos.get() / 1e9, load);
                    assertArrayEquals(cwolaLocal, cwolaCluster, "cwola on " + executors + " executor(s)\n" + cluster.logTails());
                }
            }
        }
    }
}
