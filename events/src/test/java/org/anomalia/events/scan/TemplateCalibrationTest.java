package org.anomalia.events.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The calibrated systematic recovers a known relative error of the template, and finds none where there is none. */
class TemplateCalibrationTest {
    /** 3000 windows, b from 50 to 5000, the truth b·(1 + δ·g) with g ~ N(0, 1), n ~ Poisson(truth), σ_stat = 2 % of b. */
    private static List<double[]> windows(double delta, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double b = 50 * Math.pow(100, rng.nextDouble());
            double truth = Math.max(0, b * (1 + delta * g.sample()));
            double n = truth > 0 ? PoissonSampler.of(rng, truth).sample() : 0;
            rows.add(new double[] {n, b, Math.pow(0.02 * b, 2)});
        }
        return rows;
    }

    @Test
    void recoversAKnownRelativeError() {
        for (double delta : new double[] {0.1, 0.3}) {
            assertEquals(delta, TemplateCalibration.solve(windows(delta, 11)), 0.1 * delta, "delta " + delta);
        }
    }

    @Test
    void findsLittleWhereTheTemplateIsRight() {
        assertTrue(TemplateCalibration.solve(windows(0, 12)) < 0.02);
    }
}
