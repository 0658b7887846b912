package org.anomalia.numerics.matrices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class WishartSamplerTest {
    static final double[][] S = {{2, 0.5, 0.3}, {0.5, 1, -0.2}, {0.3, -0.2, 0.5}};

    /** E[W] = νS and Var(W_ij) = ν(S_ij² + S_ii S_jj), the closed forms of the Wishart distribution. */
    @Test
    void meanAndVarianceMatchClosedForms() {
        double nu = 5;
        int n = 40_000, d = 3;
        WishartSampler w = WishartSampler.of(nu, S, "test");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[][] sum = new double[d][d], sum2 = new double[d][d];
        for (int k = 0; k < n; k++) {
            double[][] x = w.sample(rng);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    sum[i][j] += x[i][j];
                    sum2[i][j] += x[i][j] * x[i][j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double mean = sum[i][j] / n, var = sum2[i][j] / n - mean * mean;
                double expVar = nu * (S[i][j] * S[i][j] + S[i][i] * S[j][j]);
                assertEquals(nu * S[i][j], mean, 5 * Math.sqrt(expVar / n), "mean " + i + "," + j);
                assertEquals(expVar, var, 0.06 * expVar, "variance " + i + "," + j);
            }
        }
    }

    @Test
    void aroundCentresOnTheGivenMatrixAndDrawsArePositiveDefinite() {
        double nu = 4; // just above d − 1 = 2: the most scattered allowed draws
        WishartSampler w = WishartSampler.around(S, nu, "test");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12L);
        int n = 20_000;
        double s00 = 0;
        for (int k = 0; k < n; k++) {
            double[][] x = w.sample(rng);
            assertTrue(MultivariateNormal.smallestEigenvalue(x) > 0);
            s00 += x[0][0];
        }
        // Var(W_00) = ν(2 (S_00/ν)²) = 2·S_00²/ν
        assertEquals(S[0][0], s00 / n, 5 * Math.sqrt(2 * S[0][0] * S[0][0] / nu / n));
    }

    @Test
    void tooFewDegreesOfFreedomIsAUserError() {
        assertThrows(UserException.class, () -> WishartSampler.of(2, S, "test"));
    }
}
