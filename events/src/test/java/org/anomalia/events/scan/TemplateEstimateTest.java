package org.anomalia.events.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.engine.LocalEngine;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.method.FittedMethod;
import org.anomalia.events.method.Window;
import org.anomalia.events.method.WindowMethod;
import org.junit.jupiter.api.Test;

/** The cut, the post-cut count and the CATHODE-like template estimate of one window, recomputed by hand. */
class TemplateEstimateTest {
    /** Scores = −τ21 of the lighter jet; the "template" = 2000 evenly spread scores in [−1, 0). */
    record TauMethod() implements WindowMethod {
        @Override
        public String name() {
            return "tau";
        }

        @Override
        public boolean hasBackgroundTemplate() {
            return true;
        }

        @Override
        public FittedMethod fit(Window w, long seed) {
            return new FittedMethod() {
                @Override
                public double[] dataScores(boolean[] rows) {
                    return score(w.data().filter(rows));
                }

                @Override
                public double[] score(Table events) {
                    return Arrays.stream(events.column("tau21_j1")).map(t -> -t).toArray();
                }

                @Override
                public double[] templateScores() {
                    return evenlySpread(2000);
                }

                @Override
                public double[] templateScoresAt(double[] masses, long seed) {
                    return evenlySpread(masses.length);
                }
            };
        }
    }

    /** A template that is wrong in the same way everywhere: τ21 uniform in (0, 1], whatever the data's τ21 does. */
    static double[] evenlySpread(int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = -1 + (i + 0.5) / n;
        return t;
    }

    @Test
    void cutCountsAndTemplateEstimateFollowTheirDefinitions() {
        Binning bins = Binning.ofWidth(2.5, 6.0, 0.05);
        Table data = SpectrumScan.inRange(new DijetGenerator(DijetModel.toy(80_000)).generate(2), "mjj", bins);
        ScanSettings s = new ScanSettings(bins, 13, 0.05, new double[] {0.2}, 50, 0, 0, 1, 3);
        List<ScanWindow> windows = ScanWindows.list(bins, List.of("3.3:3.7"));
        ScanWindow w = windows.get(0);
        CutOutcome c = SpectrumScan.run(data, "mjj", List.of("tau21_j1"), null, new TauMethod(), windows, s, new LocalEngine(1),
                TaskProgress.NONE, TaskProgress.NONE).windows().get(0).cuts().get(0);
        double[] m = data.column("mjj");
        double[] tau = data.column("tau21_j1");
        int outside = 0, outsidePass = 0, inside = 0;
        for (int i = 0; i < m.length; i++) {
            boolean in = m[i] >= w.low() && m[i] < w.high();
            boolean pass = -tau[i] >= c.threshold();
            if (!in && pass) outsidePass++;
            if (!in) outside++;
            if (in && pass) inside++;
        }
        assertEquals(0.2, (double) outsidePass / outside, 1.0 / outside + 1e-12, "kept fraction outside the window");
        assertEquals(inside, c.n(), 0);
        // the template's own cut keeps 20 % of the window's template: the 400th largest of the 2000 evenly spread scores
        TemplateEstimate t = c.template();
        assertEquals(-1 + (1600 + 0.5) / 2000, t.threshold(), 1e-12);
        assertEquals(0.2, t.efficiency(), 1e-12);
        int insideTemplateCut = 0;
        for (int i = 0; i < m.length; i++) if (m[i] >= w.low() && m[i] < w.high() && -tau[i] >= t.threshold()) insideTemplateCut++;
        assertEquals(insideTemplateCut, t.n(), 0);
        // the closure at that threshold: data one window width each side (2.9-3.3, 3.7-4.1) against the template drawn there
        int near = 0, nearPass = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] >= 2.9 && m[i] < w.low() || m[i] >= w.high() && m[i] < 4.1) {
                near++;
                if (-tau[i] >= t.threshold()) nearPass++;
            }
        }
        TemplateClosure.Ratio r = t.closure();
        assertEquals((double) nearPass / near, r.data(), 1e-12);
        assertEquals(-t.threshold(), r.template(), 2.0 / 2000);
        assertEquals(r.data() / r.template(), r.r(), 1e-12);
        assertTrue(r.sigma() > 0);
        // b_template = closure × efficiency × the fit of the uncut spectrum outside the window
        double[] before = beforeCut(bins, m, w);
        assertEquals(r.r() * t.efficiency() * before[0], t.b(), 1e-9 * t.b());
        assertTrue(t.sigmaB() > t.b() * before[1] / before[0]);
        assertTrue(Math.abs(c.z()) < 4, "no signal here: Z " + c.z());
    }

    /** Without the closure and with a calibration from simulation: b = scale × ε × the pre-cut fit, the systematic in σ_b. */
    @Test
    void calibratedCorrectionReplacesTheClosure() {
        Binning bins = Binning.ofWidth(2.5, 6.0, 0.05);
        Table data = SpectrumScan.inRange(new DijetGenerator(DijetModel.toy(80_000)).generate(2), "mjj", bins);
        TemplateCorrection correction = new TemplateCorrection(false, new double[] {1.5}, new double[] {0.2});
        ScanSettings s = new ScanSettings(bins, 13, 0.05, new double[] {0.2}, 50, 0, 0, 1, 3, correction);
        List<ScanWindow> windows = ScanWindows.list(bins, List.of("3.3:3.7"));
        TemplateEstimate t = SpectrumScan.run(data, "mjj", List.of("tau21_j1"), null, new TauMethod(), windows, s, new LocalEngine(1),
                TaskProgress.NONE, TaskProgress.NONE).windows().get(0).cuts().get(0).template();
        double[] before = beforeCut(bins, data.column("mjj"), windows.get(0));
        assertEquals(0.2, t.efficiency(), 1e-12);
        assertEquals(1.5 * 0.2 * before[0], t.b(), 1e-9 * t.b());
        double rel2 = Math.pow(before[1] / before[0], 2) + (1 - 0.2) / (0.2 * 2000) + 0.2 * 0.2;
        assertEquals(t.b() * Math.sqrt(rel2), t.sigmaB(), 1e-9 * t.b());
        assertTrue(Double.isNaN(t.closure().data()), "no closure drawn");
    }

    private static double[] beforeCut(Binning bins, double[] m, ScanWindow w) {
        boolean[] use = new boolean[bins.bins()];
        for (int i = 0; i < use.length; i++) use[i] = !w.covers(bins, i);
        return FitOrder.select(new SpectrumFit(bins, 13), bins.histogram(m, null), use, 0.05).chosen().sum(w.fromBin(), w.toBin());
    }

    /**
     * The uniform τ21 template is far from the toy's τ21 (its cuts keep half and 30 % of it, τ21 below
     * 0.5 and 0.3): its efficiency alone misses the window's background by many σ. The closure next to
     * the window corrects it: background only, the corrected estimate's Z is that of a fluctuation.
     */
    @Test
    void closureNextToTheWindowCorrectsATemplateThatIsWrongEverywhere() {
        Binning bins = Binning.ofWidth(2.5, 6.0, 0.05);
        Table data = SpectrumScan.inRange(new DijetGenerator(DijetModel.toy(200_000).withSignalToBackground(0)).generate(5), "mjj", bins);
        ScanSettings s = new ScanSettings(bins, 13, 0.05, new double[] {0.5, 0.3}, 50, 0, 0, 1, 3);
        List<ScanWindow> windows = ScanWindows.list(bins, List.of("3.3:3.7"));
        WindowOutcome o = SpectrumScan.run(data, "mjj", List.of("tau21_j1"), null, new TauMethod(), windows, s, new LocalEngine(1),
                TaskProgress.NONE, TaskProgress.NONE).windows().get(0);
        double[] before = beforeCut(bins, data.column("mjj"), windows.get(0));
        for (CutOutcome c : o.cuts()) {
            TemplateEstimate t = c.template();
            double uncorrected = t.efficiency() * before[0];
            double sigma = Math.sqrt(uncorrected);
            assertTrue(Math.abs(t.n() - uncorrected) > 5 * sigma, "kept " + c.kept() + ": the uniform template should be far off: n " + t.n()
                    + ", efficiency x before " + uncorrected);
            assertTrue(Math.abs(t.z()) < 3, "kept " + c.kept() + ": corrected by the closure " + t.closure().r() + ", n " + t.n() + " against "
                    + t.b() + " +- " + t.sigmaB() + ": Z " + t.z());
        }
    }

    /** The template's local Z gets its own global answers: observed maximum = the largest template Z, toy p = share of toy maxima above it. */
    @Test
    void templateZHasItsOwnLookElsewhereCorrection() {
        Binning bins = Binning.ofWidth(2.5, 6.0, 0.05);
        Table data = SpectrumScan.inRange(new DijetGenerator(DijetModel.toy(80_000)).generate(2), "mjj", bins);
        ScanSettings s = new ScanSettings(bins, 13, 0.05, new double[] {0.5, 0.2}, 50, 0, 50, 1, 3);
        List<ScanWindow> windows = ScanWindows.list(bins, List.of("3.0:3.4", "3.2:3.6", "3.4:3.8"));
        SpectrumScan.Result r = SpectrumScan.run(data, "mjj", List.of("tau21_j1"), null, new TauMethod(), windows, s, new LocalEngine(1),
                TaskProgress.NONE, TaskProgress.NONE);
        List<LookElsewhere.Answer> a = r.global().answers();
        assertEquals(6, a.size()); // fit: 2 cuts + all; template: 2 cuts + all
        LookElsewhere.Answer all = a.get(5);
        assertEquals("template, all cuts", all.scope());
        double max = Double.NEGATIVE_INFINITY;
        for (WindowOutcome w : r.windows()) for (CutOutcome c : w.cuts()) max = Math.max(max, c.templateZ());
        assertEquals(max, all.maxLocalZ(), 0);
        assertEquals(50, all.toys());
        assertEquals(Math.max(1, all.toysAtLeast()) / 50.0, all.toyP(), 1e-12);
        assertTrue(all.gvP() >= org.anomalia.numerics.stats.Significance.pFromZ(max));
    }

    /**
     * A window whose estimate is 200 ± 20 (σ² = 2b): the template toys' Z must be N(0, 1) as the local Z's model says,
     * count and estimate both fluctuating (with the estimate held fixed the toys' sd would be √(b/(b+σ²)) = 0.58).
     */
    @Test
    void templateToysFluctuateTheEstimateAsTheLocalZAssumes() {
        Binning bins = Binning.ofWidth(2.5, 6.0, 0.05);
        ScanSettings s = new ScanSettings(bins, 13, 0.05, new double[] {0.1}, 50, 0, 4000, 1, 3);
        List<ScanWindow> windows = ScanWindows.list(bins, List.of("3.3:3.7"));
        LookElsewhere.TemplateToyFunction f = new LookElsewhere.TemplateToyFunction(windows, new double[][] {{200}}, new double[][] {{20}}, s);
        double sum = 0, sum2 = 0, above2 = 0;
        int n = 4000;
        for (int t = 0; t < n; t++) {
            double z = f.apply(t).maxOverall();
            sum += z;
            sum2 += z * z;
            if (z >= 2) above2++;
        }
        double mean = sum / n, sd = Math.sqrt(sum2 / n - mean * mean);
        assertEquals(0, mean, 0.08, "mean toy Z");
        assertEquals(1, sd, 0.08, "sd of the toy Z");
        // the tail the global p is read from: P(Z ≥ 2) = 0.0228 for N(0, 1), binomial sd 0.0024 at 4000 toys
        assertEquals(0.0228, above2 / n, 0.009, "P(Z >= 2)");
    }
}
