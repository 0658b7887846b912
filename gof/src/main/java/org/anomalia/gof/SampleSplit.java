package org.anomalia.gof;

import org.anomalia.numerics.UserException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Smeared samples shuffled and cut into train (60 %), validation (10 %), test (20 %: the null
 * distribution) and calibration (10 %: held-out null draws whose p-values must be uniform).
 */
public record SampleSplit(double[][] train, double[][] validation, double[][] test, double[][] calibration) {
    static final double TRAIN = 0.6, VALIDATION = 0.1, TEST = 0.2;
    /** Fewer rows than this leave too few null samples for a p-value (test would hold fewer than 100). */
    public static final int MIN_ROWS = 500;

    /** A user error when there are too few rows for a meaningful split. */
    public static void requireEnough(int rows) {
        if (rows < MIN_ROWS) {
            throw new UserException("too few samples for the train/validation/test/calibration split: " + rows
                    + " usable rows, need at least " + MIN_ROWS + " (raise --samples or provide more rows)");
        }
    }

    public static SampleSplit of(double[][] rows, long seed) {
        requireEnough(rows.length);
        int n = rows.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        int nTrain = trainRows(n), nVal = (int) Math.round(VALIDATION * n), nTest = (int) Math.round(TEST * n);
        return new SampleSplit(pick(rows, order, 0, nTrain), pick(rows, order, nTrain, nTrain + nVal),
                pick(rows, order, nTrain + nVal, nTrain + nVal + nTest), pick(rows, order, nTrain + nVal + nTest, n));
    }

    /** Rows of the train split out of n. */
    public static int trainRows(int n) {
        return (int) Math.round(TRAIN * n);
    }

    private static double[][] pick(double[][] rows, int[] order, int from, int to) {
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) out[i - from] = rows[order[i]];
        return out;
    }
}
