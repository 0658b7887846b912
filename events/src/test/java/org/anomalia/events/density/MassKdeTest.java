package org.anomalia.events.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

class MassKdeTest {
    @Test
    void scottBandwidthAndNormalisedDensity() {
        double[] v = {1, 2, 3, 4};
        MassKde k = MassKde.scott(v);
        // sample sd of 1..4 is sqrt(5/3); Scott: sd n^(-1/5)
        assertEquals(Math.sqrt(5.0 / 3) * Math.pow(4, -0.2), k.bandwidth(), 1e-12);
        // density integrates to 1 (trapezoids over ±10 bandwidths)
        double h = 0.001, s = 0;
        for (double m = -10; m <= 15; m += h) s += k.density(m) * h;
        assertEquals(1, s, 1e-6);
        // at a data point: the mean of Gaussian kernels, computed by hand for m = 1
        double b = k.bandwidth(), expected = 0;
        for (double x : v) expected += Math.exp(-0.5 * Math.pow((1 - x) / b, 2)) / (b * Math.sqrt(2 * Math.PI)) / 4;
        assertEquals(expected, k.density(1), 1e-15);
    }

    @Test
    void samplesStayInTheRegionAndFollowTheData() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] v = new double[20000];
        for (int i = 0; i < v.length; i++) v[i] = 3.3 + 0.4 * rng.nextDouble();
        MassKde k = MassKde.scott(v);
        double[] s = k.sample(20000, 3.3, 3.7, 11);
        double mean = 0;
        for (double m : s) {
            assertTrue(m >= 3.3 && m < 3.7);
            mean += m / s.length;
        }
        assertEquals(3.5, mean, 0.005);
        assertEquals(s[123], k.sample(20000, 3.3, 3.7, 11)[123]);
        assertThrows(UserException.class, () -> MassKde.scott(new double[] {1, 1.1}).sample(1, 5, 6, 1));
    }
}
