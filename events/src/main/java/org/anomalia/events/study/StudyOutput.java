package org.anomalia.events.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.report.Figure;
import org.anomalia.report.Histogram;
import org.anomalia.report.HtmlReport;

/** study.json (every cut of every run, and the per-score summary over seeds) and report.html with the talk's plots. */
public final class StudyOutput {
    private StudyOutput() {}

    /** Best improvement over seeds for one score, input set and architecture. */
    public record Summary(String key, String score, String inputs, int depth, int latent, double[] best, double mean, double sd) {}

    public static List<Summary> summarize(SignificanceStudy.Result r) {
        Map<String, List<SignificanceStudy.Run>> groups = new LinkedHashMap<>();
        for (SignificanceStudy.Run run : r.runs()) groups.computeIfAbsent(run.key(), k -> new ArrayList<>()).add(run);
        List<Summary> out = new ArrayList<>();
        for (var e : groups.entrySet()) {
            double[] best = e.getValue().stream().mapToDouble(SignificanceStudy.Run::bestImprovement).toArray();
            double[] ok = java.util.Arrays.stream(best).filter(Double::isFinite).toArray(); // failed runs and runs without signal left out
            double mean = ok.length == 0 ? Double.NaN : java.util.Arrays.stream(ok).sum() / ok.length;
            double ss = 0;
            for (double b : ok) ss += (b - mean) * (b - mean);
            double sd = ok.length > 1 ? Math.sqrt(ss / (ok.length - 1)) : Double.NaN;
            SignificanceStudy.Run first = e.getValue().get(0);
            out.add(new Summary(e.getKey(), first.score(), first.inputs(), first.depth(), first.latent(), best, mean, sd));
        }
        return out;
    }

    /** Writes study.json and report.html with its plots into {@code dir}, all or nothing. */
    public static void write(Path dir, SignificanceStudy.Result r, StudyConfig c, Map<String, Object> provenance) {
        AtomicOutput.directory(dir, tmp -> writeInto(tmp, r, c, provenance));
    }

    private static void writeInto(Path dir, SignificanceStudy.Result r, StudyConfig c, Map<String, Object> provenance) throws IOException {
        List<Summary> summary = summarize(r);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("provenance", provenance);
        json.put("signal_region", Map.of("variable", c.sr().variable(), "low", c.sr().low(), "high", c.sr().high()));
        json.put("input_sets", c.inputSets());
        json.put("epochs", c.epochs());
        json.put("huber_delta", c.huberDelta());
        json.put("seeds", c.seeds());
        Map<String, Object> counts = new LinkedHashMap<>();
        r.signalRegionCounts().forEach((seed, n) -> {
            // keys in this order in every JVM (Map.of's order changes between runs)
            Map<String, Object> row = new LinkedHashMap<>();
            String[] names = {"train", "judged", "judged_in_signal_region", "signal_in_signal_region", "background_in_signal_region"};
            for (int i = 0; i < names.length; i++) row.put(names[i], n[i]);
            counts.put(Long.toString(seed), row);
        });
        json.put("counts", counts);
        List<Map<String, Object>> sum = new ArrayList<>();
        for (Summary s : summary) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("score", s.score());
            m.put("inputs", s.inputs());
            if (s.depth() > 0) m.put("depth", s.depth());
            if (s.latent() > 0) m.put("latent", s.latent());
            m.put("best_improvement_per_seed", finite(s.best()));
            m.put("best_improvement_mean", finite(s.mean()));
            m.put("best_improvement_sd", finite(s.sd()));
            sum.add(m);
        }
        json.put("summary", sum);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (SignificanceStudy.Run run : r.runs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", run.seed());
            m.put("score", run.score());
            m.put("inputs", run.inputs());
            if (run.depth() > 0) m.put("depth", run.depth());
            if (run.latent() > 0) m.put("latent", run.latent());
            m.put("seconds", run.seconds());
            if (run.failure() != null) m.put("failure", run.failure());
            List<Map<String, Object>> cuts = new ArrayList<>();
            for (CutRow row : run.cuts()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("kept", row.kept());
                x.put("threshold", finite(row.threshold()));
                x.put("S", row.signal());
                x.put("B", row.background());
                x.put("s_over_sqrt_s_plus_b", row.significance());
                x.put("improvement", finite(row.improvement()));
                x.put("signal_efficiency", finite(row.signalEfficiency()));
                x.put("background_efficiency", finite(row.backgroundEfficiency()));
                cuts.add(x);
            }
            m.put("cuts", cuts);
            runs.add(m);
        }
        json.put("runs", runs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("study.json").toFile(), json);
        report(r, c, summary).write(dir);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static List<Object> finite(double[] v) {
        List<Object> out = new ArrayList<>();
        for (double x : v) out.add(finite(x));
        return out;
    }

    private static HtmlReport report(SignificanceStudy.Result r, StudyConfig c, List<Summary> summary) {
        HtmlReport h = new HtmlReport("Significance after anomaly cuts");
        h.heading("Significance after anomaly cuts");
        h.paragraph("Signal region " + c.sr() + "; cuts keep the top fraction of all judged candidates by score; S and B are counted in the signal region. "
                + "Seeds " + c.seeds() + "; curves are means over the seeds.");
        org.anomalia.report.Table t = new org.anomalia.report.Table("score", "inputs", "depth", "latent", "best S/√(S+B) improvement per seed", "mean", "sd");
        for (Summary s : summary) {
            StringBuilder per = new StringBuilder();
            for (double b : s.best()) per.append(per.length() == 0 ? "" : ", ").append(fmt(b));
            t.row(s.score(), s.inputs(), s.depth() > 0 ? s.depth() : "", s.latent() > 0 ? s.latent() : "", per.toString(), fmt(s.mean()), fmt(s.sd()));
        }
        h.table(t);
        for (String inputs : c.inputSets().keySet()) {
            Figure imp = Figure.xy("S/√(S+B) improvement, " + inputs + " inputs", "log10(kept fraction)", "improvement over no cut");
            Figure sig = Figure.xy("Normalized signal counts after cuts, " + inputs + " inputs", "log10(kept fraction)", "S / S0");
            Figure bkg = Figure.xy("Normalized background counts after cuts, " + inputs + " inputs", "log10(kept fraction)", "B / B0").logY();
            boolean any = false;
            for (Summary s : summary) {
                if (!s.inputs().equals(inputs) || s.score().endsWith("scan")) continue;
                any = true;
                double[][] curves = meanCurves(r, s.key(), c.kept().length);
                if (Double.isNaN(curves[1][0])) continue; // every seed failed
                imp.line(s.score(), curves[0], curves[1]);
                sig.line(s.score(), curves[0], curves[2]);
                bkg.line(s.score(), curves[0], curves[3]);
            }
            if (!any) continue;
            h.figure(imp, "improvement_" + safe(inputs) + ".png", "S/√(S+B) after the cut over S/√(S+B) without it");
            h.figure(sig, "signal_after_cuts_" + safe(inputs) + ".png", "Signal candidates kept (the talk's normalized counts)");
            h.figure(bkg, "background_after_cuts_" + safe(inputs) + ".png", "Background candidates kept");
        }
        scan(h, summary, true);
        scan(h, summary, false);
        for (var e : r.resonantBeforeAfter().entrySet()) {
            double[] all = e.getValue()[0], after = e.getValue()[1];
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : all) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            Figure f = Figure.xy(c.sr().variable() + " of judged candidates, seed " + e.getKey(), c.sr().variable(), "candidates").logY();
            f.histogram("no cut", Histogram.of(all, 60, lo, hi), false);
            if (after.length > 0) f.histogram("ae-mse, top 1 %", Histogram.of(after, 60, lo, hi), false);
            h.figure(f, "resonant_seed" + e.getKey() + ".png", "The resonant variable before and after the AE (MSE, first input set) cut keeping 1 % of the candidates");
            break;
        }
        return h;
    }

    private static void scan(HtmlReport h, List<Summary> summary, boolean depth) {
        List<Summary> rows = summary.stream().filter(s -> s.score().equals("ae-mse scan")
                && (depth ? s.latent() == StudyConfig.DEFAULT_LATENT : s.depth() == StudyConfig.DEFAULT_DEPTH)).toList();
        if (rows.size() < 2) return;
        double[] x = rows.stream().mapToDouble(s -> depth ? s.depth() : s.latent()).toArray();
        double[] y = rows.stream().mapToDouble(Summary::mean).toArray();
        Figure f = Figure.xy("AE (MSE) " + (depth ? "depth" : "latent-size") + " scan", depth ? "hidden layers in total" : "latent dimensions",
                "best S/√(S+B) improvement (mean over seeds)");
        f.line("mean over seeds", x, y);
        h.figure(f, depth ? "scan_depth.png" : "scan_latent.png", "Best improvement against " + (depth ? "depth (latent 8)" : "latent size (depth 5)"));
    }

    /** {log10 kept, improvement, S/S0, B/B0} averaged over the seeds of one key. */
    private static double[][] meanCurves(SignificanceStudy.Result r, String key, int n) {
        double[][] out = new double[4][n];
        int runs = 0;
        for (SignificanceStudy.Run run : r.runs()) {
            if (!run.key().equals(key) || run.failure() != null) continue;
            runs++;
            for (int i = 0; i < n; i++) {
                CutRow row = run.cuts().get(i);
                out[0][i] = Math.log10(row.kept());
                out[1][i] += row.improvement();
                out[2][i] += row.signalEfficiency();
                out[3][i] += row.backgroundEfficiency();
            }
        }
        for (int k = 1; k < 4; k++) for (int i = 0; i < n; i++) out[k][i] = runs == 0 ? Double.NaN : out[k][i] / runs;
        return out;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "–";
    }
}
