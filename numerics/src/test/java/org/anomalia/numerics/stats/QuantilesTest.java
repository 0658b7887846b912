package org.anomalia.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void linearInterpolationBetweenOrderStatisticsAsNumpy() {
        // numpy.quantile([3, 1, 4, 1, 5], q): 0.5 -> 3, 0.25 -> 1, 0.6 -> 3.4, 0.15865 -> 1, 0.84135 -> 4.3654
        Quantiles q = Quantiles.band68(new double[] {3, 1, 4, 1, 5});
        assertEquals(3, q.median(), 0);
        assertEquals(1, q.lower(), 0);
        assertEquals(4 + 0.84135 * 4 - 3, q.upper(), 1e-12); // position 3.3654: 4 + 0.3654 * (5 - 4)
        double[] sorted = {1, 1, 3, 4, 5};
        assertEquals(3.4, Quantiles.at(sorted, 0.6), 1e-12); // position 2.4
        assertEquals(5, Quantiles.at(sorted, 1), 0);
        assertEquals(Double.NaN, Quantiles.at(new double[0], 0.5));
    }

    @Test
    void anOrderStatisticBesideAnInfinityStaysFinite() {
        // a bound can be infinite; the median of {0, 1, inf} is 1, not NaN from 1 + 0 * inf
        assertEquals(1, Quantiles.at(new double[] {0, 1, Double.POSITIVE_INFINITY}, 0.5), 0);
        assertEquals(Double.NEGATIVE_INFINITY, Quantiles.at(new double[] {Double.NEGATIVE_INFINITY, 0, 1}, 0), 0);
    }
}
