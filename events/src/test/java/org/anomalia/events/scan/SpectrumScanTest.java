package org.anomalia.events.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.engine.LocalEngine;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.method.BumpHuntMethod;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.KolmogorovSmirnov;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SpectrumScanTest {
    static final Binning BINS = Binning.ofWidth(2.5, 6.0, 0.05);

    static ScanSettings settings(int toys, long seed) {
        return new ScanSettings(BINS, 13, FitOrder.DEFAULT_ALPHA, new double[] {1}, 50, 0, toys, 1.0, seed);
    }

    @Test
    void bumpHuntFindsALargeInjectedResonanceAndIsBitIdenticalOnOneOrTwoThreads() throws Exception {
        // 100k QCD events with S/B 0.1 in 3.3-3.7: about 800 signal events over about 8000 background
        Table data = new DijetGenerator(DijetModel.toy(100_000).withSignalToBackground(0.1)).generate(4);
        List<ScanWindow> windows = ScanWindows.grid(BINS, 2.9, 5.0, 0.4, 0.2, false, 1);
        ScanSettings s = settings(40, 9);
        Table in = SpectrumScan.inRange(data, "mjj", BINS);
        SpectrumScan.Result one = SpectrumScan.run(in, "mjj", List.of(), "label", new BumpHuntMethod(), windows, s, new LocalEngine(1),
                TaskProgress.NONE, TaskProgress.NONE);
        SpectrumScan.Result two = SpectrumScan.run(in, "mjj", List.of(), "label", new BumpHuntMethod(), windows, s, new LocalEngine(2),
                TaskProgress.NONE, TaskProgress.NONE);
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.writeValueAsString(ScanOutput.json(one, Map.of())), json.writeValueAsString(ScanOutput.json(two, Map.of())));
        LookElsewhere.Answer a = one.global().answers().get(0);
        ScanWindow best = one.windows().get(a.bestWindow()).window();
        assertTrue(best.low() <= 3.5 && best.high() > 3.5, "best window " + best);
        assertTrue(a.maxLocalZ() > 4, "max local Z " + a.maxLocalZ());
        // n is the direct count of events in the window
        double[] m = in.column("mjj");
        for (WindowOutcome w : one.windows()) {
            int n = 0;
            for (double v : m) if (v >= w.window().low() - 1e-12 && v < w.window().high() - 1e-12) n++;
            assertEquals(n, w.cuts().get(0).n(), 0, "window " + w.window());
            assertTrue(w.cuts().get(0).warnings().isEmpty(), w.cuts().get(0).warnings().toString());
        }
        // none of 40 background-only toys reaches it: the global p is the bound 1/40
        assertTrue(a.toyBound(), "toys at least " + a.toysAtLeast());
        assertTrue(a.gvZ() > 2.5, "GV global Z " + a.gvZ());
    }

    /** A method that fails on one window (as a diverging flow does) costs that window a named warning, not the scan. */
    @Test
    void aMethodFailingOnOneWindowIsANamedWarningForThatWindow() {
        Table data = SpectrumScan.inRange(new DijetGenerator(DijetModel.toy(50_000)).generate(6), "mjj", BINS);
        List<ScanWindow> windows = ScanWindows.list(BINS, List.of("3.0:3.4", "3.4:3.8"));
        org.anomalia.events.method.WindowMethod failing = new org.anomalia.events.method.WindowMethod() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public org.anomalia.events.method.FittedMethod fit(org.anomalia.events.method.Window w, long seed) {
                if (w.region().low() > 3.3) throw new UserException("flow diverged");
                return new BumpHuntMethod().fit(w, seed);
            }
        };
        SpectrumScan.Result r = SpectrumScan.run(data, "mjj", List.of(), null, failing, windows, settings(10, 1), new LocalEngine(1),
                TaskProgress.NONE, TaskProgress.NONE);
        CutOutcome bad = r.windows().get(1).cuts().get(0);
        assertEquals(List.of("method-failed: flow diverged"), bad.warnings());
        assertTrue(Double.isNaN(bad.z()));
        assertTrue(Double.isFinite(r.windows().get(0).cuts().get(0).z()));
        assertEquals(0, r.global().answers().get(0).bestWindow());
        assertEquals(10, r.global().answers().get(0).toys());
    }

    @Test
    void thresholdKeepsTheFractionOfOutOfWindowEvents() {
        double[] scores = new double[1000];
        boolean[] outside = new boolean[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i;
            outside[i] = i % 2 == 0; // 500 outside: 0, 2, …, 998
        }
        double t = WindowAnalysis.threshold(scores, outside, 0.1);
        int pass = 0;
        for (int i = 0; i < scores.length; i++) if (outside[i] && scores[i] >= t) pass++;
        assertEquals(50, pass);
        assertEquals(Double.NEGATIVE_INFINITY, WindowAnalysis.threshold(scores, outside, 1), 0);
    }

    @Test
    void windowsWithTooFewSidebandEventsAreRefusedBeforeAnyWork() {
        Table data = new DijetGenerator(DijetModel.toy(20_000)).generate(1);
        Table in = SpectrumScan.inRange(data, "mjj", BINS);
        List<ScanWindow> top = ScanWindows.list(BINS, List.of("5.4:5.8"));
        UserException e = assertThrows(UserException.class, () -> SpectrumScan.check(in, "mjj", top, settings(0, 1)));
        assertTrue(e.getMessage().contains("--min-sideband-events"), e.getMessage());
    }

    /**
     * Background-only spectra drawn from the dijet function: the toy global p-values of the bump hunt
     * (40 datasets, 60 toys each) are uniform (KS), and so, roughly, are those of Gross–Vitells.
     */
    @Test
    void globalPValuesAreUniformOnBackgroundOnlyData() {
        double[] truth = SpectrumFitTest.normalized(5e4, 0, 10, 5);
        double[] p = truth.clone();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(21L);
        int datasets = 40;
        double[] toyP = new double[datasets];
        double[] gvP = new double[datasets];
        List<ScanWindow> windows = ScanWindows.grid(BINS, 2.9, 4.6, 0.3, 0.15, false, 1);
        for (int d = 0; d < datasets; d++) {
            // events at their bin centres, Poisson counts per bin
            java.util.List<Double> m = new java.util.ArrayList<>();
            for (int i = 0; i < BINS.bins(); i++) {
                double mu = DijetFunction.integral(BINS.edge(i), BINS.edge(i + 1), 13, p);
                int n = PoissonSampler.of(rng, mu).sample();
                double c = (BINS.edge(i) + BINS.edge(i + 1)) / 2;
                for (int k = 0; k < n; k++) m.add(c);
            }
            Table t = new Table("toy", List.of("mjj"), new double[][] {m.stream().mapToDouble(Double::doubleValue).toArray()});
            SpectrumScan.Result r = SpectrumScan.run(t, "mjj", List.of(), null, new BumpHuntMethod(), windows, settings(60, 100 + d),
                    new LocalEngine(1), TaskProgress.NONE, TaskProgress.NONE);
            LookElsewhere.Answer a = r.global().answers().get(0);
            toyP[d] = a.toyP();
            gvP[d] = a.gvP();
        }
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.testUniform(toyP);
        assertTrue(ks.pValue() > 0.01, "toy global p-values not uniform: D " + ks.statistic() + ", p " + ks.pValue());
        KolmogorovSmirnov.Result ksGv = KolmogorovSmirnov.testUniform(gvP);
        assertTrue(ksGv.pValue() > 0.001, "GV global p-values far from uniform: D " + ksGv.statistic() + ", p " + ksGv.pValue());
    }
}
