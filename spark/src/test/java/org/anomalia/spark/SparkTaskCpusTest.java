package org.anomalia.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.LocalEngine;
import org.anomalia.learn.Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spark.task.cpus=2: one task at a time, its kernel calls split over two threads; the numbers stay those of one thread. */
class SparkTaskCpusTest {
    @TempDir
    Path dir;

    @Test
    void twoKernelThreadsPerTaskGiveTheSameScanJson() throws IOException {
        SmallScan scan = SmallScan.cwola();
        int before = Kernels.threads();
        byte[] local = scan.scanJson(new LocalEngine(1), dir.resolve("local"));
        try (SparkEngine e = SparkEngine.start(new EngineSettings("spark", "local[2]", Map.of("spark.task.cpus", "2")))) {
            assertEquals(2, e.taskCpus());
            byte[] viaSpark = scan.scanJson(e, dir.resolve("spark"));
            assertEquals(2, Kernels.threads());
            assertArrayEquals(local, viaSpark);
        } finally {
            Kernels.setThreads(before);
        }
    }
}
