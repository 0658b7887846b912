package org.anomalia.numerics.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/** Exact (Clopper–Pearson) confidence interval for a binomial proportion k/n. */
public record BinomialInterval(double lower, double upper) {

    /** The central interval with coverage at least {@code confidence} (for example 0.95). */
    public static BinomialInterval clopperPearson(long k, long n, double confidence) {
        if (n <= 0 || k < 0 || k > n) throw new IllegalArgumentException("need 0 <= k <= n and n > 0, got k=" + k + ", n=" + n);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        double alpha = 1 - confidence;
        double lower = k == 0 ? 0 : BetaDistribution.of(k, n - k + 1).inverseCumulativeProbability(alpha / 2);
        double upper = k == n ? 1 : BetaDistribution.of(k + 1, n - k).inverseSurvivalProbability(alpha / 2);
        return new BinomialInterval(lower, upper);
    }
}
