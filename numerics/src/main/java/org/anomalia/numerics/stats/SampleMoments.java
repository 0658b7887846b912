package org.anomalia.numerics.stats;

/** Mean vector and covariance matrix of rows of samples (unbiased, divisor n − 1, as numpy's cov). */
public final class SampleMoments {
    private SampleMoments() {}

    public static double[] mean(double[][] rows) {
        requireRows(rows, 1);
        int d = rows[0].length;
        double[] m = new double[d];
        for (double[] r : rows) for (int j = 0; j < d; j++) m[j] += r[j];
        for (int j = 0; j < d; j++) m[j] /= rows.length;
        return m;
    }

    public static double[][] covariance(double[][] rows) {
        requireRows(rows, 2);
        double[] m = mean(rows);
        int d = m.length;
        double[][] c = new double[d][d];
        double[] dev = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) dev[j] = r[j] - m[j];
            for (int i = 0; i < d; i++) {
                double di = dev[i];
                double[] ci = c[i];
                for (int j = 0; j <= i; j++) ci[j] += di * dev[j];
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                c[i][j] /= rows.length - 1;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** Square roots of the diagonal of a covariance matrix. */
    public static double[] sigmas(double[][] covariance) {
        double[] s = new double[covariance.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.sqrt(covariance[i][i]);
        return s;
    }

    private static void requireRows(double[][] rows, int min) {
        if (rows.length < min) throw new IllegalArgumentException("need at least " + min + " rows, got " + rows.length);
        for (double[] r : rows) {
            if (r.length != rows[0].length) throw new IllegalArgumentException("rows of different lengths");
        }
    }
}
