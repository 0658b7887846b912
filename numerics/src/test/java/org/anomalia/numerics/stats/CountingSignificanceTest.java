package org.anomalia.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

class CountingSignificanceTest {
    @Test
    void plainPoissonLikelihoodRatio() {
        // q0 = 2 ln [Pois(n|n) / Pois(n|b)] computed from the log-likelihoods themselves
        double n = 130;
        double b = 100;
        double q = 2 * ((n * Math.log(n) - n) - (n * Math.log(b) - b));
        assertEquals(Math.sqrt(q), CountingSignificance.poisson(n, b), 1e-12);
        assertEquals(-Math.sqrt(2 * 5.0), CountingSignificance.poisson(0, 5), 1e-12);
        assertTrue(CountingSignificance.poisson(80, 100) < 0);
    }

    @Test
    void profileTendsToPlainPoissonAsSigmaVanishes() {
        for (double[] c : new double[][] {{130, 100}, {12, 4.5}, {3, 0.4}}) {
            double plain = CountingSignificance.poisson(c[0], c[1]);
            assertEquals(plain, CountingSignificance.profile(c[0], c[1], 0), 0);
            assertEquals(plain, CountingSignificance.profile(c[0], c[1], 1e-4 * c[1]), 1e-4 * Math.max(1, plain));
        }
    }

    @Test
    void profileEqualsTheOnOffLikelihoodRatioMaximizedNumerically() {
        double[][] cases = {{130, 100, 8}, {25, 10, 3}, {7, 2.5, 1.2}, {1040, 1000, 25}};
        for (double[] c : cases) {
            double n = c[0], b = c[1], s = c[2];
            double tau = b / (s * s);
            double m = tau * b;
            // ln L(μ, β) = n ln(μ + β) − (μ + β) + m ln(τβ) − τβ; maximize numerically over β under μ = 0
            java.util.function.DoubleUnaryOperator null0 = beta -> n * Math.log(beta) - beta + m * Math.log(tau * beta) - tau * beta;
            double lo = 1e-6, hi = 10 * (n + b);
            for (int it = 0; it < 300; it++) { // golden section
                double a1 = lo + 0.382 * (hi - lo), a2 = lo + 0.618 * (hi - lo);
                if (null0.applyAsDouble(a1) < null0.applyAsDouble(a2)) lo = a1; else hi = a2;
            }
            double lnL0 = null0.applyAsDouble((lo + hi) / 2);
            double betaHat = m / tau;
            double lnL1 = n * Math.log(n) - n + m * Math.log(tau * betaHat) - tau * betaHat; // μ̂ + β̂ = n
            double z = Math.sqrt(2 * (lnL1 - lnL0));
            assertEquals(z, CountingSignificance.profile(n, b, s), 1e-6 * z, "n " + n + " b " + b);
            assertTrue(CountingSignificance.profile(n, b, s) < CountingSignificance.poisson(n, b));
        }
    }

    @Test
    void zBiEqualsTheBinomialTailSum() {
        // b 20, σ_b² 10: τ = 2, m = 40, ρ = 1/3; p = P(X ≥ n | N = n + m, ρ)
        double n = 35, b = 20, s = Math.sqrt(10);
        int total = 75;
        double p = 0;
        for (int k = 35; k <= total; k++) {
            p += Math.exp(LogGamma.value(total + 1) - LogGamma.value(k + 1) - LogGamma.value(total - k + 1)
                    + k * Math.log(1.0 / 3) + (total - k) * Math.log(2.0 / 3));
        }
        assertEquals(Significance.zFromP(p), CountingSignificance.zBi(n, b, s), 1e-9);
        // large counts: Z_Bi and the asymptotic profile answer agree
        assertEquals(CountingSignificance.profile(1100, 1000, 20), CountingSignificance.zBi(1100, 1000, 20), 0.05);
    }
}
