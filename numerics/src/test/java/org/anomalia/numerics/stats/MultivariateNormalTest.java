package org.anomalia.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.numerics.UserException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class MultivariateNormalTest {
    private static final double[][] COV = {{4, 1.2, 0}, {1.2, 1, -0.3}, {0, -0.3, 0.5}};

    @Test
    void choleskyReproducesMatrix() {
        double[][] l = MultivariateNormal.cholesky(COV, "test");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += l[i][k] * l[j][k];
                assertEquals(COV[i][j], s, 1e-13);
            }
        }
        assertEquals(0.0, l[0][1]);
    }

    @Test
    void chi2IsQuadraticFormWithInverse() {
        MultivariateNormal g = MultivariateNormal.of(new double[] {1, 2, 3}, new double[][] {{2, 0, 0}, {0, 0.5, 0}, {0, 0, 1}}, "diag");
        assertEquals(0.5 + 2 + 4, g.chi2(new double[] {2, 3, 1}), 1e-13);
        // 2×2 with correlation: r = (1, 1), Λ = [[1, .5], [.5, 1]] → rᵀΛ⁻¹r = 2/(1.5) = 4/3
        MultivariateNormal c = MultivariateNormal.of(new double[] {0, 0}, new double[][] {{1, .5}, {.5, 1}}, "corr");
        assertEquals(4.0 / 3, c.chi2(new double[] {1, 1}), 1e-13);
        // density: det = 0.75, so log N = −(4/3)/2 − ½ log 0.75 − log 2π
        assertEquals(-2.0 / 3 - 0.5 * Math.log(0.75) - Math.log(2 * Math.PI), c.logDensity(new double[] {1, 1}), 1e-13);
    }

    @Test
    void samplesHaveTheRequestedMomentsAndSameSeedSameDraws() {
        MultivariateNormal g = MultivariateNormal.of(new double[] {1, -1, 0.5}, COV, "test");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[][] x = new double[40000][];
        for (int i = 0; i < x.length; i++) x[i] = g.sample(rng);
        double[] m = SampleMoments.mean(x);
        double[][] c = SampleMoments.covariance(x);
        for (int i = 0; i < 3; i++) {
            assertEquals(g.mean()[i], m[i], 4 * Math.sqrt(COV[i][i] / x.length));
            for (int j = 0; j < 3; j++) assertEquals(COV[i][j], c[i][j], 0.05 * Math.sqrt(COV[i][i] * COV[j][j]));
        }
        double[] again = g.sample(RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
        assertEquals(x[0][2], again[2], 0);
    }

    @Test
    void rejectsBadCovariancesWithAOneLineReason() {
        UserException notSym = assertThrows(UserException.class,
                () -> MultivariateNormal.cholesky(new double[][] {{1, 0.2}, {0.3, 1}}, "m.json"));
        assertTrue(notSym.getMessage().startsWith("m.json: covariance is not symmetric"), notSym.getMessage());
        UserException notPd = assertThrows(UserException.class,
                () -> MultivariateNormal.cholesky(new double[][] {{1, 2}, {2, 1}}, "m.json"));
        assertTrue(notPd.getMessage().contains("smallest eigenvalue -1.00"), notPd.getMessage());
        assertEquals(-1.0, MultivariateNormal.smallestEigenvalue(new double[][] {{1, 2}, {2, 1}}), 1e-12);
    }

    @Test
    void sampleMomentsByHand() {
        double[][] rows = {{1, 2}, {3, 6}, {5, 7}};
        assertEquals(3.0, SampleMoments.mean(rows)[0], 0);
        assertEquals(5.0, SampleMoments.mean(rows)[1], 0);
        double[][] c = SampleMoments.covariance(rows);
        assertEquals(4.0, c[0][0], 1e-14);
        assertEquals(5.0, c[0][1], 1e-14);
        assertEquals(7.0, c[1][1], 1e-14);
    }
}
