package org.anomalia.numerics.stats;

import java.util.Arrays;

/**
 * A Monte Carlo p-value: the fraction of null samples whose statistic is at least the observed one
 * (larger statistic = less compatible), with a Clopper–Pearson 95 % interval. When no null sample
 * reaches the observed value the honest answer is the bound p &lt; 1/n, never 0.
 */
public record EmpiricalPValue(long exceeding, long n, double p, BinomialInterval interval) {

    public static final double CONFIDENCE = 0.95;

    /** p-value of {@code observed} against the null values. */
    public static EmpiricalPValue of(double observed, double[] nullValues) {
        return of(observed, NullDistribution.of(nullValues));
    }

    public static EmpiricalPValue of(double observed, NullDistribution nullDistribution) {
        long k = nullDistribution.countAtLeast(observed);
        long n = nullDistribution.size();
        return new EmpiricalPValue(k, n, (double) k / n, BinomialInterval.clopperPearson(k, n, CONFIDENCE));
    }

    /** True when the observation lies beyond every null sample: then only p &lt; 1/n is known. */
    public boolean isBound() {
        return exceeding == 0;
    }

    /** The number to report: p itself, or the bound 1/n. */
    public double pOrBound() {
        return isBound() ? 1.0 / n : p;
    }

    /** One-sided Z of the p-value; for a bound, the Z of 1/n (a lower limit on Z). */
    public double z() {
        return Significance.zFromP(pOrBound());
    }

    /** "0.0123 [0.0101, 0.0148]" or "< 0.001 (beyond all 1000 null samples)". */
    public String describe() {
        if (isBound()) return String.format("< %.3g (beyond all %d null samples)", 1.0 / n, n);
        return String.format("%.4g [%.3g, %.3g]", p, interval.lower(), interval.upper());
    }

    /** A sorted copy of null statistic values that answers "how many are ≥ t" in O(log n). */
    public static final class NullDistribution {
        private final double[] sorted;

        private NullDistribution(double[] sorted) {
            this.sorted = sorted;
        }

        public static NullDistribution of(double[] values) {
            if (values.length == 0) throw new IllegalArgumentException("empty null distribution");
            double[] s = values.clone();
            for (double v : s) if (Double.isNaN(v)) throw new IllegalArgumentException("NaN in null distribution");
            Arrays.sort(s);
            return new NullDistribution(s);
        }

        public int size() {
            return sorted.length;
        }

        public long countAtLeast(double t) {
            int lo = 0, hi = sorted.length; // first index with sorted[i] >= t
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < t) lo = mid + 1; else hi = mid;
            }
            return sorted.length - lo;
        }

        /** p-values of each of the given statistics against this null (for calibration checks). */
        public double[] pValues(double[] statistics) {
            double[] p = new double[statistics.length];
            for (int i = 0; i < p.length; i++) p[i] = (double) countAtLeast(statistics[i]) / sorted.length;
            return p;
        }

        public double[] values() {
            return sorted.clone();
        }
    }
}
