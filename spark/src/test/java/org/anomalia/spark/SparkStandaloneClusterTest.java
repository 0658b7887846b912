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
 * scans submitted to it give the local engine's scan.json byte for byte, on two executors and on
 * one. The wall time of the bump hunt's toys on each is printed (not asserted: the machine is shared).
 */
@Tag("slow")
class SparkStandaloneClusterTest {
    /** Toys of the timed bump hunt: enough work (about a second each of CPU) to see two executors share it. */
    static final int TOYS = Integer.getInteger("anomalia.clusterTestToys", 120);

    @TempDir
    Path dir;

    @Test
    void scansOnTwoWorkersAndOnOneEqualTheLocalEngines() throws Exception {
        SmallScan bump = SmallScan.bumpHunt(TOYS);
        SmallScan cwola = SmallScan.cwola();
        byte[] bumpLocal = bump.scanJson(new LocalEngine(1), dir.resolve("bump-local"));
        byte[] cwolaLocal = cwola.scanJson(new LocalEngine(1), dir.resolve("cwola-local"));
        try (StandaloneCluster cluster = new StandaloneCluster(dir.resolve("cluster"), 2)) {
            cluster.awaitWorkers(2, Duration.ofMinutes(5));
            for (int executors : new int[] {2, 1}) {
                try (SparkEngine e = SparkEngine.start(new EngineSettings("spark", cluster.masterUrl(), cluster.driverConf(executors)))) {
                    // executors up before the clock starts
                    e.map(List.of(1, 2), i -> i);
                    AtomicLong taskCpuNanos = new AtomicLong();
                    e.context().sc().addSparkListener(new SparkListener() {
                        @Override
                        public void onTaskEnd(SparkListenerTaskEnd end) {
                            if (end.taskMetrics() != null) taskCpuNanos.addAndGet(end.taskMetrics().executorCpuTime());
                        }
                    });
                    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    long t0 = System.nanoTime();
                    byte[] viaCluster = bump.scanJson(e, dir.resolve("bump-" + executors));
                    double wall = (System.nanoTime() - t0) / 1e9;
                    System.out.printf(Locale.ROOT, "standalone cluster, %d executor(s) of 1 core: bump hunt, %d windows + %d toys in %.1f s wall,"
                            + " %.1f s CPU in tasks (load average %.2f on %d cores at the start)%n", executors, bump.windows.size(), TOYS, wall,
                            taskCpuNanos.get() / 1e9, load, Runtime.getRuntime().availableProcessors());
                    assertArrayEquals(bumpLocal, viaCluster, "bump hunt on " + executors + " executor(s)\n" + cluster.logTails());
                    if (executors == 2) {
                        assertArrayEquals(cwolaLocal, cwola.scanJson(e, dir.resolve("cwola-2")), "cwola on 2 executors\n" + cluster.logTails());
                    }
                }
            }
        }
    }
}
