package org.anomalia.events.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.events.metrics.Metrics;
import org.anomalia.events.metrics.Roc;
import org.anomalia.events.metrics.SignificanceAfterCut;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.report.Figure;
import org.anomalia.report.Histogram;
import org.anomalia.report.HtmlReport;

/**
 * Writes the judgement of one anomaly score on a labelled set: metrics.json (auc, max_sic,
 * rejection_at_0.2/0.4/0.6, significance_improvement, the cut table, plus the run's settings and
 * seed) and report.html with the ROC, SIC curve, score distributions and the resonant variable
 * before and after cuts.
 */
public final class EvaluationOutput {
    private final String title;
    private final Roc roc;
    private final Metrics metrics;
    private final double[] scores;
    private final int[] labels;
    private final double[] weights;
    private final double[] resonant;
    private final String resonantName;
    private final Map<String, Object> settings;

    private EvaluationOutput(String title, Roc roc, Metrics metrics, double[] scores, int[] labels, double[] weights,
            double[] resonant, String resonantName, Map<String, Object> settings) {
        this.title = title;
        this.roc = roc;
        this.metrics = metrics;
        this.scores = scores;
        this.labels = labels;
        this.weights = weights;
        this.resonant = resonant;
        this.resonantName = resonantName;
        this.settings = settings;
    }

    /**
     * Judges the scores (a user error, before anything is written, if they cannot be judged).
     * {@code weights} null = every event counts 1; S0, B0 ≤ 0 = the set's own (weighted) counts.
     */
    public static EvaluationOutput of(String title, double[] scores, int[] labels, double[] weights, double[] resonant,
            String resonantName, double fprFloor, double expectedSignal, double expectedBackground, Map<String, Object> settings) {
        Roc roc = Roc.of(scores, labels, weights);
        double s0 = expectedSignal > 0 ? expectedSignal : roc.signalTotal();
        double b0 = expectedBackground > 0 ? expectedBackground : roc.backgroundTotal();
        return new EvaluationOutput(title, roc, Metrics.of(roc, fprFloor, s0, b0), scores, labels, weights, resonant, resonantName,
                settings);
    }

    public Metrics metrics() {
        return metrics;
    }

    /** Writes metrics.json and report.html (with its plots) into {@code dir}, all or nothing. */
    public void write(Path dir) {
        AtomicOutput.directory(dir, this::writeInto);
    }

    /** Writes metrics.json and report.html into a directory that another writer fills too (scores.csv). */
    public void writeInto(Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>(metrics.toJsonMap());
        json.put("events", scores.length);
        if (weights != null) {
            json.put("weighted", true);
        }
        json.put("settings", settings);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(dir.resolve("metrics.json").toFile(), json);
        report().write(dir);
    }

    private HtmlReport report() {
        Metrics m = metrics;
        HtmlReport r = new HtmlReport(title);
        r.paragraph(String.format("AUC %.4f · max SIC %.2f (FPR ≥ %.0e) · rejection at ε_S = 0.2: %s, 0.4: %s, 0.6: %s · "
                + "best S/√(S+B) improvement %.2f with S0 = %.0f, B0 = %.0f expected in the signal region"
                + (weights == null ? "." : "; events weighted."),
                m.auc(), m.maxSic(), m.fprFloor(), fmt(m.rejectionAt02()), fmt(m.rejectionAt04()), fmt(m.rejectionAt06()),
                m.significanceImprovement(), m.expectedSignal(), m.expectedBackground()));
        r.preformatted("settings: " + settings);
        org.anomalia.report.Table cuts = new org.anomalia.report.Table("ε_S", "ε_B", "S", "B", "S/√(S+B)", "S/√B",
                "× S/√(S+B)", "× S/√B");
        cuts.row("no cut", "1", fmt(m.expectedSignal()), fmt(m.expectedBackground()),
                fmt(m.expectedSignal() / Math.sqrt(m.expectedSignal() + m.expectedBackground())),
                fmt(m.expectedSignal() / Math.sqrt(m.expectedBackground())), "1", "1");
        for (SignificanceAfterCut c : m.cuts()) {
            cuts.row(fmt(c.signalEfficiency()), fmt(c.backgroundEfficiency()), fmt(c.signal()), fmt(c.background()),
                    fmt(c.sOverSqrtSPlusB()), fmt(c.sOverSqrtB()), fmt(c.improvementSOverSqrtSPlusB()), fmt(c.improvementSOverSqrtB()));
        }
        r.heading("Significance after cuts on the score");
        r.table(cuts);

        double[] tpr = roc.tpr();
        double[] fpr = roc.fpr();
        double[] sic = roc.sic(m.fprFloor());
        List<double[]> rejection = finitePoints(tpr, inverse(fpr));
        List<double[]> sicPoints = finitePoints(tpr, sic);
        r.heading("ROC and SIC");
        r.figure(Figure.xy("Background rejection", "signal efficiency", "1 / background efficiency").logY()
                .line("score", rejection.get(0), rejection.get(1)), "rejection.png", "Background rejection 1/ε_B against ε_S.");
        r.figure(Figure.xy("Significance improvement", "signal efficiency", "ε_S / √ε_B")
                .line("score", sicPoints.get(0), sicPoints.get(1)), "sic.png",
                "SIC curve; points with ε_B below the floor are left out.");
        r.heading("Score distributions");
        r.figure(Figure.xy("Anomaly score", "score", "density")
                .histogram("background", Histogram.of(select(scores, labels, 0), select(weights, labels, 0), 50), true)
                .histogram("signal", Histogram.of(select(scores, labels, 1), select(weights, labels, 1), 50), true), "scores.png",
                "Score of background (label 0) and signal (label 1) events.");
        if (resonant != null) {
            r.heading("Resonant variable after cuts");
            Figure f = Figure.xy(resonantName + " after cuts", axisLabel(resonantName), "events").logY();
            double lo = Arrays.stream(resonant).min().orElse(0);
            double hi = Arrays.stream(resonant).max().orElse(1);
            for (double keep : new double[] {1.0, 0.1, 0.01}) {
                double cut = weightedQuantile(scores, weights, 1 - keep);
                boolean[] pass = new boolean[scores.length];
                for (int i = 0; i < scores.length; i++) {
                    pass[i] = scores[i] >= cut;
                }
                f.histogram(keep == 1 ? "all events" : "top " + Math.round(keep * 100) + " %", Histogram.of(select(resonant, pass), select(weights, pass), 40, lo, hi), false);
            }
            r.figure(f, "resonant.png", "Histograms of " + resonantName + " for all events and the top 10 % and 1 % by score.");
        }
        return r;
    }

    /** The LHCO dataset's and the generator's mass columns are in TeV; other columns carry no unit we know. */
    static String axisLabel(String column) {
        return switch (column) {
            case "mjj", "mj1", "mj2", "delta_mj" -> column + " [TeV]";
            default -> column;
        };
    }

    private static double[] inverse(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = 1 / v[i];
        }
        return out;
    }

    private static List<double[]> finitePoints(double[] x, double[] y) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i]) && y[i] > 0) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        return List.of(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[] select(double[] v, int[] labels, int label) {
        if (v == null) {
            return null;
        }
        return java.util.stream.IntStream.range(0, v.length).filter(i -> labels[i] == label).mapToDouble(i -> v[i]).toArray();
    }

    private static double[] select(double[] v, boolean[] keep) {
        if (v == null) {
            return null;
        }
        return java.util.stream.IntStream.range(0, v.length).filter(i -> keep[i]).mapToDouble(i -> v[i]).toArray();
    }

    /**
     * The smallest score s such that the events with score below s carry at most a fraction q of
     * the total weight (unweighted: the ⌊q·n⌋-th smallest score).
     */
    static double weightedQuantile(double[] v, double[] weights, double q) {
        Integer[] order = new Integer[v.length];
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
            total += weights == null ? 1 : weights[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double below = 0;
        for (Integer i : order) {
            below += weights == null ? 1 : weights[i];
            if (below > q * total) {
                return v[i];
            }
        }
        return v[order[order.length - 1]];
    }

    private static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return v > 0 ? "∞" : String.valueOf(v);
        }
        return Math.abs(v) >= 1000 || v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.4g", v);
    }
}
