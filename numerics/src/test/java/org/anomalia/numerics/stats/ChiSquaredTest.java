package org.anomalia.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.Test;

class ChiSquaredTest {
    private static void assertRelative(double expected, double actual, double rel) {
        assertEquals(expected, actual, rel * Math.abs(expected), () -> "expected " + expected + " got " + actual);
    }

    @Test
    void twoDegreesOfFreedomIsExponentialEvenInTheDeepTail() {
        // χ²(2) survival is exactly exp(−x/2): check far beyond where 1 − cdf would be 0.
        for (double x : new double[] {0.5, 3, 20, 100, 700, 1400}) {
            assertRelative(Math.exp(-x / 2), ChiSquared.survival(x, 2), 1e-12);
        }
        assertRelative(9.85967654375977e-305, ChiSquared.survival(1400, 2), 1e-10);
    }

    @Test
    void oneDegreeOfFreedomIsTwoSidedGaussian() {
        for (double x : new double[] {0.1, 1, 9, 100, 600}) {
            assertRelative(Erfc.value(Math.sqrt(x / 2)), ChiSquared.survival(x, 1), 1e-12);
        }
    }

    @Test
    void evenDegreesOfFreedomMatchPoissonSum() {
        // For n = 2m: Q = e^{-x/2} Σ_{k<m} (x/2)^k / k!  — closed form, summed in logs for the deep tail.
        int m = 16; // χ²(32)
        for (double x : new double[] {10, 45.624534728097444, 314.9177799174783, 1500}) {
            double h = x / 2, logTerm = -h, sum = 0;
            for (int k = 0; k < m; k++) {
                if (k > 0) logTerm += Math.log(h / k);
                sum += Math.exp(logTerm);
            }
            assertRelative(sum, ChiSquared.survival(x, 32), 1e-11);
        }
    }

    @Test
    void reproducesGofReferencePValues() {
        // p-values in testdata/physics/validation/gof_reference.json, computed by scipy's chi2.sf.
        assertRelative(0.056056824760753576, ChiSquared.survival(45.624534728097444, 32), 1e-9);
        assertRelative(3.1669612363356183e-48, ChiSquared.survival(314.9177799174783, 32), 1e-8);
    }

    @Test
    void inverseSurvivalRoundTrips() {
        for (double p : new double[] {0.5, 0.05, 1e-3, 1e-10}) {
            double x = ChiSquared.inverseSurvival(p, 32);
            assertRelative(p, ChiSquared.survival(x, 32), 1e-8);
        }
        assertEquals(1.0, ChiSquared.survival(0, 5));
    }
}
