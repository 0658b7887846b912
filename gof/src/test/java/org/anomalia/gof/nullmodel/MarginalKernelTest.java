package org.anomalia.gof.nullmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The marginal-likelihood kernel against a naive double-precision loop, its exponential against
 * Math.exp, the effective sample size against closed forms, and its independence of the thread count.
 */
class MarginalKernelTest {
    private static double[][] gaussianRows(int rows, int n, double scale, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[rows][n];
        for (double[] r : x) for (int j = 0; j < n; j++) r[j] = scale * rng.nextGaussian() + 0.3 * j;
        return x;
    }

    /** log Σ exp(−½|q − yᵢ|²) and log Σ exp(−|q − yᵢ|²), plainly, in double. */
    private static double[] naive(double[][] ys, double[] q) {
        double[] lw = new double[ys.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ys.length; i++) {
            double d = 0;
            for (int j = 0; j < q.length; j++) d += (q[j] - ys[i][j]) * (q[j] - ys[i][j]);
            lw[i] = -0.5 * d;
            max = Math.max(max, lw[i]);
        }
        double s = 0, s2 = 0;
        for (double v : lw) {
            s += Math.exp(v - max);
            s2 += Math.exp(2 * (v - max));
        }
        return new double[] {max + Math.log(s), 2 * max + Math.log(s2)};
    }

    @Test
    void exponentialMatchesMathExp() {
        double worst = 0;
        for (int i = 0; i <= 200_000; i++) {
            float x = (float) (-87.0 * i / 200_000);
            double exact = Math.exp(x);
            worst = Math.max(worst, Math.abs(MarginalKernel.expNonPositive(x) - exact) / exact);
        }
        assertTrue(worst < 4e-7, "largest relative error " + worst);
        assertEquals(1f, MarginalKernel.expNonPositive(0f), 0);
        assertTrue(MarginalKernel.expNonPositive(-1000f) < 2e-38, "clamped far tail");
    }

    @Test
    void bothPathsMatchNaiveLoop() {
        // 1003 integration points (not a multiple of the chunk width) in 7 dimensions, 13 queries (not a multiple of the tile)
        double[][] ys = gaussianRows(1003, 7, 1.0, 1);
        double[][] qs = gaussianRows(13, 7, 1.5, 2);
        qs[12] = new double[] {9, -9, 9, -9, 9, -9, 9}; // far from everything: tiny weights, log-sum-exp must keep them
        for (MarginalKernel k : new MarginalKernel[] {MarginalKernel.plain(ys), MarginalKernel.vector(ys)}) {
            if (k == null) continue; // no Vector API in this JVM
            double[][] got = k.logSums(qs, 2);
            for (int r = 0; r < qs.length; r++) {
                double[] want = naive(ys, qs[r]);
                assertEquals(want[0], got[0][r], 2e-5 * Math.max(1, Math.abs(want[0])), k.path() + " log Σw, query " + r);
                assertEquals(want[1], got[1][r], 2e-5 * Math.max(1, Math.abs(want[1])), k.path() + " log Σw², query " + r);
            }
        }
    }

    @Test
    void vectorPathIsPresentWithTheModule() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) assertNotNull(MarginalKernel.vector(gaussianRows(20, 3, 1, 3)));
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        double[][] ys = gaussianRows(5000, 5, 1.0, 4);
        double[][] qs = gaussianRows(37, 5, 1.2, 5);
        MarginalKernel k = new MarginalKernel(ys);
        double[][] one = k.logSums(qs, 1), two = k.logSums(qs, 2), three = k.logSums(qs, 3);
        assertArrayEquals(one[0], two[0], 0);
        assertArrayEquals(one[1], two[1], 0);
        assertArrayEquals(one[0], three[0], 0);
    }

    @Test
    void essOfIdenticalSamplesIsTheirNumberAndOfOneDominantSampleIsOne() {
        int m = 777;
        double[][] same = new double[m][];
        for (int i = 0; i < m; i++) same[i] = new double[] {0.5, -1.0, 2.0};
        double[][] cov = {{0.04, 0.01, 0}, {0.01, 0.09, 0}, {0, 0, 0.25}};
        double[] x = {0.6, -0.8, 2.3};
        MarginalLikelihood ml = new MarginalLikelihood(same, cov, 2);
        MarginalLikelihood.Evaluation e = ml.evaluateWithEss(new double[][] {x});
        assertEquals(m, e.ess()[0], 1e-9 * m, "equal weights: ESS = M");
        // p̂ is then exactly N(x; x0, Λexp)
        double exact = -org.anomalia.numerics.stats.MultivariateNormal.of(same[0], cov, "test").logDensity(x);
        assertEquals(exact, e.negLogDensity()[0], 1e-5);

        double[][] oneNear = new double[m][];
        for (int i = 0; i < m; i++) oneNear[i] = i == 0 ? x.clone() : new double[] {50, 50, 50};
        assertEquals(1.0, new MarginalLikelihood(oneNear, cov, 2).evaluateWithEss(new double[][] {x}).ess()[0], 1e-9, "one weight: ESS = 1");

        // two groups with weights 1 and e^-1/2 (|Δy|² = 1 in whitened units along the third coordinate, σ = 0.5): ESS = (a + b e^-½)²/(a + b e^-1)
        double[][] two = new double[m][];
        int a = 300;
        for (int i = 0; i < m; i++) two[i] = i < a ? x.clone() : new double[] {x[0], x[1], x[2] + 0.5};
        double w = Math.exp(-0.5), b = m - a;
        assertEquals((a + b * w) * (a + b * w) / (a + b * w * w), new MarginalLikelihood(two, cov, 2).evaluateWithEss(new double[][] {x}).ess()[0], 1e-5 * m);
    }
}
