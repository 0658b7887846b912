package org.anomalia.events.scan;

import static org.anomalia.numerics.io.JsonNumbers.finite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.report.Figure;
import org.anomalia.report.HtmlReport;
import org.anomalia.report.Table;

/**
 * scan.json (every window and cut: n, b, σ_b, local Z, the fit's order, parameters and F-test
 * p-values, warnings, the post-cut spectrum and the fit per bin; the global answers by toys and by
 * Gross–Vitells; the settings and seed) and report.html. Wall times are not in scan.json, so the same
 * seed gives the same file byte for byte.
 */
public final class ScanOutput {
    /** How the cut thresholds are chosen, stored in scan.json. */
    public static final String THRESHOLD_RULE = "a cut keeping a fraction f passes events with score >= the score reached by a fraction f of the"
            + " events outside the window (within the fitted range); one threshold for the whole spectrum, never set by the events in the window."
            + " The template estimate's cut instead keeps the fraction f of the window's sampled background template: its own threshold, set by"
            + " the method's samples, so the cut's background efficiency in the window is f";

    private ScanOutput() {
    }

    /** The template correction as scan.json and study.json write it. */
    public static Map<String, Object> templateCorrection(TemplateCorrection t) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("closure", t.closureName());
        if (t.scale() != null) x.put("scale", t.scale());
        if (t.systematic() != null) x.put("systematic", t.systematic());
        return x;
    }

    public static Map<String, Object> json(SpectrumScan.Result r, Map<String, Object> provenance) {
        ScanSettings s = r.settings();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("provenance", provenance);
        j.put("method", r.method());
        j.put("seed", s.seed());
        j.put("events_in_range", r.events());
        j.put("binning", ordered("low", s.binning().low(), "high", s.binning().high(), "bins", s.binning().bins(), "width", s.binning().width()));
        j.put("sqrt_s", s.sqrtS());
        j.put("fit_function", "f(x) = p0 (1-x)^p1 / x^(p2 + p3 ln x + p4 ln^2 x), x = m/sqrt_s; f is a density in x");
        j.put("f_test_alpha", s.alpha());
        j.put("cuts", s.cuts());
        j.put("template_correction", templateCorrection(s.template()));
        j.put("threshold_rule", THRESHOLD_RULE);
        j.put("local_significance", "profile likelihood, background with an auxiliary Poisson constraint of width sigma_b (Z > 0 for excesses)");
        List<Object> windows = new ArrayList<>();
        for (WindowOutcome w : r.windows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", w.window().index());
            m.put("low", w.window().low());
            m.put("high", w.window().high());
            List<Object> cuts = new ArrayList<>();
            for (CutOutcome c : w.cuts()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("kept", c.kept());
                x.put("threshold", finite(c.threshold()));
                x.put("n", finite(c.n()));
                x.put("b", finite(c.b()));
                x.put("sigma_b", finite(c.sigmaB()));
                x.put("local_z", finite(c.z()));
                Map<String, Object> fit = new LinkedHashMap<>();
                fit.put("order", c.order());
                fit.put("parameters", c.parameters() == null ? null : finite(c.parameters()));
                fit.put("deviance", finite(c.deviance()));
                fit.put("degrees_of_freedom", c.degreesOfFreedom());
                Map<String, Object> fp = new LinkedHashMap<>();
                for (int k = DijetFunction.MIN_ORDER + 1; k <= DijetFunction.MAX_ORDER; k++) {
                    if (!Double.isNaN(c.fTestP()[k])) fp.put(Integer.toString(k), c.fTestP()[k]);
                }
                fit.put("f_test_p", fp);
                x.put("fit", fit);
                if (c.template() != null) {
                    TemplateEstimate te = c.template();
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("threshold", finite(te.threshold()));
                    t.put("n", finite(te.n()));
                    t.put("efficiency", finite(te.efficiency()));
                    TemplateClosure.Ratio cl = te.closure();
                    t.put("closure", ordered("data_efficiency", finite(cl.data()), "template_efficiency", finite(cl.template()), "ratio", finite(cl.r()),
                            "ratio_below", finite(cl.below()), "ratio_above", finite(cl.above()), "sigma", finite(cl.sigma())));
                    t.put("b", finite(te.b()));
                    t.put("sigma_b", finite(te.sigmaB()));
                    t.put("local_z", finite(te.z()));
                    if (te.signal() >= 0) t.put("signal_truth", te.signal());
                    x.put("template", t);
                }
                if (c.signalTruth() >= 0) x.put("signal_in_window_truth", c.signalTruth());
                x.put("warnings", c.warnings());
                x.put("counts", c.counts());
                x.put("fit_expected", c.maskedExpected() == null ? null : finite(c.maskedExpected()));
                cuts.add(x);
            }
            m.put("cuts", cuts);
            windows.add(m);
        }
        j.put("windows", windows);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("reference_z_gross_vitells", r.global().referenceZ());
        g.put("failed_toy_fits", r.global().failedToyFits());
        List<Object> answers = new ArrayList<>();
        for (LookElsewhere.Answer a : r.global().answers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("scope", a.scope());
            x.put("max_local_z", finite(a.maxLocalZ()));
            if (a.bestWindow() >= 0) {
                ScanWindow w = r.windows().get(a.bestWindow()).window();
                x.put("best_window", ordered("index", w.index(), "low", w.low(), "high", w.high()));
            }
            Map<String, Object> toys = new LinkedHashMap<>();
            toys.put("toys", a.toys());
            toys.put("toys_at_least", a.toysAtLeast());
            toys.put("p", finite(a.toyP()));
            toys.put("p_is_upper_bound", a.toyBound());
            toys.put("z", finite(a.toyZ()));
            x.put("toys", toys);
            Map<String, Object> gv = new LinkedHashMap<>();
            gv.put("mean_upcrossings", finite(a.meanUpcrossings()));
            gv.put("p", finite(a.gvP()));
            gv.put("z", finite(a.gvZ()));
            x.put("gross_vitells", gv);
            answers.add(x);
        }
        g.put("answers", answers);
        j.put("global", g);
        return j;
    }

    /**
     * Keys in the order given: Map.of's iteration order changes from one JVM to the next (a random
     * salt), which made scan.json differ between runs and between engines.
     */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    /** Writes scan.json and report.html (and its figures) into dir, all or nothing. */
    public static void write(Path dir, SpectrumScan.Result r, Map<String, Object> provenance) {
        Map<String, Object> j = json(r, provenance);
        AtomicOutput.directory(dir, tmp -> {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.resolve("scan.json").toFile(), j);
            report(r).write(tmp);
        });
    }

    static HtmlReport report(SpectrumScan.Result r) {
        ScanSettings s = r.settings();
        HtmlReport h = new HtmlReport("Signal-region scan: " + r.method());
        h.heading("Signal-region scan: " + r.method());
        h.paragraph(String.format(Locale.ROOT, "%d events in [%.4g, %.4g), %d bins; %d windows; cuts %s; seed %d. Background: dijet fit of the post-cut "
                        + "spectrum outside each window (parameters by F-test, alpha %.3g). %s.", r.events(), s.binning().low(), s.binning().high(),
                s.binning().bins(), r.windows().size(), java.util.Arrays.toString(s.cuts()), s.seed(), s.alpha(), THRESHOLD_RULE));
        Table g = new Table("scope", "max local Z", "window", "toys: global p", "toys: global Z", "Gross-Vitells: <N(z0)>", "GV global p", "GV global Z");
        for (LookElsewhere.Answer a : r.global().answers()) {
            String win = a.bestWindow() < 0 ? "-" : r.windows().get(a.bestWindow()).window().toString();
            g.row(a.scope(), fmt(a.maxLocalZ()), win, a.toys() == 0 ? "no toys" : (a.toyBound() ? "< " : "") + fmt(a.toyP()) + " (" + a.toys() + " toys)",
                    (a.toyBound() ? "> " : "") + fmt(a.toyZ()), fmt(a.meanUpcrossings()), fmt(a.gvP()), fmt(a.gvZ()));
        }
        h.heading("Global significance");
        h.paragraph("Toys: background-only fit of each whole post-cut spectrum, Poisson-fluctuated, the scan's fits and local Z redone; "
                + "Gross-Vitells: upcrossings of Z = " + r.global().referenceZ() + " on the same toys, extrapolated. Failed toy fits: " + r.global().failedToyFits() + ".");
        h.table(g);
        Figure z = Figure.xy("Local significance per window", "window centre", "local Z");
        for (int c = 0; c < s.cuts().length; c++) {
            double[] x = new double[r.windows().size()];
            double[] y = new double[x.length];
            for (int w = 0; w < x.length; w++) {
                x[w] = r.windows().get(w).window().centre();
                double v = r.windows().get(w).cuts().get(c).z();
                y[w] = Double.isFinite(v) ? v : 0;
            }
            z.scatter("kept " + s.cuts()[c], x, y);
        }
        h.figure(z, "local_z.png", "Local Z (profile likelihood with the fit's sigma_b) against the window centre, per cut; failed fits drawn at 0 (see warnings).");
        // the spectra shown are the fit's: the window with the largest fit-based local Z over all cuts
        LookElsewhere.Answer overall = r.global().answers().stream().filter(a -> a.scope().equals("all cuts")).findFirst().orElseThrow();
        if (overall.bestWindow() >= 0) {
            WindowOutcome best = r.windows().get(overall.bestWindow());
            double[] centres = new double[s.binning().bins()];
            for (int i = 0; i < centres.length; i++) centres[i] = (s.binning().edge(i) + s.binning().edge(i + 1)) / 2;
            for (int c = 0; c < best.cuts().size(); c++) {
                CutOutcome cut = best.cuts().get(c);
                if (cut.maskedExpected() == null) continue;
                Figure sp = Figure.xy("Spectrum after keeping " + cut.kept() + ", window " + best.window(), "resonant variable", "events per bin").logY();
                sp.scatter("data", positive(centres, cut.counts()), positiveY(cut.counts()));
                sp.line("fit outside the window", centres, cut.maskedExpected());
                sp.marker("window low", best.window().low());
                sp.marker("window high", best.window().high());
                h.figure(sp, "spectrum_" + c + ".png", String.format(Locale.ROOT, "Best window %s, kept %s: n = %.0f, b = %.1f +- %.1f, local Z %s; fit order %d.",
                        best.window(), cut.kept(), cut.n(), cut.b(), cut.sigmaB(), fmt(cut.z()), cut.order()));
                double[] res = new double[centres.length];
                for (int i = 0; i < res.length; i++) {
                    double mu = cut.maskedExpected()[i];
                    res[i] = mu > 0 ? (cut.counts()[i] - mu) / Math.sqrt(mu) : 0;
                }
                Figure rf = Figure.xy("Residuals, kept " + cut.kept(), "resonant variable", "(n - fit) / sqrt(fit)");
                rf.scatter("residual", centres, res);
                rf.marker("window low", best.window().low());
                rf.marker("window high", best.window().high());
                h.figure(rf, "residuals_" + c + ".png", "Residuals of the post-cut spectrum against the fit outside the window (inside the window: the excess).");
            }
        }
        Table t = new Table("window", "kept", "n", "b", "sigma_b", "local Z", "order", "template n", "template b", "closure", "template Z", "truth signal",
                "warnings");
        for (WindowOutcome w : r.windows()) {
            for (CutOutcome c : w.cuts()) {
                TemplateEstimate te = c.template();
                t.row(w.window().toString(), c.kept(), fmt(c.n()), fmt(c.b()), fmt(c.sigmaB()), fmt(c.z()), c.order(),
                        te == null ? "-" : fmt(te.n()), te == null ? "-" : fmt(te.b()), te == null ? "-" : fmt(te.closure().r()), fmt(c.templateZ()),
                        c.signalTruth() >= 0 ? fmt(c.signalTruth()) : "-", String.join("; ", c.warnings()));
            }
        }
        h.heading("Every window and cut");
        h.table(t);
        return h;
    }

    private static double[] positive(double[] x, double[] y) {
        return java.util.stream.IntStream.range(0, x.length).filter(i -> y[i] > 0).mapToDouble(i -> x[i]).toArray();
    }

    private static double[] positiveY(double[] y) {
        return java.util.Arrays.stream(y).filter(v -> v > 0).toArray();
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}
