package org.anomalia.events.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SpectrumFitTest {
    static final Binning BINS = Binning.ofWidth(2.5, 6.0, 0.02);
    static final double SQRT_S = 13;

    /** p0 set so that the spectrum holds {@code total} events over the range. */
    static double[] normalized(double total, double... shape) {
        double[] p = shape.clone();
        p[0] = 1;
        p[0] = total / DijetFunction.integral(BINS.low(), BINS.high(), SQRT_S, p);
        return p;
    }

    static double[] asimov(double[] p) {
        double[] n = new double[BINS.bins()];
        for (int i = 0; i < n.length; i++) n[i] = DijetFunction.integral(BINS.edge(i), BINS.edge(i + 1), SQRT_S, p);
        return n;
    }

    static double[] poisson(double[] mu, UniformRandomProvider rng) {
        double[] n = new double[mu.length];
        for (int i = 0; i < n.length; i++) n[i] = PoissonSampler.of(rng, mu[i]).sample();
        return n;
    }

    static boolean[] outside(double lo, double hi) {
        boolean[] use = new boolean[BINS.bins()];
        for (int i = 0; i < use.length; i++) use[i] = BINS.edge(i + 1) <= lo || BINS.edge(i) >= hi;
        return use;
    }

    static boolean[] all() {
        boolean[] use = new boolean[BINS.bins()];
        java.util.Arrays.fill(use, true);
        return use;
    }

    @Test
    void integralMatchesAFineMidpointSum() {
        double[] p = {1, 10, 5, 0.2};
        double fine = 0;
        int steps = 200000;
        double h = (3.7 - 3.3) / steps;
        for (int i = 0; i < steps; i++) fine += DijetFunction.value((3.3 + (i + 0.5) * h) / SQRT_S, p) * h / SQRT_S;
        assertEquals(fine, DijetFunction.integral(3.3, 3.7, SQRT_S, p), 1e-9 * fine);
    }

    @Test
    void recoversTheParametersOfAnAsimovSpectrumWithTheWindowMasked() {
        SpectrumFit fit = new SpectrumFit(BINS, SQRT_S);
        for (double[] truth : new double[][] {normalized(2e5, 0, 10, 5), normalized(2e5, 0, 8, 5.5, 0.6), normalized(5e5, 0, 12, 4, 0.3, 0.1)}) {
            double[] n = asimov(truth);
            FitResult r = fit.fit(n, outside(3.3, 3.7), truth.length, List.of());
            assertTrue(r.converged(), r.warning());
            assertEquals(truth[0], r.parameters()[0], 1e-4 * truth[0]); // p0 is the most correlated parameter
            for (int j = 1; j < truth.length; j++) assertEquals(truth[j], r.parameters()[j], 1e-4 * Math.max(1, Math.abs(truth[j])), "p" + j);
            assertEquals(0, r.deviance(), 1e-8);
            // the masked window's prediction is the true integral
            int lo = BINS.nearestEdge(3.3), hi = BINS.nearestEdge(3.7);
            assertEquals(DijetFunction.integral(3.3, 3.7, SQRT_S, truth), r.sum(lo, hi)[0], 1e-6 * r.sum(lo, hi)[0]);
        }
    }

    /** Poisson toys from the generator's f: the fitted window prediction is unbiased and its σ_b is right (pulls ~ N(0, 1)). */
    @Test
    void windowPredictionPullsOnPoissonToysAreStandardNormal() {
        SpectrumFit fit = new SpectrumFit(BINS, SQRT_S);
        double[] truth = normalized(2e5, 0, 10, 5);
        double[] mu = asimov(truth);
        int lo = BINS.nearestEdge(3.3), hi = BINS.nearestEdge(3.7);
        double bTrue = DijetFunction.integral(3.3, 3.7, SQRT_S, truth);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        int toys = 300;
        double sum = 0, sum2 = 0, p1 = 0, p1sq = 0;
        for (int t = 0; t < toys; t++) {
            FitResult r = fit.fit(poisson(mu, rng), outside(3.3, 3.7), 3, List.of());
            assertTrue(r.converged(), r.warning());
            double[] b = r.sum(lo, hi);
            double pull = (b[0] - bTrue) / b[1];
            sum += pull;
            sum2 += pull * pull;
            double q = (r.parameters()[1] - truth[1]) / Math.sqrt(r.covariance()[1][1]);
            p1 += q;
            p1sq += q * q;
        }
        double mean = sum / toys, sd = Math.sqrt(sum2 / toys - mean * mean);
        assertEquals(0, mean, 0.2, "pull mean");
        assertEquals(1, sd, 0.12, "pull sd");
        double m1 = p1 / toys;
        assertEquals(0, m1, 0.2, "p1 pull mean");
        assertEquals(1, Math.sqrt(p1sq / toys - m1 * m1), 0.12, "p1 pull sd");
    }

    @Test
    void fTestPicksTheTrueOrderOnToys() {
        SpectrumFit fit = new SpectrumFit(BINS, SQRT_S);
        double[] three = normalized(2e5, 0, 10, 5);
        double[] four = normalized(3e5, 0, 8, 3, 2);
        // the 4-parameter truth is visible: its Asimov spectrum is badly fitted by 3 parameters
        FitResult a3 = fit.fit(asimov(four), all(), 3, List.of());
        assertTrue(a3.deviance() > 40, "Asimov deviance of 3 parameters on the 4-parameter truth: " + a3.deviance());
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        int toys = 200;
        int[] pickedFromThree = new int[6];
        int[] pickedFromFour = new int[6];
        for (int t = 0; t < toys; t++) {
            pickedFromThree[FitOrder.select(fit, poisson(asimov(three), rng), outside(3.3, 3.7), FitOrder.DEFAULT_ALPHA).chosen().order()]++;
            pickedFromFour[FitOrder.select(fit, poisson(asimov(four), rng), outside(3.3, 3.7), FitOrder.DEFAULT_ALPHA).chosen().order()]++;
        }
        // at α = 5 % about 95 % of 3-parameter toys stay at 3
        assertTrue(pickedFromThree[3] >= 0.88 * toys, "3-parameter truth picked 3 in " + pickedFromThree[3] + " of " + toys);
        assertTrue(pickedFromFour[4] >= 0.85 * toys, "4-parameter truth picked 4 in " + pickedFromFour[4] + " of " + toys);
        assertEquals(0, pickedFromFour[3], "4-parameter truth never fitted with 3");
    }

    @Test
    void tooFewBinsIsANamedWarning() {
        SpectrumFit fit = new SpectrumFit(BINS, SQRT_S);
        boolean[] use = new boolean[BINS.bins()];
        use[0] = use[1] = use[2] = true;
        FitResult r = fit.fit(asimov(normalized(1e5, 0, 10, 5)), use, 3, List.of());
        assertFalse(r.converged());
        assertNotNull(r.warning());
        assertTrue(r.warning().startsWith("fit-too-few-bins"), r.warning());
    }
}
