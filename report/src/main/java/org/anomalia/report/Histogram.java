package org.anomalia.report;

/**
 * Sums of weights of values in equal-width bins between two edges (values outside go to the
 * first/last bin); without weights every value counts 1.
 */
public record Histogram(double[] edges, double[] counts, double total) {

    /** Bins [min, max] of the values (widened a little so the largest value falls inside). */
    public static Histogram of(double[] values, int bins) {
        return of(values, null, bins);
    }

    /** Weighted, with bins [min, max] of the values; {@code weights} null = 1 each. */
    public static Histogram of(double[] values, double[] weights, int bins) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(lo < hi)) {
            lo = Double.isFinite(lo) ? lo - 0.5 : 0;
            hi = lo + 1;
        }
        return of(values, weights, bins, lo, hi + 1e-9 * (hi - lo));
    }

    public static Histogram of(double[] values, int bins, double lo, double hi) {
        return of(values, null, bins, lo, hi);
    }

    /** Weighted ({@code weights} null = 1 each); NaN values are left out. */
    public static Histogram of(double[] values, double[] weights, int bins, double lo, double hi) {
        if (bins < 1 || !(lo < hi)) throw new IllegalArgumentException("need bins >= 1 and lo < hi");
        if (weights != null && weights.length != values.length) throw new IllegalArgumentException("values and weights differ in length");
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) edges[i] = lo + (hi - lo) * i / bins;
        double[] counts = new double[bins];
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) continue;
            double w = weights == null ? 1 : weights[i];
            int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
            counts[Math.min(bins - 1, Math.max(0, b))] += w;
            total += w;
        }
        return new Histogram(edges, counts, total);
    }

    public int bins() {
        return counts.length;
    }

    public double binWidth(int i) {
        return edges[i + 1] - edges[i];
    }

    /** Counts divided by total·width: comparable with a probability density. */
    public double[] density() {
        double[] d = new double[counts.length];
        for (int i = 0; i < d.length; i++) d[i] = total == 0 ? 0 : counts[i] / (total * binWidth(i));
        return d;
    }

    public double[] centers() {
        double[] c = new double[counts.length];
        for (int i = 0; i < c.length; i++) c[i] = 0.5 * (edges[i] + edges[i + 1]);
        return c;
    }
}
