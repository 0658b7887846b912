package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** anomalia events end to end on small generated files: generate, idealized, cwola, evaluate, bad input. */
class EventsCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "60000", "--s-over-b", "0.1",
                "--seed", "3", "--out", dir.resolve("data.csv").toString()));
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "60000", "--s-over-b", "0",
                "--seed", "4", "--out", dir.resolve("background.csv").toString()));
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "30000", "--s-over-b", "0.3",
                "--seed", "5", "--out", dir.resolve("eval.npy").toString()));
    }

    private static final String NAMES = "mjj,mj1,delta_mj,tau21_j1,tau21_j2,label";

    @Test
    void idealizedThenEvaluateGiveTheSameMetrics() throws IOException {
        // eval.npy needs no --names here: events generate stored its columns in eval.npy.meta.json
        Path out = dir.resolve("ideal");
        assertEquals(Main.OK, Main.execute("events", "idealized", "--data", dir.resolve("data.csv").toString(),
                "--background", dir.resolve("background.csv").toString(), "--eval", dir.resolve("eval.npy").toString(),
                "--sr", "3.3,3.7", "--classifier", "xgboost", "--folds", "2", "--seed", "1",
                "--out", out.toString()));
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        for (String key : new String[] {"auc", "max_sic", "rejection_at_0.2", "rejection_at_0.4", "significance_improvement"}) {
            assertTrue(m.has(key), key);
        }
        assertTrue(m.get("auc").asDouble() > 0.8, "AUC " + m.get("auc"));
        assertEquals(1, m.path("settings").path("seed").asInt());
        assertTrue(Files.exists(out.resolve("report.html")) && Files.exists(out.resolve("sic.png")));

        Path again = dir.resolve("evaluated");
        assertEquals(Main.OK, Main.execute("events", "evaluate", "--scores", out.resolve("scores.csv").toString(),
                "--events", dir.resolve("eval.npy").toString(), "--names", NAMES, "--sr", "3.3,3.7", "--out", again.toString()));
        // the index of scores.csv counts rows inside --sr, so evaluate sees exactly the events that were scored
        JsonNode e = new ObjectMapper().readTree(again.resolve("metrics.json").toFile());
        assertEquals(m.get("auc").asDouble(), e.get("auc").asDouble(), 0.0);
        assertEquals(m.get("max_sic").asDouble(), e.get("max_sic").asDouble(), 0.0);
    }

    @Test
    void cwolaRunsEndToEnd() throws IOException {
        Path out = dir.resolve("cwola");
        assertEquals(Main.OK, Main.execute("events", "cwola", "--data", dir.resolve("data.csv").toString(), "--sr", "3.3,3.7",
                "--sideband-width", "0.3", "--classifier", "xgboost", "--folds", "2", "--out", out.toString()));
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertTrue(m.get("auc").asDouble() > 0.6, "CWoLa AUC " + m.get("auc"));
    }

    @Test
    void generatedDataBringTheirSignalRegion() throws IOException {
        // no --sr: cwola takes 3.3,3.7 from data.csv.meta.json, exactly as if given
        Path recorded = dir.resolve("cwola-recorded"), given = dir.resolve("cwola-given");
        String[] common = {"events", "cwola", "--data", dir.resolve("data.csv").toString(), "--sideband-width", "0.3",
                "--classifier", "xgboost", "--folds", "2", "--seed", "2"};
        assertEquals(Main.OK, Main.execute(concat(common, "--out", recorded.toString())));
        assertEquals(Main.OK, Main.execute(concat(common, "--sr", "3.3,3.7", "--out", given.toString())));
        assertEquals(Files.readString(given.resolve("scores.csv")), Files.readString(recorded.resolve("scores.csv")));
        Path bare = dir.resolve("nometa.csv");
        Files.copy(dir.resolve("data.csv"), bare, StandardCopyOption.REPLACE_EXISTING);
        String err = run("events", "cwola", "--data", bare.toString(), "--out", dir.resolve("nometa").toString());
        assertTrue(err.contains("cwola needs a signal region: --sr LOW,HIGH"), err);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws IOException {
        Path out = dir.resolve("bad");
        String err = run("events", "idealized", "--data", dir.resolve("data.csv").toString(), "--background",
                dir.resolve("background.csv").toString(), "--features", "mj1,tau21", "--out", out.toString());
        assertTrue(err.contains("no column 'tau21'; available columns: mjj, mj1, delta_mj, tau21_j1, tau21_j2, label"), err);
        assertEquals(1, err.strip().lines().count(), err);
        String outside = run("events", "cwola", "--data", dir.resolve("data.csv").toString(), "--sr", "8,9", "--out", out.toString());
        assertTrue(outside.contains("lies outside the data's range"), outside);
        Path bare = dir.resolve("bare.npy");
        Files.copy(dir.resolve("eval.npy"), bare, StandardCopyOption.REPLACE_EXISTING);
        String npy = run("events", "idealized", "--data", bare.toString(), "--background", bare.toString(), "--out", out.toString());
        assertTrue(npy.contains("stores no column names; pass them with --names"), npy);
        Path wrong = dir.resolve("wrong.npy");
        Files.copy(dir.resolve("eval.npy"), wrong, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("wrong.npy.meta.json"), "{\"columns\": [\"mjj\", \"mj1\"]}");
        String meta = run("events", "idealized", "--data", wrong.toString(), "--background", wrong.toString(), "--out", out.toString());
        assertTrue(meta.contains("wrong.npy.meta.json: 'columns' lists 2 names but"), meta);
        assertFalse(Files.exists(out.resolve("metrics.json")));
    }

    /** Runs and returns stderr, asserting exit code 2. */
    private static String run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Main.USER_ERROR, Main.execute(args));
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
