package org.anomalia.gof.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.report.Figure;
import org.anomalia.report.HtmlReport;
import org.anomalia.report.Table;

/** profile.json and report.html of {@code gof profile}: both profiles, best fits, intervals, the SM's pull. */
public final class ProfileOutput {
    public static final String JSON = "profile.json";

    private ProfileOutput() {}

    public static void write(ProfileResult r, String description, Path dir) {
        StudyOutput.write(dir, report(r, description), JSON, json(r, description));
    }

    static List<Object> intervals(List<ProfileIntervals.Interval> list) {
        List<Object> out = new ArrayList<>();
        for (ProfileIntervals.Interval i : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("low", i.low());
            m.put("high", i.high());
            m.put("open_low", i.openLow());
            m.put("open_high", i.openHigh());
            out.add(m);
        }
        return out;
    }

    static String format(List<ProfileIntervals.Interval> list) {
        if (list.isEmpty()) return "–";
        StringBuilder b = new StringBuilder();
        for (ProfileIntervals.Interval i : list) {
            if (b.length() > 0) b.append(" ∪ ");
            b.append(String.format("[%s%.2f, %.2f%s]", i.openLow() ? "≤" : "", i.low(), i.high(), i.openHigh() ? "+" : ""));
        }
        return b.toString();
    }

    static String json(ProfileResult r, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", description);
        m.put("seed", r.seed());
        m.put("axes", r.axes()); // records: coefficient, from, to, points, in this order
        m.put("samples_per_point", r.samplesPerPoint());
        m.put("toys", r.toys());
        List<Object> grid = new ArrayList<>();
        for (double[] g : r.grid()) grid.add(g);
        m.put("grid", grid);
        Map<String, Object> curves = new LinkedHashMap<>();
        for (ProfileResult.Curve c : r.curves().values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("label", c.label());
            e.put("minus2logl", c.minus2LogL());
            e.put("best_fit", c.bestFit());
            e.put("minimum", c.minimum());
            e.put("sm_minus2logl", c.smMinus2LogL());
            e.put("sm_delta", c.smDelta());
            e.put("sm_pull", c.smPull());
            e.put("wilks_critical_1sigma", c.wilksCritical68());
            e.put("wilks_critical_2sigma", c.wilksCritical95());
            e.put("toy_critical_1sigma", c.toyCritical68());
            e.put("toy_critical_2sigma", c.toyCritical95());
            e.put("effective_draws_at_best_fit", c.effectiveDrawsAtBestFit());
            e.put("effective_draws", c.effectiveDraws());
            List<Object> per = new ArrayList<>();
            for (ProfileResult.Axis a : c.perAxis()) {
                Map<String, Object> ax = new LinkedHashMap<>();
                ax.put("coefficient", a.coefficient());
                ax.put("best_fit", a.bestFit());
                ax.put("values", a.values());
                ax.put("delta", a.delta());
                ax.put("interval_1sigma_wilks", intervals(a.wilks1()));
                ax.put("interval_2sigma_wilks", intervals(a.wilks2()));
                ax.put("interval_1sigma_toys", intervals(a.toys1()));
                ax.put("interval_2sigma_toys", intervals(a.toys2()));
                per.add(ax);
            }
            e.put("profiles", per);
            curves.put(c.method(), e);
        }
        m.put("methods", curves);
        m.put("seconds", r.seconds());
        return Json.write(m);
    }

    static Table table(ProfileResult r) {
        Table t = new Table("method", "coefficient", "best fit", "1σ (Wilks)", "2σ (Wilks)", "1σ (toys)", "2σ (toys)", "SM Δ(−2logL)", "SM pull");
        for (ProfileResult.Curve c : r.curves().values()) {
            for (ProfileResult.Axis a : c.perAxis()) {
                t.row(c.method(), a.coefficient(), String.format("%.3f", a.bestFit()), format(a.wilks1()), format(a.wilks2()),
                        format(a.toys1()), format(a.toys2()), String.format("%.2f", c.smDelta()), String.format("%.2fσ", c.smPull()));
            }
        }
        return t;
    }

    static HtmlReport report(ProfileResult r, String description) {
        HtmlReport html = new HtmlReport("Anomalia: likelihood profile in Wilson coefficients");
        html.paragraph(String.format("%s. %d grid points, %d theory draws per point (the same parameter draws at every point), %d toys at "
                + "each method's best fit, seed %d, %.0f s.", description, r.grid().length, r.samplesPerPoint(), r.toys(), r.seed(), r.seconds()));
        html.table(table(r));
        Table crit = new Table("method", "Wilks 1σ", "toys 1σ", "Wilks 2σ", "toys 2σ", "effective draws at best fit");
        for (ProfileResult.Curve c : r.curves().values()) {
            crit.row(c.method(), String.format("%.2f", c.wilksCritical68()), String.format("%.2f", c.toyCritical68()),
                    String.format("%.2f", c.wilksCritical95()), String.format("%.2f", c.toyCritical95()),
                    Double.isNaN(c.effectiveDrawsAtBestFit()) ? "–" : String.format("%.0f", c.effectiveDrawsAtBestFit()));
        }
        html.heading("Critical values of Δ(−2 log L)").table(crit);
        for (int a = 0; a < r.axes().size(); a++) {
            String coef = r.axes().get(a).coefficient();
            Figure f = Figure.xy("profile in " + coef, coef + " (NP shift, real part)", "Δ(−2 log L)");
            double[] xs = null;
            for (ProfileResult.Curve c : r.curves().values()) {
                ProfileResult.Axis ax = c.perAxis().get(a);
                f.line(c.label(), ax.values(), ax.delta());
                xs = ax.values();
            }
            double[] ends = {xs[0], xs[xs.length - 1]};
            f.line("1σ (Wilks)", ends, new double[] {1, 1});
            f.line("2σ (Wilks)", ends, new double[] {4, 4});
            html.figure(f, "profile_" + coef + ".png", "Δ(−2 log p(x | C)) against " + coef
                    + (r.axes().size() > 1 ? " (minimised over the other coefficient)" : "") + ": Gaussian approximation and exact marginal likelihood.");
        }
        return html;
    }
}
