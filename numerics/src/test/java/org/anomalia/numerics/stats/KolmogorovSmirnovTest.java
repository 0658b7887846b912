package org.anomalia.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {
    @Test
    void statisticOfSmallSamplesByHand() {
        // F_n jumps at 0.1, 0.5, 0.9: D = max(1/3 − 0.1, 0.5 − 1/3, 2/3 − 0.5, 0.9 − 2/3, 1 − 0.9) = 0.2333...
        assertEquals(0.7 / 3, KolmogorovSmirnov.statisticUniform(new double[] {0.9, 0.1, 0.5}), 1e-15);
        // a perfect grid (i − 1/2)/n has D = 1/(2n)
        double[] grid = new double[100];
        for (int i = 0; i < 100; i++) grid[i] = (i + 0.5) / 100;
        assertEquals(0.005, KolmogorovSmirnov.statisticUniform(grid), 1e-15);
    }

    @Test
    void exactPValuesAtTabulatedCriticalValues() {
        // exact two-sided critical values of D_n (Miller 1956): n = 5, 10, 20 at α = 0.05 and n = 10 at α = 0.01
        double[][] table = {{5, 0.56328, 0.05}, {10, 0.40925, 0.05}, {20, 0.29408, 0.05}, {10, 0.48893, 0.01}};
        for (double[] row : table) {
            double p = KolmogorovSmirnov.testUniform(atStatistic(row[1], (int) row[0])).pValue();
            assertEquals(row[2], p, row[2] * 0.01, "n = " + (int) row[0]);
        }
    }

    @Test
    void finiteSamplePValueMatchesSimulation() {
        // Stephens' correction is built for moderate n: check n = 50 against 20000 simulated uniform samples.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int n = 50, reps = 20000, over = 0;
        double d0 = 0.19;
        for (int r = 0; r < reps; r++) {
            double[] u = new double[n];
            for (int i = 0; i < n; i++) u[i] = rng.nextDouble();
            if (KolmogorovSmirnov.statisticUniform(u) >= d0) over++;
        }
        double simulated = (double) over / reps; // ≈ 0.045, binomial σ ≈ 0.0015
        assertEquals(simulated, KolmogorovSmirnov.testUniform(atStatistic(d0, n)).pValue(), 0.0045); // 3 σ
    }

    @Test
    void flagsNonUniformValues() {
        double[] skewed = new double[400];
        for (int i = 0; i < skewed.length; i++) skewed[i] = Math.pow((i + 0.5) / skewed.length, 2);
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.testUniform(skewed);
        assertEquals(0.25, r.statistic(), 0.01); // sup |u² − u| = 1/4
        assertTrue(r.pValue() < 1e-10);
    }

    /** n values whose D is exactly d: x_i = max(0, (i + 1)/n − d), so that (i + 1)/n − x_i ≤ d with equality above 0. */
    private static double[] atStatistic(double d, int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) u[i] = Math.max(0, (i + 1.0) / n - d);
        assertEquals(d, KolmogorovSmirnov.statisticUniform(u), 1e-12);
        return u;
    }
}
