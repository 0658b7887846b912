package org.anomalia.events.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anomalia.data.Table;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.method.RanodeMethod;
import org.anomalia.events.method.Window;
import org.anomalia.events.metrics.Roc;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

/** R-ANODE: the mixture fit on a toy with an exact background density, then end to end on generated events. */
class RanodeTest {
    /** A small signal flow, trained briefly. */
    private static RanodeSettings toySettings(int epochs) {
        return new RanodeSettings(new FlowSettings(2, 16, true, 3e-3, 256, 4, 2, 0.2, false), 3, 32, 1e-3, 256, epochs, 0.2, 0.01, false, 1);
    }

    /** n events on the unit square: background uniform (density exactly 1), a fraction w in a Gaussian blob at (0.7, 0.3), σ 0.03. */
    private static double[][] toy(int n, double w, long seed, int[] labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            boolean signal = rng.nextDouble() < w;
            if (labels != null) labels[i] = signal ? 1 : 0;
            x[i] = signal ? new double[] {0.7 + 0.03 * rng.nextGaussian(), 0.3 + 0.03 * rng.nextGaussian()}
                    : new double[] {rng.nextDouble(), rng.nextDouble()};
        }
        return x;
    }

    /** The true signal fraction of a sample: the mean label. */
    private static double fraction(int[] labels) {
        int signal = 0;
        for (int l : labels) signal += l;
        return signal / (double) labels.length;
    }

    @Test
    void learnsTheSignalFractionOfAGaussianBumpOnAFlatBackground() {
        int n = 20_000;
        int[] labels = new int[n];
        double[][] x = toy(n, 0.05, 3, labels);
        double truth = fraction(labels);
        Ranode r = Ranode.fit(x, new double[n], toySettings(30), 5);
        // statistical error of w for a well separated blob ≈ √(w (1 − w) / n) ≈ 0.0015; the tolerance allows the flow's imperfection
        assertEquals(truth, r.signalFraction(), 0.15 * truth, "learnt w against the true signal fraction " + truth);
        // the score separates the blob: the likelihood ratio is the optimal classifier here
        int[] evalLabels = new int[n];
        double[][] eval = toy(n, 0.5, 4, evalLabels);
        Roc roc = Roc.of(r.score(eval, new double[n]), evalLabels);
        assertTrue(roc.auc() > 0.98, "AUC " + roc.auc());
        // log p_sig near the blob's centre: the Gaussian's log density there is −log(2π σ²) ≈ 5.2
        double centre = r.logSignalDensity(new double[][] {{0.7, 0.3}})[0];
        assertEquals(-Math.log(2 * Math.PI * 0.03 * 0.03), centre, 1.0, "log p_sig at the blob's centre");
    }

    /**
     * The failed-fit guard on a constructed case: a start at w = 1e-7 cannot climb to the signal within 6 short epochs
     * (Adam moves the logit of w by about 30 learning rates per step: 370 steps, 11 units, w ≤ 1e-3), a start at w = 0.1
     * settles near the true 5 %. The guard keeps the start of the lower held-out loss, whichever place it has.
     */
    @Test
    void theGuardKeepsTheStartWithTheBetterHeldOutLoss() {
        int n = 20_000;
        int[] labels = new int[n];
        double[][] x = toy(n, 0.05, 3, labels);
        double truth = fraction(labels);
        RanodeSettings s = toySettings(6);
        Ranode stuckFirst = Ranode.fitFromStarts(x, new double[n], s, 5, new double[] {1e-7, 0.1});
        Ranode.Start stuck = stuckFirst.starts().get(0), good = stuckFirst.starts().get(1);
        assertTrue(stuck.fraction() < 0.005, "the start at 1e-7 stays near w = 0: " + stuck);
        assertEquals(truth, good.fraction(), 0.3 * truth, "the start at 0.1 finds the signal: " + good);
        assertTrue(good.heldOutLoss() < stuck.heldOutLoss(), stuckFirst.describeStarts());
        assertEquals(1, stuckFirst.keptStart(), stuckFirst.describeStarts());
        assertEquals(good.fraction(), stuckFirst.signalFraction());
        // the kept fit is the one that scores: the blob against the flat background
        int[] evalLabels = new int[n];
        double[][] eval = toy(n, 0.5, 4, evalLabels);
        assertTrue(Roc.of(stuckFirst.score(eval, new double[n]), evalLabels).auc() > 0.95, stuckFirst.describeStarts());
        // the other order: the good start first, kept first
        Ranode goodFirst = Ranode.fitFromStarts(x, new double[n], s, 5, new double[] {0.1, 1e-7});
        assertEquals(0, goodFirst.keptStart(), goodFirst.describeStarts());
        assertTrue(goodFirst.starts().get(1).fraction() < 0.005, goodFirst.describeStarts());
    }

    /** The first start is the fit of before the guard (same w, same scores); the kept one has the lowest held-out loss. */
    @Test
    void theFirstStartIsTheSingleFitAndTheKeptOneHasTheLowestHeldOutLoss() {
        int n = 4000;
        double[][] x = toy(n, 0.05, 7, null);
        Ranode single = Ranode.fit(x, new double[n], toySettings(3), 11);
        Ranode guarded = Ranode.fit(x, new double[n], toySettings(3).withStarts(3), 11);
        assertEquals(3, guarded.starts().size());
        assertEquals(single.signalFraction(), guarded.starts().get(0).fraction());
        assertEquals(0.01, guarded.starts().get(0).initialFraction());
        // odds ten times larger, then ten times smaller
        assertEquals(0.1 / 1.099, guarded.starts().get(1).initialFraction(), 1e-3);
        assertEquals(0.001 / 1.0009, guarded.starts().get(2).initialFraction(), 1e-5);
        int best = 0;
        for (int k = 1; k < 3; k++) if (guarded.starts().get(k).heldOutLoss() < guarded.starts().get(best).heldOutLoss()) best = k;
        assertEquals(best, guarded.keptStart(), guarded.describeStarts());
        assertEquals(guarded.starts().get(best).fraction(), guarded.signalFraction());
        if (best == 0) assertArrayEquals(single.score(x, new double[n]), guarded.score(x, new double[n]));
        assertEquals(1, single.starts().size());
    }

    @Test
    void withoutSignalTheFractionStaysSmall() {
        int n = 10_000;
        Ranode r = Ranode.fit(toy(n, 0, 6, null), new double[n], toySettings(20), 5);
        assertTrue(r.signalFraction() < 0.003, "w on background alone " + r.signalFraction());
    }

    @Test
    void sameSeedSameScoresAndFraction() {
        int n = 4000;
        double[][] x = toy(n, 0.05, 7, null);
        Ranode a = Ranode.fit(x, new double[n], toySettings(3), 11);
        Ranode b = Ranode.fit(x, new double[n], toySettings(3), 11);
        Ranode c = Ranode.fit(x, new double[n], toySettings(3), 12);
        assertEquals(a.signalFraction(), b.signalFraction());
        assertArrayEquals(a.score(x, new double[n]), b.score(x, new double[n]));
        assertTrue(a.signalFraction() != c.signalFraction(), "another seed, another fit");
    }

    @Test
    void findsALargeInjectedSignalInGeneratedEvents() {
        DijetModel model = DijetModel.toy(30_000).withSignalToBackground(0.1);
        Table data = new DijetGenerator(model).generate(5);
        Window w = new Window(data, GeneratorStudy.SIGNAL_REGION, DijetGenerator.FEATURES);
        RanodeMethod.Fitted fit = new RanodeMethod(toySettings(20), 0).fit(w, 9);
        Table eval = GeneratorStudy.SIGNAL_REGION.inside(new DijetGenerator(DijetModel.toy(20_000).withSignalToBackground(0.5)).generate(6));
        Roc roc = Roc.of(fit.score(eval), eval.labels("label"));
        assertTrue(roc.auc() > 0.8, "R-ANODE AUC on independent events " + roc.auc());
        assertTrue(roc.maxSic(1e-3) > 3, "R-ANODE max SIC " + roc.maxSic(1e-3));
        // the learnt fraction: of the right size (the sideband flow is not exact, so only within a factor 2)
        int[] labels = w.signalRegion().labels("label");
        double truth = 0;
        for (int l : labels) truth += l / (double) labels.length;
        assertTrue(fit.signalFraction() > truth / 2 && fit.signalFraction() < 2 * truth, "w " + fit.signalFraction() + " against " + truth);
    }

    @Test
    void badInputIsAUserError() {
        assertThrows(UserException.class, () -> Ranode.fit(new double[5][2], new double[5], toySettings(1), 1));
        assertThrows(UserException.class, () -> Ranode.fit(toy(20, 0, 1, null), new double[] {Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                toySettings(1), 1));
        assertThrows(UserException.class, () -> toySettings(1).withInitialFraction(0));
        assertThrows(UserException.class, () -> toySettings(1).withSignalEpochs(0));
    }
}
