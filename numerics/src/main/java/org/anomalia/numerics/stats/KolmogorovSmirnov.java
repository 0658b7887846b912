package org.anomalia.numerics.stats;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * One-sample Kolmogorov–Smirnov test of values against the uniform distribution on [0, 1], with the
 * exact finite-n p-value of Commons Statistics (an asymptotic series with a finite-n correction was
 * off by about 1 % of p, and more for small n).
 */
public final class KolmogorovSmirnov {
    private static final KolmogorovSmirnovTest TEST = KolmogorovSmirnovTest.withDefaults();

    private KolmogorovSmirnov() {}

    /** The statistic D, its sample size and p-value P(D_n ≥ D). */
    public record Result(double statistic, int n, double pValue) {}

    /** Tests whether the values (for example p-values of null samples) are uniform on [0, 1]. */
    public static Result testUniform(double[] values) {
        requireValues(values);
        KolmogorovSmirnovTest.OneResult r = TEST.test(values, KolmogorovSmirnov::uniformCdf);
        return new Result(r.getStatistic(), values.length, r.getPValue());
    }

    /** D = sup |F_n(u) − u| over the empirical distribution F_n of the values. */
    public static double statisticUniform(double[] values) {
        requireValues(values);
        return TEST.statistic(values, KolmogorovSmirnov::uniformCdf);
    }

    private static double uniformCdf(double u) {
        return Math.min(1, Math.max(0, u));
    }

    private static void requireValues(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("KS test needs at least two values, got " + values.length);
        }
    }
}
