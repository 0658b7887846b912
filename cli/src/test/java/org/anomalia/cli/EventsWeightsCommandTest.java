package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.metrics.Roc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --weight end to end: the classifiers train with the weights, and evaluate counts each event with its weight. */
class EventsWeightsCommandTest {
    @TempDir
    static Path dir;

    static Table eval;

    @BeforeAll
    static void files() {
        Table data = new DijetGenerator(DijetModel.lhcoLike(3000).withSignalToBackground(1.0)).generate(1);
        double[] label = data.column("label");
        double[] one = new double[label.length];
        double[] notSignal = new double[label.length];
        for (int i = 0; i < label.length; i++) {
            one[i] = 1;
            notSignal[i] = 1 - label[i];
        }
        TableFiles.write(dir.resolve("data1.csv"), data.withColumn("w", one));
        TableFiles.write(dir.resolve("data0.csv"), data.withColumn("w", notSignal));
        TableFiles.write(dir.resolve("background.csv"), new DijetGenerator(DijetModel.lhcoLike(3000).withSignalToBackground(0)).generate(2));
        eval = new DijetGenerator(DijetModel.lhcoLike(3000).withSignalToBackground(1.0)).generate(3);
        TableFiles.write(dir.resolve("eval.csv"), eval);
    }

    @Test
    void signalEventsOfWeightZeroAreInvisibleToTheClassifier() throws IOException {
        double[] auc = new double[2];
        for (int w = 0; w <= 1; w++) {
            Path out = dir.resolve("ideal" + w);
            assertEquals(Main.OK, Main.execute("events", "idealized", "--data", dir.resolve("data" + w + ".csv").toString(),
                    "--background", dir.resolve("background.csv").toString(), "--eval", dir.resolve("eval.csv").toString(),
                    "--weight", "w", "--classifier", "xgboost", "--folds", "2", "--out", out.toString()));
            JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
            assertEquals("w", m.path("settings").path("weight").asText());
            auc[w] = m.get("auc").asDouble();
        }
        assertTrue(auc[1] > 0.8, "signal weighted 1: AUC " + auc[1]);
        assertTrue(auc[0] < 0.65, "signal weighted 0 (data = background): AUC " + auc[0]);
    }

    @Test
    void weightedEvaluationEqualsEvaluationOfDuplicatedEvents() throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        double[] w = new double[eval.rows()];
        List<Integer> repeated = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextInt(4); // weight 0 drops the event
            for (int k = 0; k < w[i]; k++) {
                repeated.add(i);
            }
        }
        Table duplicated = eval.rows(repeated.stream().mapToInt(Integer::intValue).toArray());
        JsonNode weighted = evaluate("weighted", eval.withColumn("w", w), "--weight", "w");
        JsonNode copies = evaluate("duplicated", duplicated);
        for (String key : new String[] {"auc", "max_sic", "rejection_at_0.2", "rejection_at_0.4", "rejection_at_0.6",
                "significance_improvement", "expected_signal", "expected_background"}) {
            assertEquals(copies.get(key).asDouble(), weighted.get(key).asDouble(), 1e-12, key);
        }
        assertEquals(repeated.stream().filter(i -> eval.column("label")[i] == 1).count(), weighted.get("expected_signal").asDouble(), 0);
        assertTrue(weighted.get("weighted").asBoolean());
    }

    @Test
    void negativeWeightsAreAcceptedWhereTheyOnlyJudge() throws IOException {
        double[] w = new double[eval.rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 10 == 0 ? -0.5 : 1.0; // NLO-like: a tenth of the events carry negative weight
        }
        JsonNode m = evaluate("negative", eval.withColumn("w", w), "--weight", "w");
        assertEquals(Roc.of(eval.column("mj1"), eval.labels("label"), w).auc(), m.get("auc").asDouble(), 1e-12);
    }

    @Test
    void anodeTrainsUnweightedAndJudgesWithTheWeightsNegativeOnesToo() throws IOException {
        Table data = new DijetGenerator(DijetModel.lhcoLike(3000).withSignalToBackground(1.0)).generate(6);
        double[] w = new double[data.rows()];
        double expectedSignal = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 7 == 0 ? -0.5 : 1.5;
            double m = data.column("mjj")[i];
            if (data.column("label")[i] == 1 && m >= 3.3 && m < 3.7) {
                expectedSignal += w[i];
            }
        }
        Path file = dir.resolve("anode-data.csv");
        TableFiles.write(file, data.withColumn("w", w));
        Path out = dir.resolve("anode");
        assertEquals(Main.OK, Main.execute("events", "anode", "--data", file.toString(), "--sr", "3.3,3.7", "--weight", "w", "--fast",
                "--flow-epochs", "1", "--flow-blocks", "1", "--out", out.toString()));
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertTrue(m.get("weighted").asBoolean());
        assertEquals(expectedSignal, m.get("expected_signal").asDouble(), 1e-9);
    }

    /** Writes the events and their mj1 as the score, runs evaluate, returns metrics.json. */
    private static JsonNode evaluate(String name, Table events, String... more) throws IOException {
        Path ev = dir.resolve(name + ".csv");
        Path scores = dir.resolve(name + "-scores.csv");
        TableFiles.write(ev, events);
        TableFiles.write(scores, new Table(name, List.of("score"), new double[][] {events.column("mj1")}));
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("events", "evaluate", "--scores", scores.toString(), "--events", ev.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        assertEquals(Main.OK, Main.execute(args.toArray(String[]::new)));
        return new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    }
}
