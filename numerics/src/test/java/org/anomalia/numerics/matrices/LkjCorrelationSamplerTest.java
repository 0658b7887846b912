package org.anomalia.numerics.matrices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

class LkjCorrelationSamplerTest {

    /**
     * LKJ(η) in d dimensions: every off-diagonal r has (r + 1)/2 ~ Beta(η − 1 + d/2, η − 1 + d/2)
     * (Lewandowski–Kurowicka–Joe 2009). Checked for the first entry (drawn directly) and the last
     * (built by the onion steps), by a Kolmogorov–Smirnov distance at the 1 % critical value, and the
     * variance 1/(2η + d − 1); every draw positive definite with unit diagonal.
     */
    @Test
    void offDiagonalMarginalsAreTheBetaOfTheClosedForm() {
        check(4, 2.0, 21L);
        check(6, 0.7, 22L);
        check(3, 1.0, 23L);
    }

    private static void check(int d, double eta, long seed) {
        int n = 10_000;
        LkjCorrelationSampler lkj = LkjCorrelationSampler.of(d, eta);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] first = new double[n], last = new double[n];
        double sum2 = 0;
        for (int k = 0; k < n; k++) {
            double[][] r = lkj.sample(rng);
            for (int i = 0; i < d; i++) {
                assertEquals(1.0, r[i][i], 1e-12);
                for (int j = 0; j < d; j++) assertEquals(r[i][j], r[j][i], 0.0);
            }
            assertTrue(MultivariateNormal.smallestEigenvalue(r) > 0, "draw " + k + " not positive definite");
            first[k] = r[1][0];
            last[k] = r[d - 1][d - 2];
            sum2 += r[d - 1][0] * r[d - 1][0];
        }
        double a = eta - 1 + d / 2.0;
        BetaDistribution beta = BetaDistribution.of(a, a);
        double critical = 1.63 / Math.sqrt(n); // Kolmogorov 1 % point
        assertTrue(ksDistance(first, beta) < critical, "first entry d=" + d + " eta=" + eta + ": D=" + ksDistance(first, beta));
        assertTrue(ksDistance(last, beta) < critical, "last entry d=" + d + " eta=" + eta + ": D=" + ksDistance(last, beta));
        double expectedVar = 1 / (2 * eta + d - 1);
        assertEquals(expectedVar, lkj.offDiagonalSigma() * lkj.offDiagonalSigma(), 1e-15);
        // Var(r²) ≤ E[r⁴] ≤ 3 Var² for these light-tailed marginals: 5 standard errors
        assertEquals(expectedVar, sum2 / n, 5 * Math.sqrt(2.0 / n) * expectedVar);
    }

    private static double ksDistance(double[] r, BetaDistribution beta) {
        double[] u = r.clone();
        for (int i = 0; i < u.length; i++) u[i] = (u[i] + 1) / 2;
        Arrays.sort(u);
        double dMax = 0;
        for (int i = 0; i < u.length; i++) {
            double f = beta.cumulativeProbability(u[i]);
            dMax = Math.max(dMax, Math.max((i + 1.0) / u.length - f, f - (double) i / u.length));
        }
        return dMax;
    }

    @Test
    void sameSeedSameMatrix() {
        LkjCorrelationSampler lkj = LkjCorrelationSampler.of(5, 3);
        double[][] a = lkj.sample(RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        double[][] b = lkj.sample(RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        assertTrue(Arrays.deepEquals(a, b));
    }
}
