package org.anomalia.gof.study;

import org.anomalia.numerics.stats.MultivariateNormal;
import org.anomalia.numerics.stats.SampleMoments;

/**
 * −2 log p(x | C) at one Wilson-coefficient point, two ways, from theory draws x_s(C):
 * <ul>
 * <li>Gaussian: N(x; μth(C), Λth(C) + Λexp) with mean and covariance re-estimated from the draws at
 *     this point (as the fits do), −2 log p = χ² + log det 2πΛ;</li>
 * <li>exact marginal likelihood: p(x | C) = ∫ N(x; x(ν, C), Λexp) p(ν) dν estimated by the plain average
 *     (1/S) Σ_s N(x; x_s(C), Λexp) — no assumption on the shape of the theory distribution.</li>
 * </ul>
 * The draws are whitened once by Λexp (y = L⁻¹x), so each mixture term is one squared distance.
 */
public final class PointLikelihood {
    private final MultivariateNormal gaussian;
    private final MultivariateNormal experimental;
    private final double[][] whitenedTheory;
    private final double mixtureConstant;

    public PointLikelihood(double[][] theory, double[][] expCovariance, String what) {
        int n = expCovariance.length;
        double[][] cov = SampleMoments.covariance(theory);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) cov[i][j] += expCovariance[i][j];
        gaussian = MultivariateNormal.of(SampleMoments.mean(theory), cov, "theory + experimental covariance at " + what);
        experimental = MultivariateNormal.of(new double[n], expCovariance, "experimental covariance");
        whitenedTheory = new double[theory.length][];
        for (int s = 0; s < theory.length; s++) whitenedTheory[s] = experimental.whiten(theory[s]);
        // −2 log of (1/S)·(2π)^(−n/2)·|L|⁻¹
        mixtureConstant = 2 * Math.log(theory.length) + n * Math.log(2 * Math.PI) + 2 * experimental.logDetCholesky();
    }

    /** −2 log N(x; μth, Λth + Λexp). */
    public double gaussian(double[] x) {
        return -2 * gaussian.logDensity(x);
    }

    /** χ² = (x − μth)ᵀ(Λth + Λexp)⁻¹(x − μth) alone. */
    public double chi2(double[] x) {
        return gaussian.chi2(x);
    }

    /** −2 log of the plain average over the draws, for a point already whitened by Λexp. */
    public double marginalWhitened(double[] y) {
        int s = whitenedTheory.length;
        double[] e = new double[s];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s; k++) {
            double[] t = whitenedTheory[k];
            double d = 0;
            for (int j = 0; j < y.length; j++) {
                double u = y[j] - t[j];
                d += u * u;
            }
            e[k] = -0.5 * d;
            if (e[k] > max) max = e[k];
        }
        double sum = 0;
        for (double v : e) sum += Math.exp(v - max);
        return -2 * (max + Math.log(sum)) + mixtureConstant;
    }

    public double marginal(double[] x) {
        return marginalWhitened(whiten(x));
    }

    public double[] whiten(double[] x) {
        return experimental.whiten(x);
    }

    /**
     * Effective number of draws carrying the average at x, (Σw)²/Σw²: when it is small the plain
     * average is dominated by a few draws and needs more samples.
     */
    public double effectiveDraws(double[] x) {
        double[] y = whiten(x);
        double[] e = new double[whitenedTheory.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < e.length; k++) {
            double d = 0;
            for (int j = 0; j < y.length; j++) {
                double u = y[j] - whitenedTheory[k][j];
                d += u * u;
            }
            e[k] = -0.5 * d;
            max = Math.max(max, e[k]);
        }
        double s1 = 0, s2 = 0;
        for (double v : e) {
            double w = Math.exp(v - max);
            s1 += w;
            s2 += w * w;
        }
        return s1 * s1 / s2;
    }
}
