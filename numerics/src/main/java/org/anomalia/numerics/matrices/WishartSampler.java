package org.anomalia.numerics.matrices;

import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Wishart(ν, S) draws by the Bartlett decomposition: with S = L·Lᵀ and A lower triangular,
 * A_ii = √χ²(ν − i) (i = 0 … d−1), A_ij ~ N(0, 1) below the diagonal, W = L·A·Aᵀ·Lᵀ.
 * E[W] = ν·S and Var(W_ij) = ν (S_ij² + S_ii S_jj). {@link #around} centres the draws on a given
 * matrix (S = Σ/ν), so ν measures how many "measurements" the published matrix is worth.
 */
public final class WishartSampler {
    private final double dof;
    private final double[][] scaleCholesky;

    private WishartSampler(double dof, double[][] scaleCholesky) {
        this.dof = dof;
        this.scaleCholesky = scaleCholesky;
    }

    /** Wishart(ν, S); ν must exceed d − 1 for every draw to be positive definite. */
    public static WishartSampler of(double dof, double[][] scale, String what) {
        int d = scale.length;
        if (!(dof > d - 1) || !Double.isFinite(dof)) {
            throw new UserException(what + ": Wishart degrees of freedom must exceed the dimension minus one (" + (d - 1) + "), got " + dof);
        }
        return new WishartSampler(dof, MultivariateNormal.cholesky(scale, what));
    }

    /** Draws with mean Σ: Wishart(ν, Σ/ν). */
    public static WishartSampler around(double[][] mean, double dof, String what) {
        double[][] s = new double[mean.length][];
        for (int i = 0; i < s.length; i++) {
            s[i] = mean[i].clone();
            for (int j = 0; j < s[i].length; j++) s[i][j] /= dof;
        }
        return of(dof, s, what);
    }

    public int dimension() {
        return scaleCholesky.length;
    }

    public double degreesOfFreedom() {
        return dof;
    }

    public double[][] sample(UniformRandomProvider rng) {
        int d = scaleCholesky.length;
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            // χ²(k) = 2·Gamma(k/2, 1)
            a[i][i] = Math.sqrt(2 * AhrensDieterMarsagliaTsangGammaSampler.of(rng, (dof - i) / 2, 1).sample());
            for (int j = 0; j < i; j++) a[i][j] = gauss.sample();
        }
        double[][] la = TriangularProducts.lowerTimesLower(scaleCholesky, a);
        return TriangularProducts.lowerTimesTranspose(la);
    }
}
