package org.anomalia.events.kinematics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.numerics.stats.ChiSquared;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The phase-space generator: four-momentum conservation, and uniformity where phase space is flat
 * (cos θ of two-body decays, the three-body Dalitz plot) by χ² tests whose p-values must not be tiny;
 * the same Dalitz test on the raw weighted draws (not unweighted) must fail, so the test has teeth.
 */
class PhaseSpaceTest {

    @Test
    void conservesFourMomentumInFlight() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        double[] m = {0.493677, 0.13957, 0.13957, 0.1056584, 0.0};
        PhaseSpace ps = new PhaseSpace(5.27934, m);
        for (int t = 0; t < 2000; t++) {
            FourVector parent = FourVector.ofMass(0.3 * t / 2000, -0.2, 1.5, 5.27934);
            FourVector[] d = ps.decay(parent, rng);
            FourVector sum = new FourVector(0, 0, 0, 0);
            for (int i = 0; i < d.length; i++) {
                sum = sum.plus(d[i]);
                assertEquals(m[i] * m[i], d[i].m2(), 1e-9); // m² (a massless daughter's m is √ of rounding)
            }
            assertEquals(parent.px(), sum.px(), 1e-9);
            assertEquals(parent.py(), sum.py(), 1e-9);
            assertEquals(parent.pz(), sum.pz(), 1e-9);
            assertEquals(parent.e(), sum.e(), 1e-9);
        }
    }

    @Test
    void twoBodyAnglesAreFlat() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2L);
        PhaseSpace ps = new PhaseSpace(3.0969, 0.1056584, 0.1056584);
        int n = 40000, bins = 20;
        long[] cos = new long[bins], phi = new long[bins];
        for (int t = 0; t < n; t++) {
            FourVector mu = ps.decayAtRest(rng)[0];
            double c = mu.pz() / mu.p();
            cos[Math.min(bins - 1, (int) ((c + 1) / 2 * bins))]++;
            double f = Math.atan2(mu.py(), mu.px()) + Math.PI;
            phi[Math.min(bins - 1, (int) (f / (2 * Math.PI) * bins))]++;
            assertEquals(PhaseSpace.breakupMomentum(3.0969, 0.1056584, 0.1056584), mu.p(), 1e-12);
        }
        assertTrue(flatPValue(cos) > 1e-3, "cos theta p-value " + flatPValue(cos));
        assertTrue(flatPValue(phi) > 1e-3, "phi p-value " + flatPValue(phi));
    }

    @Test
    void threeBodyDalitzPlotIsFlatOnlyAfterUnweighting() {
        // D0 → K− π+ π0 at rest: uniform in (m²(Kπ+), m²(π+π0)) inside the kinematic boundary.
        double mD = 1.86484;
        double[] m = {0.493677, 0.13957, 0.134977};
        PhaseSpace ps = new PhaseSpace(mD, m);
        int bins = 16, n = 150000;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        long[][] unweighted = new long[bins][bins];
        long[][] raw = new long[bins][bins];
        FourVector[] out = new FourVector[3];
        for (int t = 0; t < n; t++) {
            fill(unweighted, ps.decayAtRest(rng), mD, m, bins);
            ps.weighted(rng, out);
            fill(raw, out, mD, m, bins);
        }
        double pFlat = dalitzPValue(unweighted, mD, m, bins);
        double pRaw = dalitzPValue(raw, mD, m, bins);
        assertTrue(pFlat > 1e-3, "unweighted Dalitz plot p-value " + pFlat);
        assertTrue(pRaw < 1e-6, "raw (weighted) draws must not look flat, p-value " + pRaw);
    }

    private static void fill(long[][] h, FourVector[] d, double mD, double[] m, int bins) {
        double x = d[0].plus(d[1]).m2(), y = d[1].plus(d[2]).m2();
        double x0 = sq(m[0] + m[1]), x1 = sq(mD - m[2]), y0 = sq(m[1] + m[2]), y1 = sq(mD - m[0]);
        int i = (int) ((x - x0) / (x1 - x0) * bins), j = (int) ((y - y0) / (y1 - y0) * bins);
        if (i >= 0 && i < bins && j >= 0 && j < bins) h[i][j]++;
    }

    /** χ² of the counts in the cells wholly inside the Dalitz region against equal expectation (the region is convex). */
    private static double dalitzPValue(long[][] h, double mD, double[] m, int bins) {
        double x0 = sq(m[0] + m[1]), x1 = sq(mD - m[2]), y0 = sq(m[1] + m[2]), y1 = sq(mD - m[0]);
        java.util.List<Long> inside = new java.util.ArrayList<>();
        for (int i = 0; i < bins; i++) {
            for (int j = 0; j < bins; j++) {
                boolean all = true;
                for (int c = 0; c < 4; c++) {
                    double x = x0 + (i + (c & 1)) * (x1 - x0) / bins, y = y0 + (j + (c >> 1)) * (y1 - y0) / bins;
                    all &= insideDalitz(x, y, mD, m);
                }
                if (all) inside.add(h[i][j]);
            }
        }
        assertTrue(inside.size() > 100, "cells inside: " + inside.size());
        long[] counts = inside.stream().mapToLong(Long::longValue).toArray();
        return flatPValue(counts);
    }

    /** Is (m12², m23²) kinematically allowed (PDG kinematics, eq. for the Dalitz boundary)? */
    static boolean insideDalitz(double m12s, double m23s, double mD, double[] m) {
        double m12 = Math.sqrt(m12s);
        if (m12 < m[0] + m[1] || m12 > mD - m[2]) return false;
        double e2 = (m12s - m[0] * m[0] + m[1] * m[1]) / (2 * m12); // particle 2 in the (12) frame
        double e3 = (mD * mD - m12s - m[2] * m[2]) / (2 * m12);
        double p2 = Math.sqrt(Math.max(0, e2 * e2 - m[1] * m[1])), p3 = Math.sqrt(Math.max(0, e3 * e3 - m[2] * m[2]));
        double lo = sq(e2 + e3) - sq(p2 + p3), hi = sq(e2 + e3) - sq(p2 - p3);
        return m23s >= lo && m23s <= hi;
    }

    /** p-value of χ² = Σ (n − n̄)²/n̄ with k − 1 degrees of freedom (all cells equally likely). */
    static double flatPValue(long[] counts) {
        double total = 0;
        for (long c : counts) total += c;
        double expected = total / counts.length;
        double chi2 = 0;
        for (long c : counts) chi2 += sq(c - expected) / expected;
        return ChiSquared.survival(chi2, counts.length - 1);
    }

    private static double sq(double x) {
        return x * x;
    }
}
