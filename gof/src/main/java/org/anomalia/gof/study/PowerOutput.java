package org.anomalia.gof.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anomalia.report.Figure;
import org.anomalia.report.HtmlReport;
import org.anomalia.report.Table;

/** power.json and report.html of {@code gof power}: size checks, power curves per family of alternatives. */
public final class PowerOutput {
    public static final String JSON = "power.json";

    private PowerOutput() {}

    public static void write(PowerResult r, String description, Path dir) {
        StudyOutput.write(dir, report(r, description), JSON, json(r, description));
    }

    static Map<String, Object> rate(RejectionRate x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rejected", x.rejected());
        m.put("n", x.n());
        m.put("rate", x.rate());
        m.put("ci95_low", x.interval().lower());
        m.put("ci95_high", x.interval().upper());
        return m;
    }

    static String json(PowerResult r, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", description);
        m.put("seed", r.seed());
        m.put("pseudo_experiments", r.pseudoExperiments());
        m.put("alpha", PowerStudy.ALPHA);
        m.put("alpha_3sigma", PowerStudy.ALPHA_3SIGMA);
        m.put("methods", r.labels());
        Map<String, Object> size = new LinkedHashMap<>();
        for (Map.Entry<String, SizeCheck> e : r.size().entrySet()) {
            Map<String, Object> s = rate(e.getValue().observed());
            s.put("accept99_low", e.getValue().acceptLow());
            s.put("accept99_high", e.getValue().acceptHigh());
            s.put("passed", e.getValue().passed());
            s.put("rate_3sigma", r.sizeAt3Sigma().get(e.getKey()).rate());
            size.put(e.getKey(), s);
        }
        m.put("size", size);
        List<Object> points = new ArrayList<>();
        for (PowerResult.Point p : r.points()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("family", p.alternative().family());
            e.put("name", p.alternative().name());
            e.put("size", p.alternative().size());
            e.put("mahalanobis", p.alternative().mahalanobis());
            Map<String, Object> rates = new LinkedHashMap<>();
            for (String k : p.atAlpha().keySet()) {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("alpha", rate(p.atAlpha().get(k)));
                both.put("three_sigma", rate(p.at3Sigma().get(k)));
                rates.put(k, both);
            }
            e.put("rates", rates);
            points.add(e);
        }
        m.put("power", points);
        m.put("seconds", r.seconds());
        return Json.write(m);
    }

    static HtmlReport report(PowerResult r, String description) {
        HtmlReport html = new HtmlReport("Anomalia goodness of fit: power and size");
        html.paragraph(String.format("%s. %d pseudo-experiments per point, seed %d. Rejection at α = %.2f and at 3σ (p ≤ %.3g); "
                + "intervals are Clopper–Pearson 95 %%.", description, r.pseudoExperiments(), r.seed(), PowerStudy.ALPHA, PowerStudy.ALPHA_3SIGMA));
        html.heading("Size under H0");
        Table size = new Table("method", "rejected", "rate at α", "95 % CI", "99 % acceptance (counts)", "size check", "rate at 3σ");
        for (Map.Entry<String, SizeCheck> e : r.size().entrySet()) {
            SizeCheck s = e.getValue();
            size.row(r.labels().get(e.getKey()), s.observed().rejected() + "/" + s.observed().n(), String.format("%.4f", s.observed().rate()),
                    String.format("[%.4f, %.4f]", s.observed().interval().lower(), s.observed().interval().upper()),
                    s.acceptLow() + "–" + s.acceptHigh(), s.passed() ? "ok" : "FAILED", String.format("%.4f", r.sizeAt3Sigma().get(e.getKey()).rate()));
        }
        html.table(size);
        Set<String> families = new LinkedHashSet<>();
        for (PowerResult.Point p : r.points()) families.add(p.alternative().family());
        int f = 0;
        for (String family : families) {
            f++;
            List<PowerResult.Point> pts = r.points().stream().filter(p -> p.alternative().family().equals(family)).toList();
            html.heading("Power: " + family);
            boolean mahalanobisAxis = pts.get(0).alternative().theory() == null;
            String axis = mahalanobisAxis ? "Mahalanobis size in Λth + Λexp" : family;
            for (boolean three : new boolean[] {false, true}) {
                Figure fig = Figure.xy("rejection rate at " + (three ? "3σ" : "α = 0.05") + ": " + family, axis, "rejection rate");
                for (String k : r.labels().keySet()) {
                    double[] x = new double[pts.size()], y = new double[pts.size()];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = pts.get(i).alternative().size();
                        y[i] = (three ? pts.get(i).at3Sigma() : pts.get(i).atAlpha()).get(k).rate();
                    }
                    fig.line(r.labels().get(k), x, y);
                }
                html.figure(fig, "power_" + f + (three ? "_3sigma" : "_alpha") + ".png",
                        "Fraction of pseudo-experiments from the alternative that each method rejects" + (three ? " at 3σ." : " at α = 0.05."));
            }
            Table t = new Table("alternative", "Mahalanobis", "method", "rate at α", "95 % CI", "rate at 3σ", "95 % CI");
            for (PowerResult.Point p : pts) {
                for (String k : r.labels().keySet()) {
                    RejectionRate a = p.atAlpha().get(k), b = p.at3Sigma().get(k);
                    t.row(p.alternative().name(), String.format("%.2f", p.alternative().mahalanobis()), r.labels().get(k),
                            String.format("%.3f", a.rate()), String.format("[%.3f, %.3f]", a.interval().lower(), a.interval().upper()),
                            String.format("%.3f", b.rate()), String.format("[%.3f, %.3f]", b.interval().lower(), b.interval().upper()));
                }
            }
            html.table(t);
        }
        return html;
    }
}
