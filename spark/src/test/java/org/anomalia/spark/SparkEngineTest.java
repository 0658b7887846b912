package org.anomalia.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.LocalEngine;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskEngines;
import org.anomalia.events.scan.SpectrumScan;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark embedded (local[2]): the scan's scan.json equal, byte for byte, to the local engine's; failures as thrown; settings checked. */
class SparkEngineTest {
    private static TaskEngine spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        // through the service loader, as the CLI finds it
        spark = TaskEngines.start(new EngineSettings("spark", "local[2]", Map.of()));
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.close();
    }

    @Test
    void isFoundByTheServiceLoaderAndSaysWhatItRuns() {
        assertInstanceOf(SparkEngine.class, spark);
        assertEquals("local[2]", ((SparkEngine) spark).master());
        assertEquals(1, ((SparkEngine) spark).taskCpus());
        assertTrue(spark.describe().contains("2 task slot(s)"), spark.describe());
    }

    @Test
    void resultsComeInTaskOrderAndProgressCountsEveryTask() {
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i < 9; i++) tasks.add(i);
        List<int[]> told = new ArrayList<>();
        List<Long> out = spark.map(tasks, i -> (long) i * i * i, (done, total) -> told.add(new int[] {done, total}));
        for (int i = 0; i < 9; i++) assertEquals((long) i * i * i, out.get(i));
        assertEquals(9, told.size());
        for (int k = 0; k < 9; k++) assertArrayEquals(new int[] {k + 1, 9}, told.get(k));
    }

    @Test
    void theLowestFailingTaskSurfacesAsItWasThrown() {
        List<Integer> tasks = List.of(0, 1, 2, 3, 4, 5);
        UserException u = assertThrows(UserException.class, () -> spark.map(tasks, i -> {
            if (i == 2) throw new UserException("window " + i + ": too few events; widen it");
            if (i == 4) throw new IllegalStateException("task " + i);
            return i;
        }));
        assertEquals("window 2: too few events; widen it", u.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> spark.map(tasks, i -> {
            if (i >= 3) throw new IllegalArgumentException("task " + i);
            return i;
        }));
        assertEquals("task 3", other.getMessage());
        // the context survives failed tasks
        assertEquals(List.of(0, 2, 4), spark.map(List.of(0, 1, 2), i -> 2 * i));
    }

    @Test
    void bumpHuntScanJsonIsByteForByteTheLocalEngines() throws IOException {
        SmallScan scan = SmallScan.bumpHunt(30);
        byte[] local = scan.scanJson(new LocalEngine(1), dir.resolve("local"));
        byte[] viaSpark = scan.scanJson(spark, dir.resolve("spark"));
        assertArrayEquals(local, viaSpark);
        // and it is a scan that found something: the resonance at 3.5 is in the best window
        SpectrumScan.Result r = scan.run(spark);
        var best = r.windows().get(r.global().answers().get(0).bestWindow()).window();
        assertTrue(best.low() <= 3.5 && best.high() > 3.5, "best window " + best);
    }

    @Test
    void cwolaScanThatTrainsNetworksIsByteForByteTheLocalEngines() throws IOException {
        SmallScan scan = SmallScan.cwola();
        byte[] local = scan.scanJson(new LocalEngine(2), dir.resolve("local"));
        byte[] viaSpark = scan.scanJson(spark, dir.resolve("spark"));
        assertArrayEquals(local, viaSpark);
    }

    @Test
    void everyMethodsWindowTaskSerializes() throws IOException {
        // what Spark ships to executors: the scan's per-window state (data, method, settings)
        for (SmallScan s : List.of(SmallScan.bumpHunt(0), SmallScan.cwola())) {
            try (ObjectOutputStream o = new ObjectOutputStream(new ByteArrayOutputStream())) {
                o.writeObject(new org.anomalia.events.scan.WindowAnalysis(s.data, "mjj", List.of(), "label", s.method, s.settings));
            }
        }
    }

    @Test
    void badSettingsAreOneLineUserErrorsBeforeAnyWork() {
        UserException m = assertThrows(UserException.class, () -> SparkSettings.conf(new EngineSettings("spark", "sprak://x:7077", Map.of())));
        assertTrue(m.getMessage().startsWith("--master sprak://x:7077: use local[*]"), m.getMessage());
        UserException k = assertThrows(UserException.class,
                () -> SparkSettings.conf(new EngineSettings("spark", null, Map.of("executor.memory", "1g"))));
        assertTrue(k.getMessage().contains("start with 'spark.'"), k.getMessage());
        UserException c = assertThrows(UserException.class,
                () -> SparkSettings.conf(new EngineSettings("spark", "local[2]", Map.of("spark.task.cpus", "3"))));
        assertTrue(c.getMessage().contains("exceeds the 2 core(s)"), c.getMessage());
        UserException z = assertThrows(UserException.class,
                () -> SparkSettings.conf(new EngineSettings("spark", "local[2]", Map.of("spark.task.cpus", "zero"))));
        assertTrue(z.getMessage().contains("positive whole number"), z.getMessage());
        assertEquals("local[*]", SparkSettings.conf(new EngineSettings("spark", null, Map.of())).get("spark.master"));
    }
}
