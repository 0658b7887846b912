package org.anomalia.learn.model;

import org.anomalia.learn.Matrix;
import org.anomalia.learn.train.DataChecks;
import org.anomalia.numerics.UserException;

/** Per-column standardisation s = (x − mean)/std, fitted in double on the training data. */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;

    public Standardizer(double[] mean, double[] std) {
        if (mean.length != std.length) throw new IllegalArgumentException("standardizer: " + mean.length + " means but " + std.length + " deviations");
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Column means and (population) standard deviations; a constant column is a user error. */
    public static Standardizer fit(Matrix x) {
        int d = x.cols;
        double[] m = new double[d], s = new double[d];
        for (int r = 0; r < x.rows; r++) for (int c = 0; c < d; c++) m[c] += x.data[r * d + c];
        for (int c = 0; c < d; c++) m[c] /= x.rows;
        for (int r = 0; r < x.rows; r++) {
            for (int c = 0; c < d; c++) {
                double v = x.data[r * d + c] - m[c];
                s[c] += v * v;
            }
        }
        for (int c = 0; c < d; c++) {
            s[c] = Math.sqrt(s[c] / x.rows);
            if (!(s[c] > 1e-12 * Math.max(1, Math.abs(m[c])))) {
                throw new UserException("training data: column " + c + " is constant (value " + m[c] + "); drop it before training");
            }
        }
        return new Standardizer(m, s);
    }

    /**
     * Checks training (and, if not null, validation) data of a model with {@code inputs} columns —
     * width and finiteness, named after {@code model} — and fits the standardisation on train only.
     */
    public static Standardizer fitChecked(Matrix train, Matrix validation, int inputs, String model) {
        DataChecks.requireColumns(train, inputs, model + " training data");
        DataChecks.requireFinite(train, model + " training data");
        if (validation != null) {
            DataChecks.requireColumns(validation, inputs, model + " validation data");
            DataChecks.requireFinite(validation, model + " validation data");
        }
        return fit(train);
    }

    public int columns() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }

    /** {@link #apply} after checking the width and finiteness of a model's input, named after {@code model}. */
    public Matrix applyChecked(Matrix x, String model) {
        DataChecks.requireColumns(x, columns(), model + " input");
        DataChecks.requireFinite(x, model + " input");
        return apply(x);
    }

    /** A new matrix of standardised values. */
    public Matrix apply(Matrix x) {
        if (x.cols != mean.length) throw new UserException("data has " + x.cols + " columns but the model was trained on " + mean.length);
        Matrix y = new Matrix(x.rows, x.cols);
        int d = x.cols;
        for (int r = 0; r < x.rows; r++) for (int c = 0; c < d; c++) y.data[r * d + c] = (float) ((x.data[r * d + c] - mean[c]) / std[c]);
        return y;
    }

    /** Back to data units, in place. */
    public Matrix invertInPlace(Matrix s) {
        int d = s.cols;
        for (int r = 0; r < s.rows; r++) for (int c = 0; c < d; c++) s.data[r * d + c] = (float) (s.data[r * d + c] * std[c] + mean[c]);
        return s;
    }

    /**
     * Σ log std: a density over standardised values, p_s, gives the density over data values as
     * log p_x(x) = log p_s(s) − Σ log std.
     */
    public double logScale() {
        double l = 0;
        for (double v : std) l += Math.log(v);
        return l;
    }
}
