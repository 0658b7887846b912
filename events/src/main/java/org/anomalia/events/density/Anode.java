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
        double[] data = signalRegion.logDensity(x, m);
        double[] bg = sidebands.logDensity(x, m);
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            double r = data[i] - bg[i];
            if (bg[i] == Double.NEGATIVE_INFINITY) r = data[i] == Double.NEGATIVE_INFINITY ? 0 : EXTREME;
            else if (data[i] == Double.NEGATIVE_INFINITY) r = -EXTREME;
            out[i] = r;
        }
        return out;
    }
}
