package org.anomalia.numerics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The lower Cholesky factor L of a symmetric positive-definite matrix C = L Lᵀ, used to draw
 * correlated Gaussians (x = μ + L z) and to whiten residuals. A matrix that is not positive
 * definite is a user error: the message names it and gives its smallest eigenvalue.
 */
public final class CholeskyFactor {
    private final int n;
    /** Row-major lower triangle, row i holds L[i][0..i]. */
    private final double[] lower;

    private CholeskyFactor(int n, double[] lower) {
        this.n = n;
        this.lower = lower;
    }

    /**
     * Factorises {@code matrix}. It is decomposed after scaling to unit diagonal (as flavio does),
     * so that very different scales of the variables do not make it look ill-conditioned.
     *
     * @param what names the matrix in the error message, for example "covariance of file x.yaml"
     */
    public static CholeskyFactor of(double[][] matrix, String what) {
        int n = matrix.length;
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new UserException(what + " is not square: row " + i + " has " + matrix[i].length
                        + " entries, expected " + n);
            }
            double d = matrix[i][i];
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new UserException(what + " is not positive definite: diagonal entry " + i + " is " + d);
            }
            scale[i] = Math.sqrt(d);
        }
        DMatrixRMaj scaled = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled.set(i, j, matrix[i][j] / (scale[i] * scale[j]));
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(scaled.copy()) || !finiteLower(chol.getT(null))) {
            throw new UserException(what + " is not positive definite (smallest eigenvalue "
                    + String.format("%.4g", smallestEigenvalue(matrix)) + "); fix its entries or correlations");
        }
        DMatrixRMaj t = chol.getT(null);
        double[] lower = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                lower[k++] = scale[i] * t.get(i, j);
            }
        }
        return new CholeskyFactor(n, lower);
    }

    private static boolean finiteLower(DMatrixRMaj t) {
        for (int i = 0; i < t.numRows; i++) {
            if (!(t.get(i, i) > 0) || !Double.isFinite(t.get(i, i))) return false;
        }
        return true;
    }

    /** The smallest eigenvalue of a symmetric matrix (only the lower triangle is read). */
    public static double smallestEigenvalue(double[][] symmetric) {
        int n = symmetric.length;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                m.set(i, j, symmetric[i][j]);
                m.set(j, i, symmetric[i][j]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) return Double.NaN;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) min = Math.min(min, eig.getEigenvalue(i).getReal());
        return min;
    }

    public int dimension() {
        return n;
    }

    /** L[i][j] for j ≤ i (0 above the diagonal). */
    public double get(int i, int j) {
        return j > i ? 0.0 : lower[i * (i + 1) / 2 + j];
    }

    /** out = L z (out and z must not be the same array). */
    public void multiply(double[] z, double[] out) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) s += lower[k++] * z[j];
            out[i] = s;
        }
    }

    /** Solves L y = b (forward substitution): with it, rᵀC⁻¹r = |L⁻¹r|². */
    public double[] solveLower(double[] b) {
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int j = 0; j < i; j++) s -= lower[k++] * y[j];
            y[i] = s / lower[k++];
        }
        return y;
    }
}
