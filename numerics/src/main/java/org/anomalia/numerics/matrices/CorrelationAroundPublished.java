package org.anomalia.numerics.matrices;

import org.anomalia.numerics.UserException;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;

/**
 * Correlation matrices scattered around a published one, positive definite by construction:
 * C = D^(−½)·G·R·G·D^(−½) with G = C_pub^(½) (symmetric root), R ~ LKJ(η) and D the diagonal of
 * G·R·G. R = 1 gives C_pub back, E[R] = 1, and the published zeros (between q² bins, entries
 * rounded to 0.00) become correlations of typical size 1/√(2η + d − 1). Why the symmetric root: it
 * does not depend on the order of the observables, unlike a Cholesky factor.
 */
public final class CorrelationAroundPublished {
    private final double[][] root;
    private final LkjCorrelationSampler lkj;

    private CorrelationAroundPublished(double[][] root, LkjCorrelationSampler lkj) {
        this.root = root;
        this.lkj = lkj;
    }

    /** @param published a correlation matrix (unit diagonal, positive definite) */
    public static CorrelationAroundPublished of(double[][] published, double eta, String what) {
        int d = published.length;
        for (int i = 0; i < d; i++) {
            if (Math.abs(published[i][i] - 1) > 1e-9) throw new IllegalArgumentException(what + ": diagonal entry " + i + " of a correlation matrix is " + published[i][i]);
        }
        return new CorrelationAroundPublished(symmetricRoot(published, what), LkjCorrelationSampler.of(d, eta));
    }

    public LkjCorrelationSampler lkj() {
        return lkj;
    }

    public double[][] sample(UniformRandomProvider rng) {
        double[][] r = lkj.sample(rng);
        int d = r.length;
        double[][] gr = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += root[i][k] * r[k][j];
                gr[i][j] = s;
            }
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += gr[i][k] * root[k][j];
                c[i][j] = s;
                c[j][i] = s;
            }
        }
        double[] scale = new double[d];
        for (int i = 0; i < d; i++) scale[i] = 1 / Math.sqrt(c[i][i]);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) c[i][j] = i == j ? 1 : c[i][j] * scale[i] * scale[j];
        }
        return c;
    }

    /** Covariance diag(σ)·C·diag(σ) from a correlation matrix and errors. */
    public static double[][] covariance(double[][] correlation, double[] sigma) {
        int d = sigma.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) out[i][j] = correlation[i][j] * sigma[i] * sigma[j];
        }
        return out;
    }

    /** The correlation matrix of a covariance and its errors σ_i = √Λ_ii. */
    public static double[][] correlation(double[][] covariance) {
        int d = covariance.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) out[i][j] = i == j ? 1 : covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
        }
        return out;
    }

    static double[][] symmetricRoot(double[][] m, String what) {
        int d = m.length;
        SymmetricQRAlgorithmDecomposition_DDRM eig = new SymmetricQRAlgorithmDecomposition_DDRM(true);
        if (!eig.decompose(new DMatrixRMaj(m))) throw new UserException(what + ": eigen-decomposition of the correlation matrix failed");
        double[][] out = new double[d][d];
        for (int k = 0; k < d; k++) {
            double lambda = eig.getEigenvalue(k).real;
            if (!(lambda > 0)) {
                throw new UserException(String.format("%s: correlation matrix is not positive definite (smallest eigenvalue %.3g); fix the matrix", what, lambda));
            }
            DMatrixRMaj v = eig.getEigenVector(k);
            double s = Math.sqrt(lambda);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) out[i][j] += s * v.get(i) * v.get(j);
            }
        }
        return out;
    }
}
