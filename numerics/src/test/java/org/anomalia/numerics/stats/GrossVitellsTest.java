package org.anomalia.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GrossVitellsTest {
    @Test
    void countsUpcrossings() {
        assertEquals(2, GrossVitells.upcrossings(new double[] {0, 2, 0.5, 1, 1.5, 0}, 1));
        assertEquals(0, GrossVitells.upcrossings(new double[] {2, 3, 2}, 1));
    }

    /**
     * A smooth scan curve whose every point is N(0, 1): white noise over 460 positions convolved with
     * a Gaussian kernel of sd 6 positions (a smooth stationary Gaussian process, where the formula's
     * Rice-type assumption holds), 400 positions kept. The formula fed with the mean upcrossings at
     * z0 = 1 from 1000 toys, against the direct toy tail P(max Z ≥ z) from 20 000 toys.
     */
    @Test
    void agreesWithToysOnASmoothGaussianScan() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int positions = 400, half = 30, toys = 20000;
        double[] kernel = new double[2 * half + 1];
        double norm = 0;
        for (int k = -half; k <= half; k++) {
            kernel[k + half] = Math.exp(-0.5 * k * k / 36.0);
            norm += kernel[k + half] * kernel[k + half];
        }
        for (int k = 0; k < kernel.length; k++) kernel[k] /= Math.sqrt(norm);
        double[] max = new double[toys];
        double upcrossings = 0;
        int reference = 1000;
        for (int t = 0; t < toys; t++) {
            double[] w = new double[positions + 2 * half];
            for (int i = 0; i < w.length; i++) w[i] = g.sample();
            double[] z = new double[positions];
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < positions; i++) {
                double s = 0;
                for (int k = 0; k < kernel.length; k++) s += kernel[k] * w[i + k];
                z[i] = s;
                m = Math.max(m, s);
            }
            max[t] = m;
            if (t < reference) upcrossings += GrossVitells.upcrossings(z, 1.0);
        }
        double mean = upcrossings / reference;
        for (double level : new double[] {3.0, 3.5}) {
            int above = 0;
            for (double m : max) if (m >= level) above++;
            double toyP = (double) above / toys;
            double gv = GrossVitells.globalP(level, 1.0, mean);
            // asymptotic upper-tail approximation: within 20 % of the toys here (toy error about 3-6 %)
            assertEquals(toyP, gv, 0.2 * toyP, "level " + level + ": toys " + toyP + ", GV " + gv);
        }
    }
}
