package org.anomalia.cli;

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

/** anomalia events cathode | anode end to end on a small generated file with a large signal, and bad input. */
class EventsDensityCommandTest {
    @TempDir
    Path dir;

    @Test
    void cathodeWritesMetricsThatFindTheSignalAndAnodeRuns() throws IOException {
        Path data = dir.resolve("data.csv");
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "12000", "--s-over-b", "0.2", "--seed", "3",
                "--out", data.toString()));
        Path out = dir.resolve("cathode");
        assertEquals(Main.OK, Main.execute("events", "cathode", "--data", data.toString(), "--sr", "3.3,3.7", "--fast",
                "--flow-epochs", "2", "--flow-blocks", "2", "--classifier", "xgboost", "--folds", "2", "--oversampling", "2",
                "--seed", "7", "--out", out.toString()));
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        for (String key : new String[] {"auc", "max_sic", "rejection_at_0.2", "rejection_at_0.4", "significance_improvement"}) {
            assertTrue(m.has(key), key);
        }
        // out-of-fold scores of the signal-region data, judged against the truth labels
        assertTrue(m.get("auc").asDouble() > 0.75, "CATHODE AUC " + m.get("auc"));
        assertEquals(7, m.path("settings").path("seed").asInt());
        assertTrue(Files.exists(out.resolve("scores.csv")) && Files.exists(out.resolve("report.html")));

        Path anode = dir.resolve("anode");
        assertEquals(Main.OK, Main.execute("events", "anode", "--data", data.toString(), "--sr", "3.3,3.7", "--fast", "--flow-epochs", "1",
                "--flow-blocks", "1", "--seed", "7", "--out", anode.toString()));
        JsonNode a = new ObjectMapper().readTree(anode.resolve("metrics.json").toFile());
        assertTrue(a.get("auc").asDouble() > 0.5, "ANODE AUC " + a.get("auc"));
    }

    @Test
    void lacathodeAndRanodeRunEndToEnd() throws IOException {
        Path data = dir.resolve("data2.csv");
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "12000", "--s-over-b", "0.2", "--seed", "3",
                "--out", data.toString()));
        Path lacathode = dir.resolve("lacathode");
        assertEquals(Main.OK, Main.execute("events", "lacathode", "--data", data.toString(), "--sr", "3.3,3.7", "--fast",
                "--flow-epochs", "2", "--flow-blocks", "2", "--classifier", "xgboost", "--folds", "2", "--oversampling", "2",
                "--seed", "7", "--out", lacathode.toString()));
        JsonNode l = new ObjectMapper().readTree(lacathode.resolve("metrics.json").toFile());
        assertTrue(l.get("auc").asDouble() > 0.75, "LaCATHODE AUC " + l.get("auc"));

        Path ranode = dir.resolve("ranode");
        assertEquals(Main.OK, Main.execute("events", "ranode", "--data", data.toString(), "--sr", "3.3,3.7", "--fast", "--flow-epochs", "2",
                "--flow-blocks", "2", "--signal-epochs", "10", "--seed", "7", "--out", ranode.toString()));
        JsonNode r = new ObjectMapper().readTree(ranode.resolve("metrics.json").toFile());
        assertTrue(r.get("auc").asDouble() > 0.75, "R-ANODE AUC " + r.get("auc"));
        double w = r.path("settings").path("fitted_signal_fraction").asDouble();
        assertTrue(w > 0.02 && w < 0.6, "fitted signal fraction " + w + " (S/B 0.2 in the signal region: w ≈ 0.17)");
        // the failed-fit guard's three starts are recorded, one of them kept, with the fitted w
        String starts = r.path("settings").path("signal_fit_starts").asText();
        assertEquals(3, starts.split("; start").length, starts);
        assertEquals(1, starts.split("\\(kept\\)", -1).length - 1, starts);
        assertTrue(starts.contains(String.format(java.util.Locale.ROOT, "-> w %.4g, held-out loss", w)), starts + " vs w " + w);
    }

    @Test
    void badInputIsOneLineAndExitTwoWithNothingWritten() throws java.io.IOException {
        Path out = dir.resolve("none");
        assertEquals(Main.USER_ERROR, Main.execute("events", "cathode", "--data", dir.resolve("missing.csv").toString(), "--sr", "3.3,3.7",
                "--out", out.toString()));
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "2000", "--seed", "1", "--out",
                dir.resolve("d.csv").toString()));
        Files.delete(dir.resolve("d.csv.meta.json")); // without it no signal region is recorded: --sr is needed
        assertEquals(Main.USER_ERROR, Main.execute("events", "cathode", "--data", dir.resolve("d.csv").toString(), "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "anode", "--data", dir.resolve("d.csv").toString(), "--sr", "8,9",
                "--out", out.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "cathode", "--data", dir.resolve("d.csv").toString(), "--sr", "3.3,3.7",
                "--flow-epochs", "0", "--out", out.toString()));
        assertFalse(Files.exists(out.resolve("metrics.json")));
        assertEquals(Main.OK, Main.execute("events", "cathode", "--help"));
        assertEquals(Main.OK, Main.execute("events", "anode", "--help"));
        assertEquals(Main.OK, Main.execute("events", "ranode", "--help"));
        assertEquals(Main.OK, Main.execute("events", "lacathode", "--help"));
    }
}
