package org.anomalia.gof.study;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The size check of one method: under H0 the number of rejections at α among n pseudo-experiments
 * is Binomial(n, α) if the method is calibrated; it passes when the observed count lies in the
 * central 99 % interval of that binomial.
 */
public record SizeCheck(double alpha, RejectionRate observed, long acceptLow, long acceptHigh) {
    public static final double ACCEPTANCE = 0.99;

    public static SizeCheck of(double[] h0PValues, double alpha) {
        RejectionRate r = RejectionRate.of(h0PValues, alpha);
        BinomialDistribution b = BinomialDistribution.of(h0PValues.length, alpha);
        long lo = b.inverseCumulativeProbability((1 - ACCEPTANCE) / 2);
        long hi = b.inverseSurvivalProbability((1 - ACCEPTANCE) / 2);
        return new SizeCheck(alpha, r, lo, hi);
    }

    public boolean passed() {
        return observed.rejected() >= acceptLow && observed.rejected() <= acceptHigh;
    }
}
