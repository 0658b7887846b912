package org.anomalia.events.metrics;

import static org.anomalia.numerics.io.JsonNumbers.finite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary numbers of one anomaly score on a labelled evaluation set, as written to
 * metrics.json. {@code significance_improvement} is the best ratio of S/√(S+B) after a cut to
 * S/√(S+B) before it, over cuts keeping a background efficiency of at least the FPR floor, with
 * the expected signal-region counts S0 and B0.
 */
public record Metrics(double auc, double maxSic, double fprFloor, double rejectionAt02, double rejectionAt04,
        double rejectionAt06, double significanceImprovement, double expectedSignal, double expectedBackground,
        List<SignificanceAfterCut> cuts) {

    public static Metrics of(double[] scores, int[] labels, double fprFloor, double expectedSignal, double expectedBackground) {
        Roc roc = Roc.of(scores, labels);
        return of(roc, fprFloor, expectedSignal, expectedBackground);
    }

    /** With S0 and B0 taken as the evaluation set's own counts. */
    public static Metrics of(double[] scores, int[] labels) {
        Roc roc = Roc.of(scores, labels);
        return of(roc, Roc.DEFAULT_FPR_FLOOR, roc.signalTotal(), roc.backgroundTotal());
    }

    public static Metrics of(Roc roc, double fprFloor, double s0, double b0) {
        return new Metrics(roc.auc(), roc.maxSic(fprFloor), fprFloor, roc.rejectionAt(0.2), roc.rejectionAt(0.4),
                roc.rejectionAt(0.6), SignificanceAfterCut.best(roc, s0, b0, fprFloor).improvementSOverSqrtSPlusB(), s0, b0,
                SignificanceAfterCut.atSignalEfficiencies(roc, s0, b0, SignificanceAfterCut.DEFAULT_SIGNAL_EFFICIENCIES));
    }

    /** The metrics.json fields (infinite rejections are written as null: JSON has no infinity). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auc", auc);
        m.put("max_sic", finite(maxSic));
        m.put("fpr_floor", fprFloor);
        m.put("rejection_at_0.2", finite(rejectionAt02));
        m.put("rejection_at_0.4", finite(rejectionAt04));
        m.put("rejection_at_0.6", finite(rejectionAt06));
        m.put("significance_improvement", finite(significanceImprovement));
        m.put("expected_signal", expectedSignal);
        m.put("expected_background", expectedBackground);
        m.put("s_over_sqrt_s_plus_b_without_cut", expectedSignal / Math.sqrt(expectedSignal + expectedBackground));
        m.put("s_over_sqrt_b_without_cut", expectedSignal / Math.sqrt(expectedBackground));
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (SignificanceAfterCut c : cuts) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("signal_efficiency", c.signalEfficiency());
            r.put("background_efficiency", c.backgroundEfficiency());
            r.put("signal", c.signal());
            r.put("background", c.background());
            r.put("s_over_sqrt_s_plus_b", finite(c.sOverSqrtSPlusB()));
            r.put("s_over_sqrt_b", finite(c.sOverSqrtB()));
            r.put("improvement_s_over_sqrt_s_plus_b", finite(c.improvementSOverSqrtSPlusB()));
            r.put("improvement_s_over_sqrt_b", finite(c.improvementSOverSqrtB()));
            rows.add(r);
        }
        m.put("cuts", rows);
        return m;
    }
}
