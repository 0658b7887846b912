package org.anomalia.gof.input;

import java.util.List;
import org.anomalia.numerics.UserException;

/**
 * One goodness-of-fit question: measured values with their experimental covariance Λexp, and
 * theory samples x(ν) (not smeared) for the same observables in the same order.
 *
 * @param integrationSamples further theory samples, disjoint from {@code theorySamples}, over which the
 *                           marginal likelihood averages (null: no marginal likelihood)
 * @param integrationSource  where they come from, for reports (null with them)
 * @param trainingSamples    further theory samples, disjoint from both, that only train the learned null models
 *                           (beside the split's training rows; never null points): null = none
 */
public record GofProblem(List<String> observables, double[] measured, double[][] expCovariance, double[][] theorySamples,
                         String measurementSource, String theorySource, double[][] integrationSamples, String integrationSource,
                         double[][] trainingSamples) {

    public GofProblem {
        int n = observables.size();
        if (n == 0) throw new UserException(measurementSource + ": no observables");
        if (measured.length != n) throw new UserException(measurementSource + ": " + measured.length + " central values for " + n + " observables");
        if (expCovariance.length != n) throw new UserException(measurementSource + ": covariance is " + expCovariance.length + "x" + expCovariance.length + " for " + n + " observables");
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(measured[i])) throw new UserException(measurementSource + ": central value of " + observables.get(i) + " is not finite");
        }
        for (double[] row : theorySamples) {
            if (row.length != n) throw new IllegalArgumentException("theory sample row has " + row.length + " values, expected " + n);
        }
        if (integrationSamples != null) {
            if (integrationSamples.length == 0) throw new IllegalArgumentException("empty integration set");
            for (double[] row : integrationSamples) {
                if (row.length != n) throw new IllegalArgumentException("integration sample row has " + row.length + " values, expected " + n);
            }
        }
        if (trainingSamples != null) {
            for (double[] row : trainingSamples) {
                if (row.length != n) throw new IllegalArgumentException("training sample row has " + row.length + " values, expected " + n);
            }
        }
        observables = List.copyOf(observables);
    }

    /** Without an integration set (no marginal likelihood). */
    public GofProblem(List<String> observables, double[] measured, double[][] expCovariance, double[][] theorySamples,
                      String measurementSource, String theorySource) {
        this(observables, measured, expCovariance, theorySamples, measurementSource, theorySource, null, null, null);
    }

    /** The same problem with this integration set for the marginal likelihood. */
    public GofProblem withIntegrationSamples(double[][] samples, String source) {
        return new GofProblem(observables, measured, expCovariance, theorySamples, measurementSource, theorySource, samples, source,
                trainingSamples);
    }

    /** The same problem with these training-only theory samples for the learned null models. */
    public GofProblem withTrainingSamples(double[][] samples) {
        return new GofProblem(observables, measured, expCovariance, theorySamples, measurementSource, theorySource, integrationSamples,
                integrationSource, samples);
    }

    /** Training-only rows for the learned models (0 without them). */
    public int trainingSampleCount() {
        return trainingSamples == null ? 0 : trainingSamples.length;
    }

    public boolean hasIntegrationSamples() {
        return integrationSamples != null;
    }

    public int dimension() {
        return observables.size();
    }

    public int sampleCount() {
        return theorySamples.length;
    }

    /** The same problem with Λexp multiplied by s (future precision: s &lt; 1). */
    public GofProblem withExpCovarianceScaled(double s) {
        if (!(s > 0) || !Double.isFinite(s)) throw new UserException("--exp-cov-scale must be a positive number, got " + s);
        double[][] c = new double[expCovariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = expCovariance[i].clone();
            for (int j = 0; j < c[i].length; j++) c[i][j] *= s;
        }
        return new GofProblem(observables, measured, c, theorySamples, measurementSource, theorySource, integrationSamples, integrationSource,
                trainingSamples);
    }
}
