package org.anomalia.gof;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.input.TheorySampleSource;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.TrainingHistory;
import org.anomalia.numerics.stats.ChiSquared;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * x = A·ν + b with ν ~ N(0, 1): after smearing with Λexp, x′ ~ N(b, A·Aᵀ + Λexp) exactly, so the
 * exact p-value of a point is the χ²(n) survival of its quadratic form.
 */
final class LinearToy implements TheorySampleSource {
    final double[][] a;
    final double[] b;
    final double[][] expCovariance;
    private final MultivariateNormal exact;

    LinearToy(double[][] a, double[] b, double[][] expCovariance) {
        this.a = a;
        this.b = b;
        this.expCovariance = expCovariance;
        int n = b.length;
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = expCovariance[i][j];
                for (int k = 0; k < a[0].length; k++) s += a[i][k] * a[j][k];
                cov[i][j] = s;
            }
        }
        exact = MultivariateNormal.of(b, cov, "linear toy");
    }

    /** A 4-observable toy driven by 2 parameters, with correlated experimental errors. */
    static LinearToy standard() {
        double[][] a = {{1.0, 0.2}, {0.5, -0.8}, {-0.3, 0.6}, {0.9, 0.9}};
        double[] b = {0.5, -1.0, 2.0, 0.0};
        double[][] exp = {{0.25, 0.05, 0, 0}, {0.05, 0.16, 0, 0}, {0, 0, 0.09, -0.03}, {0, 0, -0.03, 0.2}};
        return new LinearToy(a, b, exp);
    }

    @Override public List<String> observables() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < b.length; i++) names.add("x" + (i + 1));
        return names;
    }

    @Override public double[][] draw(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] out = new double[n][];
        for (int r = 0; r < n; r++) {
            double[] nu = new double[a[0].length];
            for (int k = 0; k < nu.length; k++) nu[k] = g.sample();
            double[] x = b.clone();
            for (int i = 0; i < x.length; i++) for (int k = 0; k < nu.length; k++) x[i] += a[i][k] * nu[k];
            out[r] = x;
        }
        return out;
    }

    @Override public String description() {
        return "linear Gaussian toy";
    }

    double exactChi2(double[] x) {
        return exact.chi2(x);
    }

    double exactP(double[] x) {
        return ChiSquared.survival(exactChi2(x), b.length);
    }

    /** The point b + t·(first column of the whitening inverse): a point with exact χ² = t² along one direction. */
    double[] pointWithChi2(double chi2, int direction) {
        double[][] l = exact.choleskyFactor();
        double[] x = b.clone();
        double r = Math.sqrt(chi2);
        for (int i = 0; i < x.length; i++) x[i] += l[i][direction] * r;
        return x;
    }

    GofProblem problem(double[] measured, int samples, long seed) {
        return new GofProblem(observables(), measured, expCovariance, draw(samples, seed), "toy measurement", description());
    }

    /** A null model that needs no training: the exact χ² of the toy. */
    NullModel exactModel() {
        return (train, validation, seed) -> new TrainedNullModel(List.of(new TestStatistic() {
            @Override public String name() { return "exact"; }
            @Override public String label() { return "exact χ²"; }
            @Override public double[] evaluate(double[][] rows) {
                double[] v = new double[rows.length];
                for (int i = 0; i < v.length; i++) v[i] = exactChi2(rows[i]);
                return v;
            }
        }), TrainingHistory.NONE);
    }
}
