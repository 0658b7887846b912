package org.anomalia.gof.study;

import org.anomalia.numerics.stats.Quantiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.report.Figure;
import org.anomalia.report.Histogram;
import org.anomalia.report.HtmlReport;
import org.anomalia.report.Table;

/** cov_uncertainty/report.html and cov_uncertainty.json: each method's p-value band over the covariance draws beside the nominal one. */
public final class CovarianceUncertaintyOutput {
    public static final String DIRECTORY = "cov_uncertainty", JSON = "cov_uncertainty.json";

    private CovarianceUncertaintyOutput() {}

    public static void write(CovarianceUncertaintyResult r, int dimension, Path gofOut) {
        StudyOutput.write(gofOut.resolve(DIRECTORY), report(r, dimension), JSON, json(r, dimension));
    }

    static String json(CovarianceUncertaintyResult r, int dimension) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cov_uncertainty", r.spec().spec());
        m.put("description", r.spec().describe());
        m.put("typical_spread", r.spec().typicalSpread(dimension));
        m.put("draws", r.draws());
        m.put("seed", r.seed());
        Map<String, Object> methods = new LinkedHashMap<>();
        for (String k : r.nominal().keySet()) {
            Quantiles q = r.band(k);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("label", r.labels().get(k));
            e.put("p_nominal", r.nominal().get(k));
            e.put("p_median", q.median());
            e.put("p_lower_68", q.lower());
            e.put("p_upper_68", q.upper());
            e.put("p_per_draw", r.perDraw().get(k));
            methods.put(k, e);
        }
        m.put("methods", methods);
        m.put("chi2_per_draw", r.chi2PerDraw());
        m.put("seconds", r.seconds());
        return Json.write(m);
    }

    static Table table(CovarianceUncertaintyResult r) {
        Table t = new Table("method", "p nominal", "p median", "68 % band");
        for (String k : r.nominal().keySet()) {
            Quantiles q = r.band(k);
            t.row(r.labels().get(k), String.format("%.4f", r.nominal().get(k)), String.format("%.4f", q.median()),
                    String.format("[%.4f, %.4f]", q.lower(), q.upper()));
        }
        return t;
    }

    static HtmlReport report(CovarianceUncertaintyResult r, int dimension) {
        HtmlReport html = new HtmlReport("Anomalia goodness of fit: uncertain experimental covariance");
        html.paragraph(String.format("%d covariance draws (%s; typical spread %.3f), seed %d: the whole analysis re-run for each draw "
                + "with the same seed, so the spread comes from the covariance alone.", r.draws(), r.spec().describe(),
                r.spec().typicalSpread(dimension), r.seed()));
        html.table(table(r));
        for (String k : r.nominal().keySet()) {
            double[] p = r.perDraw().get(k);
            double lo = Math.min(0, r.nominal().get(k)), hi = 1e-12;
            for (double v : p) hi = Math.max(hi, v);
            hi = Math.max(hi, r.nominal().get(k)) * 1.05;
            Histogram h = Histogram.of(p, Math.max(10, Math.min(40, p.length / 2)), lo, hi);
            html.figure(Figure.xy(r.labels().get(k) + ": p over covariance draws", "p-value", "draws").histogram("draws", h, false)
                    .marker("nominal", r.nominal().get(k)), "p_" + k + ".png",
                    "p-values of " + r.labels().get(k) + " over the drawn covariance matrices; the line is the p-value with the published one.");
        }
        return html;
    }
}
