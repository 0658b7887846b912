package org.anomalia.gof.toys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.gof.MarginalResult;
import org.anomalia.gof.nullmodel.MarginalLikelihood;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The marginal likelihood's p-value against the exact toys (quadrature), at points placed at exact
 * p = 0.3, 0.05 and 0.01, for several sizes M of the integration set: wherever the adequacy rule of
 * {@link MarginalResult} says yes, p is within 0.03 of the exact p and within 30 % of it below 0.05
 * (the rule never lets a wrong p through), and it says yes often enough to matter. The null points are
 * fresh smeared draws, independent of the integration set.
 */
@Tag("slow")
class MarginalToysTest {
    static final double[] TARGETS = {0.3, 0.05, 0.01};
    static final int NULL_POINTS = 10_000;

    /** Checks the targets of one toy at one M; returns how many were adequate. */
    static int check(ExactToy toy, int m) {
        return check(toy, m, NULL_POINTS);
    }

    static int check(ExactToy toy, int m, int nullPoints) {
        ExactToy.ExactNull exact = toy.exactNull(10_000, 4242);
        MarginalLikelihood ml = new MarginalLikelihood(toy.draw(m, 555), toy.expCovariance(), 2);
        MarginalLikelihood.Evaluation nulls = ml.evaluateWithEss(toy.drawSmeared(nullPoints, 31));
        EmpiricalPValue.NullDistribution nd = EmpiricalPValue.NullDistribution.of(nulls.negLogDensity());
        int adequate = 0;
        for (double target : TARGETS) {
            double[] x = exact.pointWithP(target, toy.centre(), toy.sigma());
            double pExact = exact.p(x);
            MarginalLikelihood.Evaluation at = ml.evaluateWithEss(new double[][] {x});
            double observed = at.negLogDensity()[0], p = EmpiricalPValue.of(observed, nd).p();
            double tail = MarginalResult.tailMedian(nulls.negLogDensity(), nulls.ess(), observed);
            boolean ok = at.ess()[0] >= MarginalResult.MIN_ESS_DATA && tail >= MarginalResult.MIN_ESS_TAIL_MEDIAN;
            System.out.printf("%s, M = %d: exact p %.4f, marginal p %.4f (Δ %+.4f), ESS data %.1f, tail median %.1f%s%n",
                    toy.name(), m, pExact, p, p - pExact, at.ess()[0], tail, ok ? "" : " (inadequate)");
            if (!ok) continue;
            adequate++;
            assertEquals(pExact, p, 0.03, "marginal p of " + toy + " at exact p " + pExact + ", M = " + m);
            if (pExact < 0.05) assertEquals(pExact, p, 0.3 * pExact, "marginal p within 30 % of " + toy + " at exact p " + pExact + ", M = " + m);
        }
        return adequate;
    }

    @Test
    void bananaTwoParametersThreeObservables() {
        assertEquals(0, check(ExactToys.banana(), 2_000), "2000 draws are too few for any target");
        assertTrue(check(ExactToys.banana(), 200_000) >= 2, "p = 0.3 and 0.05 adequate at M = 2e5");
    }

    @Test
    void twelveObservables() {
        assertTrue(check(ExactToys.twelveObservables(), 1_000_000, 5_000) >= 2, "p = 0.3 and 0.05 adequate at M = 1e6");
    }

    @Test
    void boundedRatioNarrowErrorsIsShortOfEffectiveSamplesAndSaysSo() {
        // narrow errors against wide theory spreads: 3·10⁵ draws (and 10⁶, README) leave the tail with a handful of effective samples
        assertEquals(0, check(ExactToys.boundedRatio(), 300_000, 5_000));
    }

    @Test
    void essCollapsesWhenErrorsShrink() {
        ExactToy narrow = ExactToys.boundedRatio().withErrorsScaled(0.3);
        MarginalLikelihood ml = new MarginalLikelihood(narrow.draw(50_000, 555), narrow.expCovariance(), 2);
        MarginalLikelihood.Evaluation e = ml.evaluateWithEss(narrow.drawSmeared(400, 31));
        double[] ess = e.ess().clone();
        java.util.Arrays.sort(ess);
        System.out.printf("%s, M = 50000: ESS over null points median %.2f%n", narrow, ess[ess.length / 2]);
        assertFalse(ess[ess.length / 2] >= 2, "median ESS " + ess[ess.length / 2]);
    }
}
