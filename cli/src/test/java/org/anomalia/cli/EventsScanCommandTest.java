package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** anomalia events scan end to end on small generated files, the same seed giving the same scan.json, and bad input. */
class EventsScanCommandTest {
    @TempDir
    Path dir;

    @Test
    void bumpHuntAndCwolaScansWriteEverythingAndRepeatBitForBit() throws IOException {
        Path data = dir.resolve("data.csv");
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "60000", "--s-over-b", "0.1", "--seed", "3",
                "--out", data.toString()));
        String[] bump = {"events", "scan", "--data", data.toString(), "--scan-range", "2.9,5.0", "--window-width", "0.4", "--toys", "20",
                "--bin-width", "0.05", "--seed", "5", "--out", null};
        bump[bump.length - 1] = dir.resolve("a").toString();
        assertEquals(Main.OK, Main.execute(bump));
        bump[bump.length - 1] = dir.resolve("b").toString();
        assertEquals(Main.OK, Main.execute(bump));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/scan.json")), Files.readAllBytes(dir.resolve("b/scan.json")));
        assertTrue(Files.exists(dir.resolve("a/report.html")) && Files.exists(dir.resolve("a/local_z.png")));
        JsonNode j = new ObjectMapper().readTree(dir.resolve("a/scan.json").toFile());
        assertEquals(5, j.get("seed").asInt());
        assertEquals("bumphunt", j.get("method").asText());
        JsonNode best = j.path("global").path("answers").get(0);
        assertTrue(best.path("best_window").path("low").asDouble() <= 3.5 && best.path("best_window").path("high").asDouble() > 3.5, best.toString());
        assertTrue(best.path("toys").has("p") && best.path("gross_vitells").has("z"), best.toString());
        JsonNode cut = j.path("windows").get(0).path("cuts").get(0);
        for (String k : new String[] {"n", "b", "sigma_b", "local_z", "fit", "warnings", "counts", "signal_in_window_truth"}) assertTrue(cut.has(k), k);

        Path cw = dir.resolve("cwola");
        assertEquals(Main.OK, Main.execute("events", "scan", "--data", data.toString(), "--method", "cwola", "--classifier", "xgboost",
                "--folds", "2", "--windows", "3.1:3.5,3.3:3.7", "--cuts", "0.2", "--toys", "5", "--bin-width", "0.05", "--sideband-width", "0.2",
                "--out", cw.toString()));
        JsonNode c = new ObjectMapper().readTree(cw.resolve("scan.json").toFile());
        assertEquals(2, c.path("windows").size());
        assertEquals(0.2, c.path("windows").get(1).path("cuts").get(0).path("kept").asDouble(), 0);

        // the idealized detector against an independent pure-background file: its template cut keeps 20 % of that background in the window
        Path bg = dir.resolve("bg.csv");
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "120000", "--s-over-b", "0", "--seed", "4",
                "--out", bg.toString()));
        Path id = dir.resolve("idealized");
        assertEquals(Main.OK, Main.execute("events", "scan", "--data", data.toString(), "--method", "idealized", "--background", bg.toString(),
                "--classifier", "xgboost", "--folds", "2", "--windows", "3.3:3.7", "--cuts", "0.2", "--toys", "5", "--bin-width", "0.05",
                "--out", id.toString()));
        JsonNode t = new ObjectMapper().readTree(id.resolve("scan.json").toFile()).path("windows").get(0).path("cuts").get(0).path("template");
        assertEquals(0.2, t.path("efficiency").asDouble(), 1e-3, t.toString());
        assertTrue(t.path("n").asDouble() > 0 && t.path("signal_truth").asDouble() > 0 && t.path("closure").has("ratio"), t.toString());
        // the same scan carrying a 30 % template systematic: the same b, its σ_b grown by 0.3 b in quadrature
        Path sys = dir.resolve("idealized-sys");
        assertEquals(Main.OK, Main.execute("events", "scan", "--data", data.toString(), "--method", "idealized", "--background", bg.toString(),
                "--classifier", "xgboost", "--folds", "2", "--windows", "3.3:3.7", "--cuts", "0.2", "--toys", "5", "--bin-width", "0.05",
                "--template-systematic", "0.3", "--out", sys.toString()));
        JsonNode u = new ObjectMapper().readTree(sys.resolve("scan.json").toFile()).path("windows").get(0).path("cuts").get(0).path("template");
        double b = t.path("b").asDouble();
        assertEquals(b, u.path("b").asDouble(), 0);
        assertEquals(Math.hypot(t.path("sigma_b").asDouble(), 0.3 * b), u.path("sigma_b").asDouble(), 1e-9 * b);
    }

    @Test
    void badInputIsOneLineAndExitTwoWithNothingWritten() throws IOException {
        Path data = dir.resolve("d.csv");
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "20000", "--seed", "1", "--out", data.toString()));
        Path out = dir.resolve("none");
        String d = data.toString();
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--windows", "6.5:7.0", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--windows", "5.5:5.9", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--method", "magic", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--method", "cwola", "--cuts", "1.5", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--spacing", "cubic", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--method", "cathode", "--runs", "0", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--window-width", "-1", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--method", "idealized", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--template-systematic", "0.1", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--closure", "none", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--method", "cathode", "--closure", "above", "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--method", "idealized", "--background", d, "--template-scale", "0,1,1",
                "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--method", "idealized", "--background", d, "--template-systematic", "0.1,0.2",
                "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--background", d, "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", d, "--method", "idealized", "--background", dir.resolve("no.csv").toString(),
                "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "scan", "--data", dir.resolve("missing.csv").toString(), "--out", out.toString()));
        assertFalse(Files.exists(out));
        assertEquals(Main.OK, Main.execute("events", "scan", "--help"));
    }
}
