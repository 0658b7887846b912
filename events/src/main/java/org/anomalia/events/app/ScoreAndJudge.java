package org.anomalia.events.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.metrics.Metrics;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.io.AtomicOutput;

/**
 * The common tail of every scoring method: score the evaluation events with the fold ensemble (or
 * take the out-of-fold scores of the training events when there is no evaluation set), write
 * scores.csv next to the row index, and when the events carry labels of both classes write
 * metrics.json and the report. Everything that can be wrong with the events is checked by
 * {@link Target#check()} (call it before training) and again before the first file is written.
 */
public final class ScoreAndJudge {
    /**
     * What to judge: events, their features, and the names of the label, resonant and weight
     * columns (label, resonant or weight null or absent: no metrics, no mass plot, unit weights).
     * Weights here only judge, so negative ones (NLO simulation) are allowed.
     */
    public record Target(Table events, List<String> features, String label, String resonant, String weight) {
        public Target(Table events, List<String> features, String label, String resonant) {
            this(events, features, label, resonant, null);
        }

        /**
         * Checks the features exist and the labels are 0/1; returns this. Call before training, so
         * that a bad evaluation file fails before hours of work.
         */
        public Target check() {
            for (String f : features) {
                events.indexOf(f);
            }
            whyNotJudged();
            return this;
        }

        /** The labels (checked 0/1), or null when there is no label column. */
        int[] labels() {
            return label != null && events.has(label) ? events.labels(label) : null;
        }

        /** The event weights, or null (every event counts 1). */
        public double[] weights() {
            return weight != null && events.has(weight) ? events.column(weight) : null;
        }

        /** Why these events cannot be judged (no labels, one class only), or null when they can. */
        public String whyNotJudged() {
            int[] labels = labels();
            if (labels == null) {
                return "no label column" + (label == null ? "" : " '" + label + "'");
            }
            double[] w = weights();
            double[] total = new double[2];
            for (int i = 0; i < labels.length; i++) {
                total[labels[i]] += w == null ? 1 : w[i];
            }
            if (!(total[1] > 0)) {
                return "no signal (label 1) events" + (w == null ? "" : " of positive total weight");
            }
            if (!(total[0] > 0)) {
                return "no background (label 0) events" + (w == null ? "" : " of positive total weight");
            }
            return null;
        }

        /** A user error unless the events can be judged (for commands whose only job is to judge). */
        public Target requireJudgeable() {
            String why = check().whyNotJudged();
            if (why != null) {
                throw new UserException(events.source() + ": " + why + "; metrics need labelled signal and background events");
            }
            return this;
        }
    }

    private ScoreAndJudge() {
    }

    /** Scores {@code target} with the ensemble of the fold models. */
    public static Metrics ensemble(Path out, String title, KFold.Result models, Target target, Judging judging,
            Map<String, Object> settings) {
        double[] scores = models.ensembleScore(target.events().toFloatRows(target.features()));
        return write(out, title, scores, target, judging, settings);
    }

    /**
     * Writes the given scores of {@code target}'s events (for example out-of-fold scores). The
     * metrics are computed first, so that scores that cannot be judged (NaN from a diverged
     * training) leave nothing behind.
     */
    public static Metrics write(Path out, String title, double[] scores, Target target, Judging judging,
            Map<String, Object> settings) {
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new UserException(title + ": the score of event " + i + " is " + scores[i]
                        + " (did the training diverge?); nothing written");
            }
        }
        Table ev = target.events();
        String why = target.whyNotJudged();
        EvaluationOutput judged = null;
        if (why == null) {
            Map<String, Object> s = new LinkedHashMap<>(settings);
            s.put("scored_file", ev.source());
            double[] resonant = target.resonant() != null && ev.has(target.resonant()) ? ev.column(target.resonant()) : null;
            judged = EvaluationOutput.of(title, scores, target.labels(), target.weights(), resonant, target.resonant(),
                    judging.fprFloor(), judging.expectedSignal(), judging.expectedBackground(), s);
        }
        int[] index = new int[scores.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        EvaluationOutput toWrite = judged;
        // scores.csv, metrics.json, report.html and its plots appear together or not at all
        AtomicOutput.directory(out, tmp -> {
            TableFiles.writeScores(tmp.resolve("scores.csv"), index, List.of("score"), List.of(scores));
            if (toWrite != null) toWrite.writeInto(tmp);
        });
        if (judged == null) {
            System.out.println("wrote " + out.resolve("scores.csv") + " (" + why + ": no metrics)");
            return null;
        }
        Metrics m = judged.metrics();
        System.out.printf("AUC %.4f, max SIC %.2f, rejection at 0.2 %s, significance improvement %.2f; wrote %s%n", m.auc(),
                m.maxSic(), Double.isFinite(m.rejectionAt02()) ? String.format("%.1f", m.rejectionAt02()) : "inf",
                m.significanceImprovement(), out.resolve("metrics.json") + " and " + out.resolve("report.html"));
        return m;
    }

    /** FPR floor and the expected signal-region counts (≤ 0: take the scored set's own counts). */
    public record Judging(double fprFloor, double expectedSignal, double expectedBackground) {
    }
}
