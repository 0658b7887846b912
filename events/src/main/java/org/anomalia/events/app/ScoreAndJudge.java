package org.anomalia.events.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.metrics.Metrics;

/**
 * The common tail of every scoring method: score the evaluation events with the fold ensemble (or
 * take the out-of-fold scores of the training events when there is no evaluation set), write
 * scores.csv next to the row index, and when the events carry labels write metrics.json and the
 * report.
 */
public final class ScoreAndJudge {
    /** What to judge: events, their features, and the names of the label and resonant columns. */
    public record Target(Table events, List<String> features, String label, String resonant) {
    }

    private ScoreAndJudge() {
    }

    /** Scores {@code target} with the ensemble of the fold models. */
    public static Metrics ensemble(Path out, String title, KFold.Result models, Target target, Judging judging,
            Map<String, Object> settings) {
        double[] scores = models.ensembleScore(target.events().toFloatRows(target.features()));
        return write(out, title, scores, target, judging, settings);
    }

    /** Writes the given scores of {@code target}'s events (for example out-of-fold scores). */
    public static Metrics write(Path out, String title, double[] scores, Target target, Judging judging,
            Map<String, Object> settings) {
        int[] index = new int[scores.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        TableFiles.writeScores(out.resolve("scores.csv"), index, List.of("score"), List.of(scores));
        Table ev = target.events();
        if (target.label() == null || !ev.has(target.label())) {
            System.out.println("wrote " + out.resolve("scores.csv") + " (no label column: no metrics)");
            return null;
        }
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.put("scored_file", ev.source());
        double[] resonant = target.resonant() != null && ev.has(target.resonant()) ? ev.column(target.resonant()) : null;
        Metrics m = EvaluationOutput.write(out, title, scores, ev.labels(target.label()), resonant, target.resonant(),
                judging.fprFloor(), judging.expectedSignal(), judging.expectedBackground(), s);
        System.out.printf("AUC %.4f, max SIC %.2f, rejection at 0.2 %s, significance improvement %.2f; wrote %s%n", m.auc(),
                m.maxSic(), Double.isFinite(m.rejectionAt02()) ? String.format("%.1f", m.rejectionAt02()) : "inf",
                m.significanceImprovement(), out.resolve("metrics.json") + " and " + out.resolve("report.html"));
        return m;
    }

    /** FPR floor and the expected signal-region counts (≤ 0: take the scored set's own counts). */
    public record Judging(double fprFloor, double expectedSignal, double expectedBackground) {
    }
}
