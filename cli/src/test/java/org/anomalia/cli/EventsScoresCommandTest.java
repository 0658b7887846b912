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
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** anomalia events train | score end to end on small generated files, and bad input. */
class EventsScoresCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainThenScoreWritesScoresAndMetricsWithTheSeedAndReproduces() throws IOException {
        Path data = dir.resolve("data.csv");
        Path eval = dir.resolve("eval.csv");
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "6000", "--seed", "3", "--out", data.toString()));
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "8000", "--s-over-b", "0.5", "--seed", "4",
                "--out", eval.toString()));
        Path model = dir.resolve("flow.model");
        assertEquals(Main.OK, Main.execute("events", "train", "--data", data.toString(), "--model", "flow", "--epochs", "3",
                "--flow-blocks", "2", "--flow-hidden", "16", "--seed", "7", "--out", model.toString()));
        Path out = dir.resolve("scored");
        assertEquals(Main.OK, Main.execute("events", "score", "--model", model.toString(), "--events", eval.toString(), "--sr", "3.3,3.7",
                "--out", out.toString()));
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        for (String key : new String[] {"auc", "max_sic", "rejection_at_0.2", "rejection_at_0.4", "significance_improvement"}) {
            assertTrue(m.has(key), key);
        }
        assertTrue(m.get("auc").asDouble() > 0.7, "flow AUC " + m.get("auc"));
        assertEquals(7, m.path("settings").path("seed").asInt());
        assertEquals("flow", m.path("settings").path("score").asText());
        assertTrue(Files.exists(out.resolve("report.html")));
        Table scores = TableFiles.read(out.resolve("scores.csv"));
        Table sr = TableFiles.read(eval);
        long inSr = java.util.Arrays.stream(sr.column("mjj")).filter(v -> v >= 3.3 && v < 3.7).count();
        assertEquals(inSr, scores.rows());

        // training again with the same seed gives the same model file (bit-identical scores after loading: AnomalyScoreModelTest)
        Path again = dir.resolve("again.model");
        assertEquals(Main.OK, Main.execute("events", "train", "--data", data.toString(), "--model", "flow", "--epochs", "3",
                "--flow-blocks", "2", "--flow-hidden", "16", "--seed", "7", "--out", again.toString()));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(model), Files.readAllBytes(again)), "same seed, same model file");

        // an AE on unlabelled events: scores only
        Path ae = dir.resolve("ae.model");
        assertEquals(Main.OK, Main.execute("events", "train", "--data", data.toString(), "--model", "ae", "--fast", "--epochs", "1",
                "--latent", "2", "--features", "mj1,delta_mj,tau21_j1,tau21_j2", "--out", ae.toString()));
        Path unlabelled = dir.resolve("unlabelled.csv");
        TableFiles.write(unlabelled, sr.drop(List.of("label")));
        Path out3 = dir.resolve("ae-scores");
        assertEquals(Main.OK, Main.execute("events", "score", "--model", ae.toString(), "--events", unlabelled.toString(), "--out", out3.toString()));
        assertTrue(Files.exists(out3.resolve("scores.csv")));
        assertFalse(Files.exists(out3.resolve("metrics.json")));
    }

    @Test
    void badInputIsOneLineAndExitTwoWithNothingWritten() throws IOException {
        Path data = dir.resolve("d.csv");
        assertEquals(Main.OK, Main.execute("events", "generate", "--model", "toy", "--background-events", "1500", "--seed", "1", "--out", data.toString()));
        Path model = dir.resolve("ae.model");
        assertEquals(Main.OK, Main.execute("events", "train", "--data", data.toString(), "--model", "ae", "--epochs", "1", "--out", model.toString()));
        Path out = dir.resolve("none");

        // a file that lacks a feature column: one line listing the available ones
        Path missing = dir.resolve("missing.csv");
        TableFiles.write(missing, TableFiles.read(data).drop(List.of("tau21_j2")));
        String err = stderrOf(Main.USER_ERROR, "events", "score", "--model", model.toString(), "--events", missing.toString(), "--out", out.toString());
        assertTrue(err.contains("no column 'tau21_j2'") && err.contains("available columns: mjj, mj1, delta_mj, tau21_j1, label"), err);
        assertEquals(1, err.strip().lines().count(), err);

        // a corrupt model file
        Path corrupt = dir.resolve("corrupt.model");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        err = stderrOf(Main.USER_ERROR, "events", "score", "--model", corrupt.toString(), "--events", data.toString(), "--out", out.toString());
        assertTrue(err.contains("truncated"), err);
        Files.writeString(corrupt, "garbage");
        err = stderrOf(Main.USER_ERROR, "events", "score", "--model", corrupt.toString(), "--events", data.toString(), "--out", out.toString());
        assertTrue(err.contains("not an Anomalia model file"), err);

        // training: unknown kind, the label as a feature, a missing file, zero epochs; none writes a model
        Path noModel = dir.resolve("sub").resolve("x.model");
        assertEquals(Main.USER_ERROR, Main.execute("events", "train", "--data", data.toString(), "--model", "pca", "--out", noModel.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "train", "--data", data.toString(), "--model", "ae", "--features", "mj1,label",
                "--out", noModel.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "train", "--data", dir.resolve("nope.csv").toString(), "--model", "ae",
                "--out", noModel.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "train", "--data", data.toString(), "--model", "vae", "--epochs", "0",
                "--out", noModel.toString()));
        // a learning rate that makes the flow diverge: said so, no model
        err = stderrOf(Main.USER_ERROR, "events", "train", "--data", data.toString(), "--model", "flow", "--epochs", "2", "--lr", "1e6",
                "--out", noModel.toString());
        assertTrue(err.contains("diverged") || err.contains("NaN"), err);
        // --out of score is a file, --out of train a directory
        assertEquals(Main.USER_ERROR, Main.execute("events", "score", "--model", model.toString(), "--events", data.toString(),
                "--out", data.toString()));
        assertEquals(Main.USER_ERROR, Main.execute("events", "train", "--data", data.toString(), "--model", "ae", "--out", dir.toString()));
        assertFalse(Files.exists(out), "no output directory after bad input");
        assertFalse(Files.exists(noModel.getParent()), "no model directory after bad input");
        assertEquals(Main.OK, Main.execute("events", "train", "--help"));
        assertEquals(Main.OK, Main.execute("events", "score", "--help"));
    }

    private static String stderrOf(int expectedExit, String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, Main.execute(args));
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
