package org.anomalia.gof.study;

import org.anomalia.numerics.stats.BinomialInterval;

/** How many of n pseudo-experiments one method rejected at a level, with the Clopper–Pearson 95 % interval. */
public record RejectionRate(long rejected, long n, double rate, BinomialInterval interval) {
    public static final double CONFIDENCE = 0.95;

    public static RejectionRate of(double[] pValues, double alpha) {
        long k = 0;
        for (double p : pValues) if (p <= alpha) k++;
        return new RejectionRate(k, pValues.length, (double) k / pValues.length, BinomialInterval.clopperPearson(k, pValues.length, CONFIDENCE));
    }
}
