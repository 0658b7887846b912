package org.anomalia.events.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Signal and background left in the signal region after a cut that keeps the top {@code kept}
 * fraction of all judged candidates by anomaly score (a data-driven cut, as in seed 001: the
 * threshold is a quantile of the scores of every candidate, whatever its resonant variable; labels
 * are only counted, in the signal region).
 *
 * @param kept                 fraction of all judged candidates kept (1 = no cut)
 * @param threshold            score threshold (score ≥ threshold passes)
 * @param signal               S: labelled-signal candidates passing, in the signal region
 * @param background           B: the others passing
 * @param significance         S/√(S+B) (0 when nothing passes)
 * @param improvement          significance over that without a cut (NaN without signal)
 * @param signalEfficiency     S / S0 (the talk's normalized signal count)
 * @param backgroundEfficiency B / B0
 */
public record CutRow(double kept, double threshold, long signal, long background, double significance, double improvement,
        double signalEfficiency, double backgroundEfficiency) {

    /** The talk's cuts: no cut, then the top 50 % … 0.1 %. */
    public static final double[] DEFAULT_KEPT = {1.0, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001};

    /** One row per kept fraction: thresholds from all {@code scores}, counts of the candidates with {@code inSignalRegion}. */
    public static List<CutRow> table(double[] scores, int[] labels, boolean[] inSignalRegion, double[] keptFractions) {
        int n = scores.length;
        long s0 = 0, b0 = 0;
        for (int i = 0; i < n; i++) {
            if (!inSignalRegion[i]) continue;
            if (labels[i] == 1) s0++;
            else b0++;
        }
        double z0 = significance(s0, b0);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<CutRow> rows = new ArrayList<>();
        for (double q : keptFractions) {
            int k = Math.max(0, Math.min(n, (int) Math.round(q * n)));
            // Ties at the threshold move together: keep every candidate scoring at least the k-th score.
            double threshold = k == 0 ? Double.POSITIVE_INFINITY : scores[order[k - 1]];
            long s = 0, b = 0;
            for (int i = 0; i < n; i++) {
                if (inSignalRegion[i] && scores[i] >= threshold) {
                    if (labels[i] == 1) s++;
                    else b++;
                }
            }
            double z = significance(s, b);
            rows.add(new CutRow(q, threshold, s, b, z, s0 > 0 ? z / z0 : Double.NaN, s0 > 0 ? (double) s / s0 : Double.NaN,
                    b0 > 0 ? (double) b / b0 : Double.NaN));
        }
        return rows;
    }

    static double significance(long s, long b) {
        return s + b > 0 ? s / Math.sqrt(s + b) : 0.0;
    }

    /** The row with the largest improvement (NaN rows ignored); the no-cut row if none is better. */
    public static CutRow best(List<CutRow> rows) {
        CutRow best = rows.get(0);
        for (CutRow r : rows) {
            if (r.improvement > best.improvement || Double.isNaN(best.improvement) && !Double.isNaN(r.improvement)) best = r;
        }
        return best;
    }
}
