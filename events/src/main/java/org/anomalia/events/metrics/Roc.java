package org.anomalia.events.metrics;

import java.util.Arrays;
import org.anomalia.numerics.UserException;

/**
 * The receiver operating characteristic of an anomaly score against truth labels (1 = signal),
 * with optional per-event weights (an event of weight w counts as w events; weight-0 events count
 * as dropped; negative weights, as in NLO simulation, are summed like the others but then the curve
 * need not be monotone). A cut "score ≥ t" is placed at every distinct score value, so tied scores
 * move together; the curve runs from (FPR, TPR) = (0, 0) to (1, 1). Between points the
 * curve is linear (the efficiencies a randomized cut reaches), which is how AUC and the rejection
 * at fixed signal efficiency are interpolated.
 */
public final class Roc {
    /** Default lower limit on the background efficiency for the maximum SIC. */
    public static final double DEFAULT_FPR_FLOOR = 1e-4;

    private final double[] tpr;
    private final double[] fpr;
    private final double[] thresholds;
    private final double signalTotal;
    private final double backgroundTotal;

    private Roc(double[] tpr, double[] fpr, double[] thresholds, double signalTotal, double backgroundTotal) {
        this.tpr = tpr;
        this.fpr = fpr;
        this.thresholds = thresholds;
        this.signalTotal = signalTotal;
        this.backgroundTotal = backgroundTotal;
    }

    public static Roc of(double[] scores, int[] labels) {
        return of(scores, labels, null);
    }

    public static Roc of(double[] scores, int[] labels, double[] weights) {
        int n = scores.length;
        if (labels.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("scores, labels and weights differ in length");
        }
        Integer[] order = new Integer[n];
        double sig = 0;
        double bkg = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (!Double.isFinite(scores[i])) {
                throw new UserException("ROC: score of event " + i + " is " + scores[i] + "; scores must be finite");
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new UserException("ROC: label of event " + i + " is " + labels[i] + "; labels must be 0 or 1");
            }
            double w = weights == null ? 1.0 : weights[i];
            if (!Double.isFinite(w)) {
                throw new UserException("ROC: weight of event " + i + " is " + w + "; weights must be finite");
            }
            if (labels[i] == 1) {
                sig += w;
            } else {
                bkg += w;
            }
        }
        if (sig <= 0 || bkg <= 0) {
            throw new UserException("ROC: need both signal (label 1) and background (label 0) events; found signal weight "
                    + sig + " and background weight " + bkg);
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double[] t = new double[n + 1];
        double[] f = new double[n + 1];
        double[] th = new double[n + 1];
        th[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        double s = 0;
        double b = 0;
        double lastS = 0;
        double lastB = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double w = weights == null ? 1.0 : weights[i];
            if (labels[i] == 1) {
                s += w;
            } else {
                b += w;
            }
            boolean lastOfTie = k == n - 1 || scores[order[k + 1]] != scores[i];
            // a group of zero-weight events moves no efficiency: no point, as if they were dropped
            if (lastOfTie && (s != lastS || b != lastB)) {
                lastS = s;
                lastB = b;
                t[points] = s / sig;
                f[points] = b / bkg;
                th[points] = scores[i];
                points++;
            }
        }
        return new Roc(Arrays.copyOf(t, points), Arrays.copyOf(f, points), Arrays.copyOf(th, points), sig, bkg);
    }

    /** Signal efficiencies, starting at 0 (no event passes). */
    public double[] tpr() {
        return tpr.clone();
    }

    /** Background efficiencies, starting at 0. */
    public double[] fpr() {
        return fpr.clone();
    }

    /** The cut value of each point: events with score ≥ threshold pass (+∞ for the first point). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    public double signalTotal() {
        return signalTotal;
    }

    public double backgroundTotal() {
        return backgroundTotal;
    }

    /** Area under the curve (trapezoids): P(score_sig > score_bkg) + ½ P(tie). */
    public double auc() {
        double area = 0;
        for (int i = 1; i < tpr.length; i++) {
            area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return area;
    }

    /** SIC = TPR/√FPR at every point with FPR ≥ floor (and FPR > 0); NaN where excluded. */
    public double[] sic(double fprFloor) {
        double[] out = new double[tpr.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fpr[i] > 0 && fpr[i] >= fprFloor ? tpr[i] / Math.sqrt(fpr[i]) : Double.NaN;
        }
        return out;
    }

    /** Maximum SIC over the points with FPR ≥ floor (the floor keeps a few background events). */
    public double maxSic(double fprFloor) {
        double best = Double.NaN;
        for (double v : sic(fprFloor)) {
            if (!Double.isNaN(v) && !(v <= best)) {
                best = v;
            }
        }
        return best;
    }

    /** Maximum SIC with the floor set so that at least {@code minBackground} background weight passes. */
    public double maxSicWithMinBackground(double minBackground) {
        return maxSic(minBackground / backgroundTotal);
    }

    /** Background efficiency at the given signal efficiency, interpolated linearly along the curve. */
    public double fprAtTpr(double signalEfficiency) {
        if (!(signalEfficiency > 0 && signalEfficiency <= 1)) {
            throw new IllegalArgumentException("signal efficiency must be in (0, 1]: " + signalEfficiency);
        }
        for (int i = 1; i < tpr.length; i++) {
            if (tpr[i] >= signalEfficiency) {
                double frac = (signalEfficiency - tpr[i - 1]) / (tpr[i] - tpr[i - 1]);
                return fpr[i - 1] + frac * (fpr[i] - fpr[i - 1]);
            }
        }
        return 1.0;
    }

    /** Background rejection 1/FPR at the given signal efficiency (+∞ if no background passes). */
    public double rejectionAt(double signalEfficiency) {
        return 1.0 / fprAtTpr(signalEfficiency);
    }
}
