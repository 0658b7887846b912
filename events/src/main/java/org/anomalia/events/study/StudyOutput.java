package org.anomalia.events.study;

import static org.anomalia.numerics.io.JsonNumbers.finite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
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

    /** study.json: the records below, written in their components' order (snake_case keys; null for a value that is not finite). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StudyJson(Map<String, Object> provenance, Region signalRegion, Map<String, List<String>> inputSets, int epochs, double huberDelta,
            List<Long> seeds, Map<String, Counts> counts, List<SummaryJson> summary, List<RunJson> runs) {
    }

    record Region(String variable, double low, double high) {
    }

    /** Candidates of one seed: trained on, judged, and in the signal region (all, signal, background). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Counts(long train, long judged, long judgedInSignalRegion, long signalInSignalRegion, long backgroundInSignalRegion) {
        Counts(long[] n) {
            this(n[0], n[1], n[2], n[3], n[4]);
        }
    }

    /** Depth and latent size only for the architecture scans (null: left out). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SummaryJson(String score, String inputs, @JsonInclude(JsonInclude.Include.NON_NULL) Integer depth,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer latent, List<Double> bestImprovementPerSeed, Double bestImprovementMean,
            Double bestImprovementSd) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RunJson(long seed, String score, String inputs, @JsonInclude(JsonInclude.Include.NON_NULL) Integer depth,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer latent, double seconds, @JsonInclude(JsonInclude.Include.NON_NULL) String failure,
            List<CutJson> cuts) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CutJson(double kept, Double threshold, @JsonProperty("S") long signal, @JsonProperty("B") long background,
            @JsonProperty("s_over_sqrt_s_plus_b") double sOverSqrtSPlusB,
            Double improvement, Double signalEfficiency, Double backgroundEfficiency) {
        CutJson(CutRow row) {
            this(row.kept(), finite(row.threshold()), row.signal(), row.background(), row.significance(), finite(row.improvement()),
                    finite(row.signalEfficiency()), finite(row.backgroundEfficiency()));
        }
    }

    private static void writeInto(Path dir, SignificanceStudy.Result r, StudyConfig c, Map<String, Object> provenance) throws IOException {
        List<Summary> summary = summarize(r);
        Map<String, Counts> counts = new LinkedHashMap<>();
        r.signalRegionCounts().forEach((seed, n) -> counts.put(Long.toString(seed), new Counts(n)));
        List<SummaryJson> sum = summary.stream().map(s -> new SummaryJson(s.score(), s.inputs(), positive(s.depth()), positive(s.latent()),
                finite(s.best()), finite(s.mean()), finite(s.sd()))).toList();
        List<RunJson> runs = r.runs().stream().map(run -> new RunJson(run.seed(), run.score(), run.inputs(), positive(run.depth()),
                positive(run.latent()), run.seconds(), run.failure(), run.cuts().stream().map(CutJson::new).toList())).toList();
        StudyJson json = new StudyJson(provenance, new Region(c.sr().variable(), c.sr().low(), c.sr().high()), c.inputSets(), c.epochs(),
                c.huberDelta(), c.seeds(), counts, sum, runs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("study.json").toFile(), json);
        report(r, c, summary).write(dir);
    }

    /** A depth or latent size, or null for "not an architecture scan" (0). */
    private static Integer positive(int v) {
        return v > 0 ? v : null;
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
