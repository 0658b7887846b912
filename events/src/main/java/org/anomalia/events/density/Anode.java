package org.anomalia.events.density;

import org.anomalia.numerics.random.Seeds;

/**
 * ANODE (Nachman and Shih 2020): two conditional densities, p_data(x | m) fitted on the
 * signal-region events and p_bg(x | m) fitted on the sidebands and interpolated into the signal
 * region through its context; the anomaly score is log R = log p_data − log p_bg. Events outside the
 * sideband model's training range (p_bg = 0) get the largest finite score, events outside the
 * signal-region model's range the smallest, and events outside both 0.
 */
public final class Anode {
    /** Stand-in for ±∞ scores: finite, so that ROC code accepts them, and beyond any real log ratio. */
    static final double EXTREME = 1e300;

    private final ConditionalDensity signalRegion;
    private final ConditionalDensity sidebands;

    public Anode(ConditionalDensity signalRegion, ConditionalDensity sidebands) {
        this.signalRegion = signalRegion;
        this.sidebands = sidebands;
    }

    /** Fits both densities with the same settings (seeds derived from one). */
    public static Anode fit(double[][] srX, double[] srM, double[][] sbX, double[] sbM, FlowSettings s, long seed) {
        ConditionalDensity sb = ConditionalDensity.fit(sbX, sbM, s, seed, "ANODE sideband flow");
        ConditionalDensity sr = ConditionalDensity.fit(srX, srM, s, Seeds.derive(seed, "anode signal region"), "ANODE signal-region flow");
        return new Anode(sr, sb);
    }

    public ConditionalDensity signalRegion() {
        return signalRegion;
    }

    public ConditionalDensity sidebands() {
        return sidebands;
    }

    /** log p_data(x | m) − log p_bg(x | m) for each event. */
    public double[] score(double[][] x, double[] m) {
        return logRatio(signalRegion.logDensity(x, m), sidebands.logDensity(x, m));
    }

    /**
     * log p − log q per event, with densities that may be zero (−∞): q = 0 gives the largest finite
     * score, p = 0 the smallest, both 0 gives 0. Shared by ANODE and R-ANODE.
     */
    static double[] logRatio(double[] logP, double[] logQ) {
        double[] out = new double[logP.length];
        for (int i = 0; i < out.length; i++) {
            double r = logP[i] - logQ[i];
            if (logQ[i] == Double.NEGATIVE_INFINITY) r = logP[i] == Double.NEGATIVE_INFINITY ? 0 : EXTREME;
            else if (logP[i] == Double.NEGATIVE_INFINITY) r = -EXTREME;
            out[i] = r;
        }
        return out;
    }
}
