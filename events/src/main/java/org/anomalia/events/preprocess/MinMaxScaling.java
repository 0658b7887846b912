package org.anomalia.events.preprocess;

import org.anomalia.numerics.UserException;

/** Maps each column linearly so that the training minimum goes to 0 and the maximum to 1. */
public final class MinMaxScaling implements Step {
    private final double[] min;
    private final double[] max;

    public MinMaxScaling(double[] min, double[] max) {
        this.min = min.clone();
        this.max = max.clone();
        for (int c = 0; c < min.length; c++) {
            if (!(max[c] > min[c])) {
                throw new UserException("min-max scaling: column " + c + " is constant (" + min[c]
                        + ") in the training data; drop it");
            }
        }
    }

    public static MinMaxScaling fit(double[][] rows) {
        int d = rows[0].length;
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] row : rows) {
            for (int c = 0; c < d; c++) {
                lo[c] = Math.min(lo[c], row[c]);
                hi[c] = Math.max(hi[c], row[c]);
            }
        }
        return new MinMaxScaling(lo, hi);
    }

    @Override
    public String kind() {
        return "minmax";
    }

    @Override
    public void forward(double[][] rows, double[] logAbsDet) {
        double logDet = 0;
        for (int c = 0; c < min.length; c++) {
            logDet -= Math.log(max[c] - min[c]);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < min.length; c++) {
                rows[r][c] = (rows[r][c] - min[c]) / (max[c] - min[c]);
            }
            logAbsDet[r] += logDet;
        }
    }

    @Override
    public void inverse(double[][] rows, double[] logAbsDet) {
        double logDet = 0;
        for (int c = 0; c < min.length; c++) {
            logDet += Math.log(max[c] - min[c]);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < min.length; c++) {
                rows[r][c] = min[c] + rows[r][c] * (max[c] - min[c]);
            }
            logAbsDet[r] += logDet;
        }
    }

    @Override
    public Parameters parameters() {
        return new Parameters(min.clone(), max.clone());
    }

    /** The saved form: the column minima and maxima. */
    public record Parameters(double[] min, double[] max) {
    }
}
