package org.anomalia.events.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected signal S and background B left in the signal region after a cut on the anomaly score,
 * the significance estimates S/√(S+B) and S/√B, and their improvement over no cut. The counts
 * before the cut (S0, B0) are given by the user: on an evaluation set whose signal fraction is
 * artificial they are the counts expected in the real signal region.
 */
public record SignificanceAfterCut(double signalEfficiency, double backgroundEfficiency, double signal,
        double background, double sOverSqrtSPlusB, double sOverSqrtB, double improvementSOverSqrtSPlusB,
        double improvementSOverSqrtB) {

    /** Default cut points: signal efficiencies from 80 % down to 10 % (no cut is S0, B0 themselves). */
    public static final double[] DEFAULT_SIGNAL_EFFICIENCIES = {0.8, 0.6, 0.4, 0.2, 0.1};

    static SignificanceAfterCut of(double epsS, double epsB, double s0, double b0) {
        double s = epsS * s0;
        double b = epsB * b0;
        double z1 = s / Math.sqrt(s + b);
        double z2 = s / Math.sqrt(b);
        double z1Before = s0 / Math.sqrt(s0 + b0);
        double z2Before = s0 / Math.sqrt(b0);
        return new SignificanceAfterCut(epsS, epsB, s, b, z1, z2, z1 / z1Before, z2 / z2Before);
    }

    /** Cuts placed on the ROC curve at the given signal efficiencies. */
    public static List<SignificanceAfterCut> atSignalEfficiencies(Roc roc, double s0, double b0, double[] efficiencies) {
        List<SignificanceAfterCut> out = new ArrayList<>();
        for (double e : efficiencies) {
            out.add(of(e, roc.fprAtTpr(e), s0, b0));
        }
        return out;
    }

    /**
     * The best improvement of S/√(S+B) over all cuts on the curve that keep a background efficiency
     * of at least {@code fprFloor} (so a handful of background events still pass).
     */
    public static SignificanceAfterCut best(Roc roc, double s0, double b0, double fprFloor) {
        double[] tpr = roc.tpr();
        double[] fpr = roc.fpr();
        SignificanceAfterCut best = of(1.0, 1.0, s0, b0);
        for (int i = 1; i < tpr.length; i++) {
            if (fpr[i] > 0 && fpr[i] >= fprFloor && tpr[i] > 0) {
                SignificanceAfterCut c = of(tpr[i], fpr[i], s0, b0);
                if (c.improvementSOverSqrtSPlusB > best.improvementSOverSqrtSPlusB) {
                    best = c;
                }
            }
        }
        return best;
    }
}
