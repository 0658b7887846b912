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
                    double[] t = new double[2000];
                    for (int i = 0; i < t.length; i++) t[i] = -1 + (i + 0.5) / t.length;
                    return t;
                }
            };
        }
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
        // the template efficiency: the evenly spread template passes (t − (−1)) … i.e. a fraction −threshold of it
        assertEquals(-c.threshold(), c.templateEfficiency(), 1.0 / 2000);
        // b_template = efficiency × the fit of the uncut spectrum outside the window
        boolean[] use = new boolean[bins.bins()];
        for (int i = 0; i < use.length; i++) use[i] = !w.covers(bins, i);
        double[] before = FitOrder.select(new SpectrumFit(bins, 13), bins.histogram(m, null), use, 0.05).chosen().sum(w.fromBin(), w.toBin());
        assertEquals(c.templateEfficiency() * before[0], c.templateB(), 1e-9 * c.templateB());
        assertTrue(c.templateSigmaB() > c.templateEfficiency() * before[1]);
        assertTrue(Math.abs(c.z()) < 4, "no signal here: Z " + c.z());
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
}
