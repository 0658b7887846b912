package org.anomalia.numerics.stats;

import java.util.Arrays;

/**
 * Median and a central band of a sample (linear interpolation between order statistics, numpy's
 * default). Shared by studies that summarize many repetitions (gof's covariance draws, events'
 * injection study), so every band in the project means the same thing.
 */
public record Quantiles(double median, double lower, double upper) {
    /** The 16th percentile: lower edge of the central 68 % band (Φ(−1)). */
    public static final double LOW_68 = 0.15865;
    /** The 84th percentile: upper edge of the central 68 % band (Φ(1)). */
    public static final double HIGH_68 = 0.84135;

    /** The 68 % central band: 16th and 84th percentiles. NaN values are not allowed. */
    public static Quantiles band68(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return new Quantiles(at(s, 0.5), at(s, LOW_68), at(s, HIGH_68));
    }

    /** The q-quantile of sorted values (NaN when there are none). */
    public static double at(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) return sorted[sorted.length - 1];
        double f = pos - i;
        if (f == 0) return sorted[i]; // exactly an order statistic (also keeps ±infinity neighbours out)
        return sorted[i] + f * (sorted[i + 1] - sorted[i]);
    }
}
