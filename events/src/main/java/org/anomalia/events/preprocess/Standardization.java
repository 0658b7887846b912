package org.anomalia.events.preprocess;

import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.SampleMoments;

/** y = (x − mean) / sd per column, with mean and (population) sd of the training data. */
public final class Standardization implements Step {
    private final double[] mean;
    private final double[] sd;

    public Standardization(double[] mean, double[] sd) {
        this.mean = mean.clone();
        this.sd = sd.clone();
        for (int c = 0; c < sd.length; c++) {
            if (!(sd[c] > 0) || !Double.isFinite(sd[c])) {
                throw new UserException("standardization: column " + c + " has standard deviation " + sd[c]
                        + " in the training data; drop constant or non-finite columns");
            }
        }
    }

    public static Standardization fit(double[][] rows) {
        double[] mean = SampleMoments.mean(rows);
        int d = mean.length;
        double[] var = new double[d];
        for (double[] row : rows) {
            for (int c = 0; c < d; c++) {
                double dev = row[c] - mean[c];
                var[c] += dev * dev;
            }
        }
        double[] sd = new double[d];
        for (int c = 0; c < d; c++) {
            sd[c] = Math.sqrt(var[c] / rows.length);
        }
        return new Standardization(mean, sd);
    }

    @Override
    public String kind() {
        return "standardize";
    }

    @Override
    public void forward(double[][] rows, double[] logAbsDet) {
        double logDet = 0;
        for (double s : sd) {
            logDet -= Math.log(s);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < mean.length; c++) {
                rows[r][c] = (rows[r][c] - mean[c]) / sd[c];
            }
            logAbsDet[r] += logDet;
        }
    }

    @Override
    public void inverse(double[][] rows, double[] logAbsDet) {
        double logDet = 0;
        for (double s : sd) {
            logDet += Math.log(s);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < mean.length; c++) {
                rows[r][c] = mean[c] + rows[r][c] * sd[c];
            }
            logAbsDet[r] += logDet;
        }
    }

    @Override
    public Parameters parameters() {
        return new Parameters(mean.clone(), sd.clone());
    }

    /** The saved form: the column means and standard deviations. */
    public record Parameters(double[] mean, double[] sd) {
    }
}
