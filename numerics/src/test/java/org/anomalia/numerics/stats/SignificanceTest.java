package org.anomalia.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignificanceTest {
    @Test
    void knownQuantiles() {
        assertEquals(0.0, Significance.zFromP(0.5), 1e-15);
        assertEquals(1.6448536269514722, Significance.zFromP(0.05), 1e-12);
        assertEquals(3.090232306167813, Significance.zFromP(1e-3), 1e-11);
        assertEquals(5.0, Significance.zFromP(2.866515718791939e-7), 1e-9);
        assertEquals(-1.6448536269514722, Significance.zFromP(0.95), 1e-12);
    }

    @Test
    void staysFiniteAndExactAtTinyP() {
        for (double p : new double[] {1e-17, 1e-50, 1e-200, 1e-300, Double.MIN_NORMAL}) {
            double z = Significance.zFromP(p);
            assertTrue(Double.isFinite(z), "Z finite at p=" + p);
            assertEquals(1.0, Significance.pFromZ(z) / p, 1e-9, "round trip at p=" + p);
        }
        // Mills-ratio asymptotics: p = φ(z)/z (1 − 1/z² + 3/z⁴ − 15/z⁶...) gives z = 37.04710... at 1e-300.
        double z = Significance.zFromP(1e-300);
        double phiOverZ = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / z;
        double series = 1 - 1 / (z * z) + 3 / Math.pow(z, 4) - 15 / Math.pow(z, 6) + 105 / Math.pow(z, 8);
        assertEquals(1.0, phiOverZ * series / 1e-300, 1e-8);
        assertEquals(37.0471, z, 1e-3);
    }
}
