package org.anomalia.events.injection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.scan.LookElsewhere;
import org.anomalia.events.scan.ScanOutput;
import org.anomalia.events.scan.ScanSettings;
import org.anomalia.events.scan.ScanWindow;
import org.anomalia.events.scan.TemplateCalibration;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.numerics.stats.Quantiles;
import org.anomalia.report.Figure;
import org.anomalia.report.Histogram;
import org.anomalia.report.HtmlReport;
import org.anomalia.report.Table;

/**
 * study.json (the design and seeds, the scan settings and windows, every dataset's outcome with every
 * scope's global answer, the per-method summary and the background-only KS tests; no wall times, so
 * the same seed gives the same file byte for byte) and report.html (median global Z against injected
 * S/B with the 68 % band per method, the fraction of best windows holding the signal mass, and at
 * S/B = 0 the global p-values' histogram and empirical CDF against uniform with the KS p).
 */
public final class InjectionOutput {
    /** Z below this (p near 1, or p = 1: Z = −∞) is drawn at it. */
    static final double Z_FLOOR = -3;

    private InjectionOutput() {
    }

    public static Map<String, Object> json(InjectionStudy.Result r, List<InjectionSummary> summaries, Map<String, Object> provenance) {
        InjectionDesign d = r.design();
        DijetModel g = d.generator();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("provenance", provenance);
        j.put("seed", d.seed());
        Map<String, Object> gen = new LinkedHashMap<>();
        gen.put("background_events", g.backgroundEvents());
        gen.put("mjj_range", List.of(g.mjjMin(), g.mjjMax()));
        gen.put("signal_mass", g.signalMass());
        gen.put("signal_width", g.signalWidth());
        gen.put("signal_region", List.of(g.srLow(), g.srHigh()));
        gen.put("s_over_b", d.sOverB());
        gen.put("datasets_per_s_over_b", d.datasets());
        gen.put("data_seed_rule", "Seeds.derive(seed, \"dataset\", i): the same background events at every S/B, the signal added");
        gen.put("scan_seed_rule", "Seeds.derive(seed, \"scan\", i)");
        j.put("generator", gen);
        ScanSettings s = r.scan();
        Map<String, Object> scan = new LinkedHashMap<>();
        scan.put("binning", ordered("low", s.binning().low(), "high", s.binning().high(), "bins", s.binning().bins(), "width", s.binning().width()));
        scan.put("sqrt_s", s.sqrtS());
        scan.put("f_test_alpha", s.alpha());
        scan.put("cuts", s.cuts());
        scan.put("template_correction", ScanOutput.templateCorrection(s.template()));
        scan.put("cuts_bumphunt", List.of(1.0));
        scan.put("threshold_rule", ScanOutput.THRESHOLD_RULE);
        scan.put("min_sideband_events", s.minSidebandEvents());
        scan.put("toys", s.toys());
        scan.put("reference_z_gross_vitells", s.referenceZ());
        List<Object> ws = new ArrayList<>();
        for (ScanWindow w : r.windows()) ws.add(ordered("index", w.index(), "low", w.low(), "high", w.high()));
        scan.put("windows", ws);
        j.put("scan", scan);
        j.put("methods", r.methods());
        List<Object> sums = new ArrayList<>();
        for (InjectionSummary m : summaries) sums.add(summary(m));
        j.put("summary", sums);
        List<Object> ds = new ArrayList<>();
        for (DatasetOutcome o : r.outcomes()) ds.add(dataset(o, r.windows()));
        j.put("datasets", ds);
        return j;
    }

    private static Map<String, Object> summary(InjectionSummary m) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("method", m.method());
        x.put("scope", m.scope());
        List<Object> pts = new ArrayList<>();
        for (InjectionSummary.Point p : m.points()) {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("s_over_b", p.sOverB());
            y.put("datasets", p.datasets());
            y.put("median_signal_events_injected", p.medianInjected());
            y.put("without_best_window", p.withoutBestWindow());
            y.put("global_z_toys", band(p.toyZ()));
            y.put("global_z_gross_vitells", band(p.gvZ()));
            y.put("max_local_z", band(p.localZ()));
            y.put("local_z_at_mass", band(p.localZAtMass()));
            y.put("best_window_contains_mass", p.containing());
            y.put("fraction_containing_mass", p.fractionContaining());
            pts.add(y);
        }
        x.put("points", pts);
        x.put("background_only_uniformity_toys", uniformity(m.nullToys()));
        x.put("background_only_uniformity_gross_vitells", uniformity(m.nullGrossVitells()));
        if (!m.templateCalibration().isEmpty()) {
            List<Object> cal = new ArrayList<>();
            for (TemplateCalibration.Cut c : m.templateCalibration()) {
                cal.add(ordered("kept", c.cut(), "windows", c.windows(), "mean_squared_pull", finite(c.meanSquaredPull()), "scale",
                        finite(c.scale()), "relative_systematic", finite(c.systematic())));
            }
            x.put("template_systematic_from_background_only", cal);
        }
        return x;
    }

    private static Object uniformity(InjectionSummary.Uniformity u) {
        if (u == null) return null;
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("test", "one-sample Kolmogorov-Smirnov against U(0,1), exact p (Commons Statistics)");
        x.put("n", u.ks().n());
        x.put("d", u.ks().statistic());
        x.put("p", u.ks().pValue());
        return x;
    }

    private static Map<String, Object> band(Quantiles q) {
        return ordered("median", finite(q.median()), "q16", finite(q.lower()), "q84", finite(q.upper()));
    }

    private static Map<String, Object> dataset(DatasetOutcome o, List<ScanWindow> windows) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("s_over_b", o.sOverB());
        x.put("dataset", o.dataset());
        x.put("data_seed", o.dataSeed());
        x.put("scan_seed", o.scanSeed());
        x.put("signal_events_injected", o.signalEventsInjected());
        x.put("events_in_range", o.eventsInRange());
        x.put("method", o.method());
        x.put("scope", o.scope());
        x.put("best_window", o.hasBestWindow() ? List.of(o.bestLow(), o.bestHigh()) : null);
        x.put("contains_signal_mass", o.containsSignalMass());
        x.put("max_local_z", finite(o.localZ()));
        x.put("local_z_at_mass", finite(o.localZAtMass()));
        x.put("signal_in_best_window_truth", o.signalInBestWindow() >= 0 ? o.signalInBestWindow() : null);
        x.put("toys", o.toys());
        x.put("global_p_toys", finite(o.toyP()));
        x.put("global_p_toys_is_upper_bound", o.toyBound());
        x.put("global_z_toys", finite(o.toyZ()));
        x.put("global_p_gross_vitells", finite(o.gvP()));
        x.put("global_z_gross_vitells", finite(o.gvZ()));
        List<Object> answers = new ArrayList<>();
        for (LookElsewhere.Answer a : o.answers()) {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("scope", a.scope());
            y.put("max_local_z", finite(a.maxLocalZ()));
            y.put("best_window", a.bestWindow() < 0 ? null : List.of(windows.get(a.bestWindow()).low(), windows.get(a.bestWindow()).high()));
            y.put("p_toys", finite(a.toyP()));
            y.put("p_toys_is_upper_bound", a.toyBound());
            y.put("p_gross_vitells", finite(a.gvP()));
            answers.add(y);
        }
        x.put("answers", answers);
        x.put("warnings", o.windowWarnings());
        return x;
    }

    /**
     * Writes study.json, report.html (with its figures) and scans/ (each scan's scan.json, named by S/B, dataset and method) into dir,
     * all or nothing.
     */
    public static void write(Path dir, InjectionStudy.Result r, List<InjectionSummary> summaries, Map<String, Object> provenance) {
        Map<String, Object> j = json(r, summaries, provenance);
        AtomicOutput.directory(dir, tmp -> {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            mapper.writeValue(tmp.resolve("study.json").toFile(), j);
            report(r, summaries).write(tmp);
            java.nio.file.Files.createDirectories(tmp.resolve("scans"));
            for (DatasetOutcome o : r.outcomes()) {
                Map<String, Object> p = new LinkedHashMap<>(provenance);
                p.put("s_over_b", o.sOverB());
                p.put("dataset", o.dataset());
                p.put("data_seed", o.dataSeed());
                p.put("method", o.method());
                mapper.writeValue(tmp.resolve("scans").resolve(scanFile(o)).toFile(), ScanOutput.json(o.scan(), p));
            }
        });
    }

    /** The file name of one scan's scan.json under scans/. */
    static String scanFile(DatasetOutcome o) {
        return String.format(Locale.ROOT, "sb%s-dataset%d-%s.json", o.sOverB(), o.dataset(), o.method());
    }

    static HtmlReport report(InjectionStudy.Result r, List<InjectionSummary> summaries) {
        InjectionDesign d = r.design();
        DijetModel g = d.generator();
        HtmlReport h = new HtmlReport("Signal-injection study");
        h.heading("Signal-injection study");
        h.paragraph(String.format(Locale.ROOT, "%d datasets per injected S/B %s (S/B in the signal region [%.4g, %.4g]); %d background events over "
                        + "[%.4g, %.4g], resonance at %.4g (width %.4g); methods %s; %d windows; %d toys per scan; seed %d. Dataset i holds the same "
                        + "background at every S/B (paired). Global Z quantiles are those of the global p-values turned into Z; a toy p bounded "
                        + "by 1/toys counts as 1/toys; Z below %.0f (or p = 1) is drawn at %.0f.", d.datasets(), Arrays.toString(d.sOverB()), g.srLow(), g.srHigh(),
                g.backgroundEvents(), g.mjjMin(), g.mjjMax(), g.signalMass(), g.signalWidth(), r.methods(), r.windows().size(), r.scan().toys(), d.seed(),
                Z_FLOOR, Z_FLOOR));
        for (String which : List.of("toys", "Gross-Vitells")) {
            Figure f = Figure.xy("Median global significance (" + which + ") against injected S/B", "injected S/B in the signal region", "global Z");
            for (InjectionSummary m : summaries) {
                double[] x = m.points().stream().mapToDouble(InjectionSummary.Point::sOverB).toArray();
                double[][] q = new double[3][x.length];
                for (int k = 0; k < x.length; k++) {
                    Quantiles z = which.equals("toys") ? m.points().get(k).toyZ() : m.points().get(k).gvZ();
                    q[0][k] = floor(z.median());
                    q[1][k] = floor(z.lower());
                    q[2][k] = floor(z.upper());
                }
                f.line(m.method() + " median", x, q[0]);
                f.line(m.method() + " 16 %", x, q[1]).line(m.method() + " 84 %", x, q[2]);
            }
            h.figure(f, which.equals("toys") ? "global_z_toys.png" : "global_z_gv.png", "Median global Z over the datasets at each injected S/B, with the "
                    + "16-84 % band, per method (" + (which.equals("toys") ? "toys: fit-level pseudo-experiments" : "Gross-Vitells upcrossing formula") + ").");
        }
        Figure local = Figure.xy("Median maximum local significance against injected S/B", "injected S/B in the signal region", "max local Z");
        Figure frac = Figure.xy("Best window holds the signal mass", "injected S/B in the signal region", "fraction of datasets");
        for (InjectionSummary m : summaries) {
            double[] x = m.points().stream().mapToDouble(InjectionSummary.Point::sOverB).toArray();
            local.line(m.method() + " median", x, m.points().stream().mapToDouble(p -> floor(p.localZ().median())).toArray());
            local.line(m.method() + " 16 %", x, m.points().stream().mapToDouble(p -> floor(p.localZ().lower())).toArray());
            local.line(m.method() + " 84 %", x, m.points().stream().mapToDouble(p -> floor(p.localZ().upper())).toArray());
            local.line(m.method() + " at the mass, median", x, m.points().stream().mapToDouble(p -> floor(p.localZAtMass().median())).toArray());
            double[] y = m.points().stream().mapToDouble(InjectionSummary.Point::fractionContaining).toArray();
            frac.line(m.method(), x, y);
        }
        h.figure(local, "local_z.png", "Median of each dataset's largest local Z (its headline scope) with the 16-84 % band, and the median of the "
                + "largest local Z among the windows that contain the signal mass.");
        h.figure(frac, "contains_mass.png", String.format(Locale.ROOT, "Fraction of datasets whose best window contains %.4g.", g.signalMass()));

        Table t = new Table("method", "scope", "S/B", "datasets", "median signal injected", "global Z toys: median [16 %, 84 %]",
                "global Z GV: median [16 %, 84 %]", "max local Z: median [16 %, 84 %]", "local Z at the mass: median [16 %, 84 %]", "best window holds the mass", "no best window");
        for (InjectionSummary m : summaries) {
            for (InjectionSummary.Point p : m.points()) {
                t.row(m.method(), m.scope(), fmt(p.sOverB()), p.datasets(), fmt(p.medianInjected()), band(p.toyZ(), ""), band(p.gvZ(), ""),
                        band(p.localZ(), ""), band(p.localZAtMass(), ""), p.containing() + " / " + p.datasets(), p.withoutBestWindow());
            }
        }
        h.heading("Per method and injected S/B");
        h.table(t);

        boolean anyNull = summaries.stream().anyMatch(m -> m.nullToys() != null);
        if (anyNull) {
            h.heading("Background only (S/B = 0): are the global p-values uniform?");
            h.paragraph("Under the background-only hypothesis a calibrated global p-value is uniform on [0, 1]. Toy p-values are multiples of 1/toys; "
                    + "Gross-Vitells is an upper-tail approximation, which overestimates p at small Z (many p = 1), so it is not expected to pass.");
            for (InjectionSummary m : summaries) {
                for (String which : List.of("toys", "Gross-Vitells")) {
                    InjectionSummary.Uniformity u = which.equals("toys") ? m.nullToys() : m.nullGrossVitells();
                    if (u == null) continue;
                    String tag = m.method() + (which.equals("toys") ? "_toys" : "_gv");
                    int bins = Math.max(5, Math.min(20, u.pValues().length / 4));
                    Figure hist = Figure.xy(m.method() + ": global p (" + which + "), S/B = 0", "global p", "datasets")
                            .histogram("global p", Histogram.of(u.pValues(), bins, 0, 1), false)
                            .line("uniform", new double[] {0, 1}, new double[] {u.pValues().length / (double) bins, u.pValues().length / (double) bins});
                    h.figure(hist, "null_p_hist_" + tag + ".png", String.format(Locale.ROOT, "%s, %s: %d background-only datasets; KS D = %.4g, p = %.4g.",
                            m.method(), which, u.ks().n(), u.ks().statistic(), u.ks().pValue()));
                    double[] sorted = u.pValues().clone();
                    Arrays.sort(sorted);
                    double[] ex = new double[2 * sorted.length + 2];
                    double[] ey = new double[ex.length];
                    ex[0] = 0;
                    ey[0] = 0;
                    for (int i = 0; i < sorted.length; i++) { // the empirical CDF as a staircase
                        ex[2 * i + 1] = sorted[i];
                        ey[2 * i + 1] = (double) i / sorted.length;
                        ex[2 * i + 2] = sorted[i];
                        ey[2 * i + 2] = (double) (i + 1) / sorted.length;
                    }
                    ex[ex.length - 1] = 1;
                    ey[ey.length - 1] = 1;
                    Figure cdf = Figure.xy(m.method() + ": empirical CDF of the global p (" + which + "), S/B = 0", "global p", "fraction of datasets")
                            .line("empirical CDF", ex, ey).line("uniform", new double[] {0, 1}, new double[] {0, 1});
                    h.figure(cdf, "null_p_cdf_" + tag + ".png", String.format(Locale.ROOT, "Largest distance to the diagonal D = %.4g; exact KS p = %.4g.",
                            u.ks().statistic(), u.ks().pValue()));
                }
            }
        }

        Table all = new Table("method", "S/B", "dataset", "data seed", "best window", "holds mass", "max local Z", "local Z at the mass", "truth signal there", "global p toys",
                "global Z toys", "global p GV", "warnings");
        for (DatasetOutcome o : r.outcomes()) {
            all.row(o.method(), fmt(o.sOverB()), o.dataset(), o.dataSeed(), o.hasBestWindow() ? String.format(Locale.ROOT, "[%.4g, %.4g)", o.bestLow(), o.bestHigh()) : "-",
                    o.containsSignalMass() ? "yes" : "no", fmt(o.localZ()), fmt(o.localZAtMass()), o.signalInBestWindow() >= 0 ? fmt(o.signalInBestWindow()) : "-",
                    (o.toyBound() ? "< " : "") + fmt(o.toyP()), (o.toyBound() ? "> " : "") + fmt(o.toyZ()), fmt(o.gvP()), o.windowWarnings().size());
        }
        h.heading("Every dataset");
        h.table(all);
        return h;
    }

    private static String band(Quantiles q, String unit) {
        return fmt(q.median()) + unit + " [" + fmt(q.lower()) + ", " + fmt(q.upper()) + "]";
    }

    private static double floor(double z) {
        return Double.isNaN(z) ? Double.NaN : Math.max(Z_FLOOR, z);
    }

    private static String fmt(double v) {
        if (v == Double.NEGATIVE_INFINITY) return "-inf";
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Keys in the order given (Map.of's order changes between JVMs). */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
