package org.anomalia.gof;

import java.util.Arrays;

/**
 * The marginal likelihood's answer: its statistic (−log p̂, null distribution, p-value, calibration)
 * and how many integration points carried p̂, as effective sample sizes ESS = (Σw)²/Σw² at the data,
 * at every null point, and over the null points in the tail that makes the p-value.
 *
 * @param essNull           ESS at each null point, in null order
 * @param essTailMedian     median ESS over the null points at least as extreme as the data (see {@link #tailMedian})
 * @param integrationSize   M, the size of the integration set
 * @param integrationSource where the integration set came from
 * @param kernelPath        "vector" or "plain"
 */
public record MarginalResult(StatisticResult statistic, double essData, double[] essNull, double essTailMedian, int integrationSize,
                             String integrationSource, String kernelPath) {
    /**
     * Adequacy: ESS at the data at least {@link #MIN_ESS_DATA} and median ESS over the tail null
     * points at least {@link #MIN_ESS_TAIL_MEDIAN}. The p-value counts the null points beyond the data,
     * and those are where p̂ is carried by the fewest integration points: with few, −log p̂ there is
     * biased upwards and p comes out too large. Measured on the exact toys (gof README, "auto"): every
     * point meeting both was within the acceptance (|Δp| ≤ 0.03, ≤ 30 % below p = 0.05); the failures
     * all had a tail median of 11 or less, some with thousands of effective samples at the data itself.
     */
    public static final double MIN_ESS_DATA = 100, MIN_ESS_TAIL_MEDIAN = 20;
    /** The tail holds at least this many null points (the largest statistics when fewer reach the data). */
    public static final int TAIL_MIN_POINTS = 10;

    public double essNullMedian() {
        return essNullQuantile(0.5);
    }

    /** The q-quantile of the ESS over null points (nearest rank). */
    public double essNullQuantile(double q) {
        return quantile(essNull, q);
    }

    public boolean adequate() {
        return essData >= MIN_ESS_DATA && essTailMedian >= MIN_ESS_TAIL_MEDIAN;
    }

    /**
     * Median ESS over the null points whose statistic is at least the data's (the ones the p-value
     * counts), or over the {@link #TAIL_MIN_POINTS} largest if fewer reach it.
     */
    public static double tailMedian(double[] nullValues, double[] essNull, double observed) {
        Integer[] order = new Integer[nullValues.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(nullValues[b], nullValues[a]));
        int k = 0;
        while (k < order.length && nullValues[order[k]] >= observed) k++;
        k = Math.min(order.length, Math.max(k, TAIL_MIN_POINTS));
        double[] tail = new double[k];
        for (int i = 0; i < k; i++) tail[i] = essNull[order[i]];
        return quantile(tail, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
    }

    /** One line: the ESS numbers and whether they are adequate. */
    public String essSummary() {
        return String.format("marginal likelihood: M = %d integration samples, ESS at the data %.1f, over %d null points median %.1f [5%%: %.1f, 95%%: %.1f], "
                        + "over the tail beyond the data median %.1f — %s",
                integrationSize, essData, essNull.length, essNullMedian(), essNullQuantile(0.05), essNullQuantile(0.95), essTailMedian,
                adequate() ? "adequate (ESS ≥ " + (int) MIN_ESS_DATA + " at the data, tail median ≥ " + (int) MIN_ESS_TAIL_MEDIAN + ")"
                        : "TOO SMALL (needs ≥ " + (int) MIN_ESS_DATA + " at the data and a tail median ≥ " + (int) MIN_ESS_TAIL_MEDIAN
                        + "): the plain average is short of effective samples here; raise --marginal-samples or use a learned model");
    }
}
