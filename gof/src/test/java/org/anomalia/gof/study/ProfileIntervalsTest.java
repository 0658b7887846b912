package org.anomalia.gof.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileIntervalsTest {
    /** Δ = ((c − c0)/σ)² sampled on a grid: the Wilks 1σ/2σ intervals are c0 ± σ and c0 ± 2σ, the refined minimum c0. */
    @Test
    void parabolaGivesCentreAndWidths() {
        double c0 = -0.83, sigma = 0.31;
        int n = 41;
        double[] x = new double[n], d = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -2.5 + 3.5 * i / (n - 1);
            d[i] = Math.pow((x[i] - c0) / sigma, 2);
        }
        assertEquals(c0, ProfileIntervals.refinedMinimum(x, d), 1e-9);
        List<ProfileIntervals.Interval> one = ProfileIntervals.below(x, d, 1);
        assertEquals(1, one.size());
        // linear interpolation of a parabola between grid points of spacing h: error below h²/(4σ²)·σ
        assertEquals(c0 - sigma, one.get(0).low(), 0.01);
        assertEquals(c0 + sigma, one.get(0).high(), 0.01);
        assertFalse(one.get(0).openLow() || one.get(0).openHigh());
        List<ProfileIntervals.Interval> two = ProfileIntervals.below(x, d, 4);
        assertEquals(c0 - 2 * sigma, two.get(0).low(), 0.01);
        assertEquals(c0 + 2 * sigma, two.get(0).high(), 0.01);
        List<ProfileIntervals.Interval> wide = ProfileIntervals.below(x, d, 100);
        assertTrue(wide.get(0).openLow() && wide.get(0).openHigh());
    }

    @Test
    void twoSeparateMinimaGiveTwoIntervals() {
        double[] x = {0, 1, 2, 3, 4, 5, 6};
        double[] d = {3, 0.5, 3, 5, 3, 0, 3};
        List<ProfileIntervals.Interval> r = ProfileIntervals.below(x, d, 1);
        assertEquals(2, r.size());
        assertEquals(1 - 0.5 / 2.5, r.get(0).low(), 1e-12);
        assertEquals(5 + 1.0 / 3, r.get(1).high(), 1e-12);
    }
}
