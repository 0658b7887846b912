package org.anomalia.events.injection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anomalia.events.engine.LocalEngine;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.method.BumpHuntMethod;
import org.anomalia.events.method.WindowMethod;
import org.anomalia.events.scan.Binning;
import org.anomalia.events.scan.FitOrder;
import org.anomalia.events.scan.ScanSettings;
import org.anomalia.events.scan.ScanWindow;
import org.anomalia.events.scan.ScanWindows;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.Significance;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectionStudyTest {
    static final Binning BINS = Binning.ofWidth(2.5, 6.0, 0.05);
    static final List<ScanWindow> WINDOWS = ScanWindows.grid(BINS, 2.9, 5.0, 0.4, 0.2, false, 1);
    static final int TOYS = 50;

    static ScanSettings scan() {
        return new ScanSettings(BINS, 13, FitOrder.DEFAULT_ALPHA, new double[] {1}, 50, 0, TOYS, 1.0, 0);
    }

    static InjectionDesign design(long seed) {
        // 50k QCD events; S/B 0.1 in 3.3-3.7 puts about 400 signal events over about 3900 background there
        return new InjectionDesign(DijetModel.toy(50_000), new double[] {0.1, 0}, 3, seed);
    }

    static InjectionStudy.Result run(long seed, int threads) {
        return InjectionStudy.run(design(seed), List.of(new BumpHuntMethod()), scan(), WINDOWS, List.of(), new LocalEngine(threads),
                InjectionStudy.Listener.NONE, TaskProgress.NONE, TaskProgress.NONE);
    }

    @Test
    void aLargeInjectionIsFoundAndOutscoresBackgroundOnlyAndTheSameSeedGivesTheSameStudyJson(@TempDir Path dir) throws Exception {
        InjectionStudy.Result r = run(3, 2);
        assertEquals(6, r.outcomes().size());
        List<InjectionSummary> sums = InjectionSummary.of(r);
        InjectionSummary bh = sums.get(0);
        assertEquals("bumphunt", bh.method());
        InjectionSummary.Point bg = bh.points().get(0);
        InjectionSummary.Point sig = bh.points().get(1);
        assertEquals(0, bg.sOverB());
        assertEquals(0.1, sig.sOverB());

        List<DatasetOutcome> injected = r.outcomes().stream().filter(o -> o.sOverB() == 0.1).toList();
        List<DatasetOutcome> background = r.outcomes().stream().filter(o -> o.sOverB() == 0).toList();
        // the best window holds 3.5 TeV in most datasets, counted directly from the windows' edges
        long holding = injected.stream().filter(o -> o.bestLow() <= 3.5 && 3.5 < o.bestHigh()).count();
        assertTrue(holding >= 2, "best windows " + injected.stream().map(o -> o.bestLow() + "-" + o.bestHigh()).toList());
        assertEquals(holding, sig.containing());
        assertEquals(holding / 3.0, sig.fractionContaining(), 1e-15);
        for (DatasetOutcome o : injected) assertTrue(o.localZAtMass() > 3, "local Z " + o.localZAtMass() + " with about 400 signal events over 3900");
        // the local Z at the mass is one of the windows' (so at most the maximum), and the maximum itself where the best window holds the mass
        for (DatasetOutcome o : r.outcomes()) {
            assertTrue(o.localZAtMass() <= o.localZ(), o.localZAtMass() + " > " + o.localZ());
            if (o.containsSignalMass()) assertEquals(o.localZ(), o.localZAtMass(), 0);
        }
        // the median global Z over three datasets is the middle one, from the middle p-value
        double[] pSig = injected.stream().mapToDouble(DatasetOutcome::toyP).sorted().toArray();
        double[] pBg = background.stream().mapToDouble(DatasetOutcome::toyP).sorted().toArray();
        assertEquals(Significance.zFromP(pSig[1]), sig.toyZ().median(), 0);
        assertEquals(Significance.zFromP(pBg[1]), bg.toyZ().median(), 0);
        assertTrue(sig.toyZ().median() > bg.toyZ().median(), "median global Z " + sig.toyZ().median() + " at S/B 0.1 vs " + bg.toyZ().median() + " at 0");
        assertTrue(sig.gvZ().median() > bg.gvZ().median(), "GV: " + sig.gvZ().median() + " vs " + bg.gvZ().median());

        // paired datasets: dataset i has the same background at both S/B, so the counts differ by exactly the injected signal
        for (int i = 0; i < 3; i++) {
            DatasetOutcome a = background.get(i);
            DatasetOutcome b = injected.get(i);
            assertEquals(a.dataSeed(), b.dataSeed());
            assertEquals(0, a.signalEventsInjected());
            assertEquals(a.eventsInRange() + b.signalEventsInjected(), b.eventsInRange());
        }
        // background-only global p-values: in [0, 1], and the KS test's D and p against direct computations
        double[] p = bh.nullToys().pValues();
        assertEquals(3, p.length);
        for (double v : p) assertTrue(v >= 1.0 / TOYS && v <= 1, "toy p " + v);
        for (double v : bh.nullGrossVitells().pValues()) assertTrue(v >= 0 && v <= 1, "GV p " + v);
        double d = ksStatistic(p);
        assertEquals(d, bh.nullToys().ks().statistic(), 1e-12);
        // exact reference: the share of 400 000 sets of three uniform numbers whose D reaches the observed one
        int sets = 400_000;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(17);
        int atLeast = 0;
        double[] u = new double[3];
        for (int k = 0; k < sets; k++) {
            for (int j = 0; j < 3; j++) u[j] = rng.nextDouble();
            if (ksStatistic(u) >= d - 1e-12) atLeast++;
        }
        double mc = (double) atLeast / sets;
        double sd = Math.sqrt(mc * (1 - mc) / sets);
        assertEquals(mc, bh.nullToys().ks().pValue(), 5 * sd + 1e-4, "KS p against " + sets + " uniform sets");

        // same seed: the same study.json, byte for byte, on one thread as on two
        ObjectMapper json = new ObjectMapper();
        String first = json.writeValueAsString(InjectionOutput.json(r, sums, Map.of()));
        InjectionStudy.Result again = run(3, 1);
        assertEquals(first, json.writeValueAsString(InjectionOutput.json(again, InjectionSummary.of(again), Map.of())));
        // the files: study.json as its JSON, the report with the sensitivity plot and the background-only p-values
        Path out = dir.resolve("study");
        InjectionOutput.write(out, r, sums, Map.of());
        assertEquals(json.readTree(first), json.readTree(out.resolve("study.json").toFile()));
        for (String f : List.of("report.html", "global_z_toys.png", "contains_mass.png", "null_p_hist_bumphunt_toys.png", "null_p_cdf_bumphunt_toys.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
    }

    /** D = max over the sorted values of max(i/n − u_(i), u_(i) − (i−1)/n), written out from its definition. */
    static double ksStatistic(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) d = Math.max(d, Math.max((i + 1.0) / n - s[i], s[i] - (double) i / n));
        return d;
    }

    @Test
    void badDesignsAreRefusedBeforeAnyWork() {
        DijetModel g = DijetModel.toy(50_000);
        assertThrows(UserException.class, () -> new InjectionDesign(g, new double[0], 3, 1));
        assertThrows(UserException.class, () -> new InjectionDesign(g, new double[] {0, -0.01}, 3, 1));
        assertThrows(UserException.class, () -> new InjectionDesign(g, new double[] {0, Double.NaN}, 3, 1));
        assertThrows(UserException.class, () -> new InjectionDesign(g, new double[] {0.01, 0.01}, 3, 1));
        assertThrows(UserException.class, () -> new InjectionDesign(g, new double[] {0}, 0, 1));
        InjectionDesign ok = new InjectionDesign(g, new double[] {0.01, 0}, 2, 1);
        assertEquals(0, ok.sOverB()[0]); // sorted
        List<WindowMethod> twice = List.of(new BumpHuntMethod(), new BumpHuntMethod());
        assertThrows(UserException.class, () -> InjectionStudy.check(ok, twice, scan(), WINDOWS, List.of()));
        ScanSettings noToys = new ScanSettings(BINS, 13, FitOrder.DEFAULT_ALPHA, new double[] {1}, 50, 0, 0, 1.0, 0);
        assertThrows(UserException.class, () -> InjectionStudy.check(ok, List.of(new BumpHuntMethod()), noToys, WINDOWS, List.of()));
        assertThrows(UserException.class, () -> InjectionStudy.check(ok, List.of(new BumpHuntMethod()), scan(), WINDOWS, List.of("mjj")));
        Binning wide = Binning.ofWidth(2.0, 6.0, 0.05);
        ScanSettings outside = new ScanSettings(wide, 13, FitOrder.DEFAULT_ALPHA, new double[] {1}, 50, 0, TOYS, 1.0, 0);
        assertThrows(UserException.class, () -> InjectionStudy.check(ok, List.of(new BumpHuntMethod()), outside, WINDOWS, List.of()));
    }
}
