package org.anomalia.gof;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.input.TheorySampleSource;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.TrainingHistory;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A non-linear toy with one parameter: ν ~ N(0, 1), x = (ν, g(ν)), smeared with independent
 * Gaussian errors σ1, σ2. The smeared density p(x) = ∫ φ(ν) N(x1; ν, σ1²) N(x2; g(ν), σ2²) dν is
 * computed by Simpson quadrature, so −log p(x) is the exact statistic and its null distribution
 * (by a large independent Monte Carlo sample) gives exact p-values.
 */
final class CurveToy implements TheorySampleSource {
    final String name;
    final DoubleUnaryOperator g;
    final double sigma1;
    final double sigma2;

    CurveToy(String name, DoubleUnaryOperator g, double sigma1, double sigma2) {
        this.name = name;
        this.g = g;
        this.sigma1 = sigma1;
        this.sigma2 = sigma2;
    }

    /** x2 = ν²: a banana whose two arms make the posterior of ν bimodal near x1 = 0. */
    static CurveToy banana(double sigma1, double sigma2) {
        return new CurveToy("banana toy x = (ν, ν²)", nu -> nu * nu, sigma1, sigma2);
    }

    /** x2 = e^ν: a skewed (log-normal) curve, one-to-one in ν. */
    static CurveToy exponential(double sigma1, double sigma2) {
        return new CurveToy("exponential toy x = (ν, e^ν)", Math::exp, sigma1, sigma2);
    }

    @Override public List<String> observables() {
        return List.of("x1", "x2");
    }

    @Override public double[][] draw(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double nu = gauss.sample();
            out[i] = new double[] {nu, g.applyAsDouble(nu)};
        }
        return out;
    }

    @Override public String description() {
        return name;
    }

    double[][] expCovariance() {
        return new double[][] {{sigma1 * sigma1, 0}, {0, sigma2 * sigma2}};
    }

    /** −log p(x) by Simpson's rule over ν where the integrand is not negligible, summed in logs. */
    double minusLogDensity(double[] x) {
        // the integrand is negligible (< e^-32 of its peak) more than 8 σ1 away from x1 or 8 units from 0
        double lo = Math.max(-8, x[0] - 8 * sigma1), hi = Math.min(8, x[0] + 8 * sigma1);
        if (lo >= hi) { lo = -8; hi = 8; }
        int m = 240; // even number of Simpson intervals
        double h = (hi - lo) / m;
        double[] logf = new double[m + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= m; k++) {
            double nu = lo + k * h;
            double r1 = (x[0] - nu) / sigma1, r2 = (x[1] - g.applyAsDouble(nu)) / sigma2;
            logf[k] = -0.5 * (nu * nu + r1 * r1 + r2 * r2);
            max = Math.max(max, logf[k]);
        }
        double sum = 0;
        for (int k = 0; k <= m; k++) {
            double w = (k == 0 || k == m) ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += w * Math.exp(logf[k] - max);
        }
        double logIntegral = max + Math.log(sum * h / 3);
        double logNorm = -1.5 * Math.log(2 * Math.PI) - Math.log(sigma1) - Math.log(sigma2);
        return -(logIntegral + logNorm);
    }

    double[] minusLogDensity(double[][] rows) {
        double[] v = new double[rows.length];
        for (int i = 0; i < v.length; i++) v[i] = minusLogDensity(rows[i]);
        return v;
    }

    /** Exact null distribution of −log p(x′) from n fresh smeared draws. */
    EmpiricalPValue.NullDistribution exactNull(int n, long seed) {
        double[][] smeared = GofAnalysis.smear(draw(n, seed), expCovariance(), "toy", seed + 1);
        return EmpiricalPValue.NullDistribution.of(minusLogDensity(smeared));
    }

    GofProblem problem(double[] measured, int samples, long seed) {
        return new GofProblem(observables(), measured, expCovariance(), draw(samples, seed), "toy measurement", description());
    }

    NullModel exactModel() {
        return (train, validation, seed) -> new TrainedNullModel(List.of(new TestStatistic() {
            @Override public String name() { return "exact"; }
            @Override public String label() { return "exact −log p"; }
            @Override public double[] evaluate(double[][] rows) { return minusLogDensity(rows); }
        }), TrainingHistory.NONE);
    }
}
