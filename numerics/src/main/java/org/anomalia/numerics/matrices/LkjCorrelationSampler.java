package org.anomalia.numerics.matrices;

import org.anomalia.numerics.UserException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * LKJ(η) correlation matrices, density ∝ det(R)^(η−1), drawn by the onion method of
 * Lewandowski, Kurowicka and Joe (J. Multivariate Anal. 100 (2009) 1989, section 3.2): the matrix
 * grows one row at a time, the new column being z = A·w with A·Aᵀ the current matrix and
 * w = √y·u, u uniform on the sphere and y ~ Beta(k/2, β) with β decreasing by ½ per step. Every draw
 * is positive definite by construction. Each off-diagonal entry r has (r + 1)/2 ~ Beta(a, a) with
 * a = η − 1 + d/2, so E[r] = 0 and Var(r) = 1/(2η + d − 1): η = 1 is uniform over correlation
 * matrices, large η concentrates on the identity.
 */
public final class LkjCorrelationSampler {
    private final int dimension;
    private final double eta;

    private LkjCorrelationSampler(int dimension, double eta) {
        this.dimension = dimension;
        this.eta = eta;
    }

    public static LkjCorrelationSampler of(int dimension, double eta) {
        if (dimension < 1) throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        if (!(eta > 0) || !Double.isFinite(eta)) throw new UserException("LKJ concentration eta must be a positive number, got " + eta);
        return new LkjCorrelationSampler(dimension, eta);
    }

    public int dimension() {
        return dimension;
    }

    public double eta() {
        return eta;
    }

    /** Standard deviation of one off-diagonal entry, 1/√(2η + d − 1). */
    public double offDiagonalSigma() {
        return 1 / Math.sqrt(2 * eta + dimension - 1);
    }

    /** One correlation matrix (unit diagonal, exactly symmetric). */
    public double[][] sample(UniformRandomProvider rng) {
        return TriangularProducts.lowerTimesTranspose(sampleCholesky(rng));
    }

    /** The lower Cholesky factor of one draw (rows of unit length). */
    public double[][] sampleCholesky(UniformRandomProvider rng) {
        int d = dimension;
        double[][] l = new double[d][d];
        l[0][0] = 1;
        if (d == 1) return l;
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double beta = eta + (d - 2) / 2.0;
        double r12 = 2 * ChengBetaSampler.of(rng, beta, beta).sample() - 1;
        l[1][0] = r12;
        l[1][1] = Math.sqrt(Math.max(0, 1 - r12 * r12));
        for (int k = 2; k < d; k++) {
            beta -= 0.5;
            double y = ChengBetaSampler.of(rng, k / 2.0, beta).sample();
            double[] u = new double[k];
            double norm = 0;
            for (int i = 0; i < k; i++) {
                u[i] = gauss.sample();
                norm += u[i] * u[i];
            }
            double scale = Math.sqrt(y / norm);
            // The new row of the Cholesky factor is w itself: z = A·w is the new column of R and
            // the diagonal completes the unit length (1 − |w|² = 1 − y > 0).
            for (int i = 0; i < k; i++) l[k][i] = u[i] * scale;
            l[k][k] = Math.sqrt(Math.max(0, 1 - y));
        }
        return l;
    }
}
