package org.anomalia.numerics.stats;

import org.anomalia.numerics.UserException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;

/**
 * N(μ, Λ) through the Cholesky factor Λ = L·Lᵀ: draws x = μ + L·w with w ~ N(0, 1), and the
 * quadratic form χ²(x) = (x − μ)ᵀ Λ⁻¹ (x − μ) by one triangular solve.
 */
public final class MultivariateNormal {
    private final double[] mean;
    private final double[][] lower; // L, lower triangular

    private MultivariateNormal(double[] mean, double[][] lower) {
        this.mean = mean;
        this.lower = lower;
    }

    /**
     * @param what names the matrix in error messages (for example the file it came from)
     * @throws UserException if the covariance is not symmetric or not positive definite (the message gives the smallest eigenvalue)
     */
    public static MultivariateNormal of(double[] mean, double[][] covariance, String what) {
        if (covariance.length != mean.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " entries but covariance is " + covariance.length + "x" + covariance.length);
        }
        return new MultivariateNormal(mean.clone(), cholesky(covariance, what));
    }

    /** The lower Cholesky factor L with L·Lᵀ = covariance, or a UserException naming {@code what}. */
    public static double[][] cholesky(double[][] covariance, String what) {
        int n = covariance.length;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            if (covariance[i].length != n) throw new UserException(what + ": covariance is not square (row " + i + " has " + covariance[i].length + " entries, expected " + n + ")");
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(covariance[i][j])) throw new UserException(what + ": covariance entry [" + i + "][" + j + "] is not finite");
                scale = Math.max(scale, Math.abs(covariance[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(covariance[i][j] - covariance[j][i]) > 1e-9 * scale) {
                    throw new UserException(what + ": covariance is not symmetric ([" + i + "][" + j + "] = " + covariance[i][j]
                            + " but [" + j + "][" + i + "] = " + covariance[j][i] + "); fix the matrix");
                }
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(covariance);
        CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
        if (!chol.decompose(a.copy())) {
            throw new UserException(String.format("%s: covariance is not positive definite (smallest eigenvalue %.3g); fix the matrix",
                    what, smallestEigenvalue(covariance)));
        }
        DMatrixRMaj l = chol.getT(null);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) out[i][j] = l.get(i, j);
        }
        return out;
    }

    /** The smallest eigenvalue of a symmetric matrix (for error messages and diagnostics). */
    public static double smallestEigenvalue(double[][] symmetric) {
        SymmetricQRAlgorithmDecomposition_DDRM eig = new SymmetricQRAlgorithmDecomposition_DDRM(false);
        if (!eig.decompose(new DMatrixRMaj(symmetric))) return Double.NaN;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) min = Math.min(min, eig.getEigenvalue(i).real);
        return min;
    }

    public int dimension() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    /** L, the lower Cholesky factor of the covariance (a copy). */
    public double[][] choleskyFactor() {
        double[][] c = new double[lower.length][];
        for (int i = 0; i < c.length; i++) c[i] = lower[i].clone();
        return c;
    }

    /** (x − μ)ᵀ Λ⁻¹ (x − μ). */
    public double chi2(double[] x) {
        double[] y = whiten(x);
        double s = 0;
        for (double v : y) s += v * v;
        return s;
    }

    /** log N(x; μ, Λ) = −χ²/2 − log|L| − (n/2) log 2π. */
    public double logDensity(double[] x) {
        return -0.5 * chi2(x) - logDetCholesky() - 0.5 * mean.length * Math.log(2 * Math.PI);
    }

    /** log|L| = ½ log det Λ. */
    public double logDetCholesky() {
        double s = 0;
        for (int i = 0; i < lower.length; i++) s += Math.log(lower[i][i]);
        return s;
    }

    /** L⁻¹(x − μ): standard-normal coordinates of x (the pulls, decorrelated). */
    public double[] whiten(double[] x) {
        int n = mean.length;
        if (x.length != n) throw new IllegalArgumentException("point has " + x.length + " entries, expected " + n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = x[i] - mean[i];
            double[] li = lower[i];
            for (int j = 0; j < i; j++) s -= li[j] * y[j];
            y[i] = s / li[i];
        }
        return y;
    }

    /** One draw μ + L·w. */
    public double[] sample(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = mean.length;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = gauss.sample();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double s = mean[i];
            double[] li = lower[i];
            for (int j = 0; j <= i; j++) s += li[j] * w[j];
            x[i] = s;
        }
        return x;
    }
}
