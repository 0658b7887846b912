package org.anomalia.gof.study;

import java.util.Arrays;

/** Median and a central band of a sample (linear interpolation between order statistics, as numpy's default). */
public record Quantiles(double median, double lower, double upper) {
    /** The 68 % central band: 16th and 84th percentiles. */
    public static Quantiles band68(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return new Quantiles(at(s, 0.5), at(s, 0.15865), at(s, 0.84135));
    }

    static double at(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) return sorted[sorted.length - 1];
        double f = pos - i;
        return sorted[i] + f * (sorted[i + 1] - sorted[i]);
    }
}
