package org.anomalia.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmpiricalPValueTest {
    @Test
    void countsNullValuesAtLeastObserved() {
        double[] nulls = {5, 1, 3, 2, 4, 3};
        EmpiricalPValue p = EmpiricalPValue.of(3, nulls);
        assertEquals(4, p.exceeding()); // 5, 3, 4, 3
        assertEquals(4.0 / 6, p.p(), 0);
        assertFalse(p.isBound());
        assertEquals(BinomialInterval.clopperPearson(4, 6, 0.95), p.interval());
    }

    @Test
    void beyondAllNullSamplesIsABoundNotZero() {
        EmpiricalPValue p = EmpiricalPValue.of(99, new double[] {1, 2, 3, 4});
        assertTrue(p.isBound());
        assertEquals(0.25, p.pOrBound(), 0);
        assertEquals(Significance.zFromP(0.25), p.z(), 1e-12);
        assertTrue(p.describe().startsWith("< 0.25"), p.describe());
    }

    @Test
    void calibrationPValuesOfNullDrawsAreUniform() {
        double[] nulls = new double[1000];
        for (int i = 0; i < nulls.length; i++) nulls[i] = i;
        double[] probes = new double[500];
        for (int i = 0; i < probes.length; i++) probes[i] = 2 * i + 0.5;
        double[] p = EmpiricalPValue.NullDistribution.of(nulls).pValues(probes);
        assertEquals(0.999, p[0], 1e-12);
        assertTrue(KolmogorovSmirnov.statisticUniform(p) < 0.01);
    }
}
