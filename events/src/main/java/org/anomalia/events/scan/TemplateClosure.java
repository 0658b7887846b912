package org.anomalia.events.scan;

import org.anomalia.events.method.FittedMethod;
import org.anomalia.numerics.random.Seeds;

/**
 * The template's closure next to one window: on each side (one window width, whole bins, within the
 * fitted range) the data, and as many of the method's background samples as the window's template
 * holds, shared out in proportion to the data on each side and drawn at masses resampled from that
 * side's data. At a threshold it gives the ratio of the data's passing fraction to the samples'
 * (see {@link TemplateEstimate}), on each side and pooled.
 */
public final class TemplateClosure {
    private final boolean[] below;
    private final boolean[] above;
    private final double[] samplesBelow;
    private final double[] samplesAbove;

    private TemplateClosure(boolean[] below, boolean[] above, double[] samplesBelow, double[] samplesAbove) {
        this.below = below;
        this.above = above;
        this.samplesBelow = samplesBelow;
        this.samplesAbove = samplesAbove;
    }

    /** Draws the samples: {@code count} in all, none for a side without data. */
    static TemplateClosure draw(FittedMethod fitted, Binning bins, double[] m, ScanWindow w, int count, long seed) {
        int width = w.toBin() - w.fromBin();
        boolean[] below = new boolean[m.length];
        boolean[] above = new boolean[m.length];
        int nBelow = 0, nAbove = 0;
        for (int i = 0; i < m.length; i++) {
            int b = bins.index(m[i]);
            below[i] = b >= 0 && b >= w.fromBin() - width && b < w.fromBin();
            above[i] = b >= 0 && b >= w.toBin() && b < w.toBin() + width;
            if (below[i]) nBelow++;
            if (above[i]) nAbove++;
        }
        int cBelow = nBelow + nAbove == 0 ? 0 : (int) Math.round((double) count * nBelow / (nBelow + nAbove));
        double[] sBelow = fitted.templateScoresAt(resample(m, below, cBelow, Seeds.derive(seed, "below")), Seeds.derive(seed, "below"));
        double[] sAbove = fitted.templateScoresAt(resample(m, above, count - cBelow, Seeds.derive(seed, "above")), Seeds.derive(seed, "above"));
        return sBelow == null || sAbove == null ? null : new TemplateClosure(below, above, sBelow, sAbove);
    }

    /** {@code count} values of m drawn with replacement from the selected rows. */
    private static double[] resample(double[] m, boolean[] rows, int count, long seed) {
        double[] pool = new double[m.length];
        int k = 0;
        for (int i = 0; i < m.length; i++) if (rows[i]) pool[k++] = m[i];
        if (k == 0) return new double[0];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) out[i] = pool[rng.nextInt(k)];
        return out;
    }

    /**
     * The closure at a threshold given the data's scores: pooled over both sides, per side, and σ of
     * the pooled ratio: its binomial error and, in quadrature, the part of the two sides' difference
     * that their own errors do not explain (the model's error changing with the mass across the window).
     */
    Ratio at(double[] scores, double threshold) {
        int dPassB = 0, dB = 0, dPassA = 0, dA = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean pass = scores[i] >= threshold;
            if (below[i]) {
                dB++;
                if (pass) dPassB++;
            } else if (above[i]) {
                dA++;
                if (pass) dPassA++;
            }
        }
        int tPassB = passing(samplesBelow, threshold), tPassA = passing(samplesAbove, threshold);
        int tB = samplesBelow.length, tA = samplesAbove.length;
        double r = ratio(dPassB + dPassA, dB + dA, tPassB + tPassA, tB + tA);
        double rB = ratio(dPassB, dB, tPassB, tB);
        double rA = ratio(dPassA, dA, tPassA, tA);
        double sys2 = 0;
        if (Double.isFinite(rB) && Double.isFinite(rA)) {
            sys2 = Math.max(0, Math.pow((rB - rA) / 2, 2) - (variance(rB, dPassB, dB, tPassB, tB) + variance(rA, dPassA, dA, tPassA, tA)) / 4);
        }
        return new Ratio((double) (dPassB + dPassA) / (dB + dA), (double) (tPassB + tPassA) / (tB + tA), r, rB, rA,
                Math.sqrt(variance(r, dPassB + dPassA, dB + dA, tPassB + tPassA, tB + tA) + sys2));
    }

    /** The data's passing fraction over the samples' (NaN when either is 0 or has no trials). */
    private static double ratio(int dataPass, int data, int samplesPass, int samples) {
        double d = (double) dataPass / data, t = (double) samplesPass / samples;
        return d > 0 && t > 0 ? d / t : Double.NaN;
    }

    /** The binomial variance of that ratio r. */
    private static double variance(double r, int dataPass, int data, int samplesPass, int samples) {
        return r * r * (relBinomial((double) dataPass / data, data) + relBinomial((double) samplesPass / samples, samples));
    }

    /**
     * @param data the data's passing fraction next to the window
     * @param template the samples' passing fraction there
     * @param r data / template (NaN when either is 0)
     * @param below r below the window
     * @param above r above the window
     * @param sigma σ of r
     */
    public record Ratio(double data, double template, double r, double below, double above, double sigma) implements java.io.Serializable {
        /** No closure measured: r = 1 exactly. */
        public static final Ratio NONE = new Ratio(Double.NaN, Double.NaN, 1, Double.NaN, Double.NaN, 0);
        /** A closure that was wanted but could not be drawn (the method samples nothing next to the window). */
        static final Ratio MISSING = new Ratio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** How many of the scores reach the threshold. */
    static int passing(double[] scores, double threshold) {
        int pass = 0;
        for (double s : scores) if (s >= threshold) pass++;
        return pass;
    }

    /** Squared relative binomial error of an efficiency measured on {@code count} trials. */
    static double relBinomial(double eff, int count) {
        return (1 - eff) / (eff * count);
    }
}
