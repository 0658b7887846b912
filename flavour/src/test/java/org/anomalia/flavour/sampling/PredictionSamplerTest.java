package org.anomalia.flavour.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.flavour.parameters.ParameterSampler;
import org.anomalia.flavour.parameters.ParameterValues;
import org.junit.jupiter.api.Test;

class PredictionSamplerTest {
    final ParameterCatalog catalog = ParameterCatalog.bundled();
    final PredictionSampler sampler = new PredictionSampler(List.of(Observable.FL, Observable.P5P),
            List.of(new Q2Bin(4, 6), new Q2Bin(15, 19)), NewPhysics.SM, catalog);

    @Test
    void columnsAreBinMajorWithNumbersAsWritten() {
        assertEquals(List.of("FL_4_6", "P5p_4_6", "FL_15_19", "P5p_15_19"), sampler.columns());
    }

    @Test
    void sameSeedGivesTheSameRowsWhateverTheThreadCount() {
        int n = 2 * PredictionSampler.ROWS_PER_STREAM + 37;
        AtomicLong done = new AtomicLong();
        PredictionSamples one = sampler.sample(n, 42, true, 1, done::addAndGet);
        PredictionSamples two = sampler.sample(n, 42, true, 2, null);
        assertEquals(n, done.get());
        assertArrayEquals(one.toRows(), two.toRows());
        assertEquals(42L, one.seed().getAsLong());
        PredictionSamples other = sampler.sample(n, 43, false, 2, null);
        assertFalse(java.util.Arrays.equals(one.row(0), other.row(0)));
        assertEquals(0, one.nonFiniteRows());
    }

    @Test
    void rowsAreThePredictionsOfTheStoredParameterDraws() {
        PredictionSamples s = sampler.sample(PredictionSampler.ROWS_PER_STREAM + 3, 7, true, 2, null);
        // row 0 and the first row of block 1 come from streams (7, 0) and (7, 1)
        ParameterSampler.Draws stream0 = catalog.sampler().draws(7, 0);
        ParameterSampler.Draws stream1 = catalog.sampler().draws(7, 1);
        ParameterValues p0 = stream0.next(), p1 = stream1.next();
        assertArrayEquals(sampler.predict(p0), s.row(0), 0);
        assertArrayEquals(sampler.predict(p1), s.row(PredictionSampler.ROWS_PER_STREAM), 0);
        int k = s.parameterNames().indexOf("B->K* BSZ a1_V");
        assertEquals(p0.get("B->K* BSZ a1_V"), s.parameter(0, k), 0);
        assertFalse(s.parameterNames().contains("B->K* BCL m0"), "fixed parameters are not written");
        assertEquals(53, s.parameterNames().size());
    }

    @Test
    void evaluatesAtGivenPoints() {
        double[] central = catalog.central().toArray();
        double[] shifted = catalog.central().with("B0->K*0 delta_C7 b_- Re", 0.432).toArray();
        PredictionSamples s = sampler.evaluate(new double[][] {central, shifted}, false, 2, null);
        assertArrayEquals(sampler.central(), s.row(0), 0);
        // the +1 sigma nuisance b_- moves P5p in 4-6 by about -0.04 (spec section 8 ablation table)
        assertEquals(-0.041, s.get(1, 1) - s.get(0, 1), 0.01);
        assertEquals(s.get(0, 3), s.get(1, 3), 1e-15, "low-q2 nuisance does not act at high q2");
    }
}
