package org.anomalia.gof.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.anomalia.numerics.io.OutputPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.gof.GofJob;
import org.anomalia.gof.GofMethod;
import org.anomalia.gof.GofOptions;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.GofResult;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.numerics.stats.ChiSquared;
import org.anomalia.numerics.stats.KolmogorovSmirnov;
import org.anomalia.report.Figure;
import org.anomalia.report.Histogram;
import org.anomalia.report.HtmlReport;
import org.anomalia.report.Table;

/**
 * Blind analysis. {@code gof --blind} trains and calibrates every method (the marginal likelihood
 * included, over the integration set of the normal run) and reports what does not
 * depend on the measured central values (null distributions, calibration checks, the χ² tail
 * calibration), then writes a lock: the settings, the seed, SHA-256 of every input and a fingerprint
 * of the trained methods. {@code gof --unblind LOCK} re-runs with exactly those settings, refuses
 * (exit 2) if any input or the models differ, and evaluates the data: a normal run with the same seed.
 */
public final class BlindJob {
    public static final String LOCK = "gof.lock.json";
    static final int LOCK_VERSION = 1;

    private BlindJob() {}

    public static void blind(GofOptions o, PrintStream out) {
        long t0 = System.nanoTime();
        GofJob.checkPaths(o, o.out());
        GofProblem problem = GofJob.loadProblem(o, out);
        out.println("anomalia gof --blind: seed " + o.seed() + " (the measured central values are not evaluated)");
        if (o.expCovScale() != 1.0) problem = problem.withExpCovarianceScaled(o.expCovScale());
        Map<String, Map<String, String>> inputs = InputHashes.of(o, problem);
        CalibratedMethods methods = CalibratedMethods.calibrate(problem, List.of(GofJob.learnedModels(o, problem, out)), o.seed());
        String fingerprint = ModelFingerprint.of(methods);
        Map<String, Object> lock = new LinkedHashMap<>();
        lock.put("anomalia_lock", LOCK_VERSION);
        lock.put("status", "BLINDED");
        lock.put("seed", o.seed());
        lock.put("settings", settings(o));
        lock.put("inputs", inputs);
        lock.put("models_sha256", fingerprint);
        lock.put("methods_sha256", ModelFingerprint.perMethod(methods));
        lock.put("threads", Runtime.getRuntime().availableProcessors());
        lock.put("java", System.getProperty("java.version"));
        Map<String, Object> checks = new LinkedHashMap<>();
        for (int k = 0; k < methods.statisticNames().size(); k++) {
            KolmogorovSmirnov.Result ks = methods.calibration(k);
            checks.put(methods.statisticNames().get(k) + "_calibration_ks", new CalibrationCheck(ks.statistic(), ks.pValue(), ks.n()));
        }
        lock.put("blind_checks", checks);
        StudyOutput.write(o.out(), report(o, problem, methods, fingerprint), LOCK, Json.write(lock));
        out.printf("BLINDED: wrote %s and %s (%.1f s); unblind with: anomalia gof --unblind %s%n", o.out().resolve("report.html"),
                o.out().resolve(LOCK), (System.nanoTime() - t0) / 1e9, o.out().resolve(LOCK));
    }

    /** A statistic's calibration on the blinded toys: the Kolmogorov-Smirnov statistic of its p-values against uniform, and its p-value. */
    record CalibrationCheck(double statistic, @JsonProperty("p_value") double pValue, int n) {
    }

    static Map<String, Object> settings(GofOptions o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("samples", o.samples());
        s.put("beta", o.beta());
        s.put("latent", o.latent());
        s.put("hidden", o.hidden());
        s.put("epochs", o.epochs());
        s.put("iwae_k", o.iwaeK());
        s.put("seed", o.seed());
        s.put("exp_cov_scale", o.expCovScale());
        s.put("observables", o.observables());
        s.put("bins", o.bins());
        s.put("measurement", o.measurement() == null ? null : o.measurement().toAbsolutePath().toString());
        s.put("theory_samples", o.theorySamples() == null ? null : o.theorySamples().toAbsolutePath().toString());
        s.put("drop_nonfinite", o.dropNonFinite());
        s.put("learning_rate", o.learningRate());
        s.put("clip_norm", o.clipNorm());
        s.put("hypothesis", o.hypothesis().toString());
        s.put("method", o.method().key());
        s.put("marginal_samples", o.marginalSamples());
        return s;
    }

    /** The locked settings, written to {@code out}. */
    static GofOptions options(JsonNode s, Path out) {
        List<String> obs = new ArrayList<>(), bins = new ArrayList<>();
        s.get("observables").forEach(n -> obs.add(n.asText()));
        s.get("bins").forEach(n -> bins.add(n.asText()));
        // the defaults stand for "not given" (a --measurement file is then used whole), as in the blind run
        List<String> lockedObs = obs.equals(GofOptions.DEFAULT_OBSERVABLES) ? GofOptions.DEFAULT_OBSERVABLES : obs;
        List<String> lockedBins = bins.equals(GofOptions.DEFAULT_BINS) ? GofOptions.DEFAULT_BINS : bins;
        return new GofOptions(s.get("samples").isNull() ? null : s.get("samples").asInt(), s.get("beta").asDouble(), s.get("latent").asInt(),
                s.get("hidden").asInt(), s.get("epochs").asInt(), s.get("iwae_k").asInt(), s.get("seed").asLong(), s.get("exp_cov_scale").asDouble(),
                lockedObs, lockedBins, s.get("measurement").isNull() ? null : Path.of(s.get("measurement").asText()),
                s.get("theory_samples").isNull() ? null : Path.of(s.get("theory_samples").asText()), out, s.get("drop_nonfinite").asBoolean(),
                s.get("learning_rate").asDouble(), s.get("clip_norm").asDouble(),
                s.has("hypothesis") && !s.get("hypothesis").asText().equals("SM") ? NewPhysics.parse(s.get("hypothesis").asText()) : NewPhysics.SM,
                s.has("method") ? GofMethod.parse(s.get("method").asText()) : GofMethod.AUTO,
                s.has("marginal_samples") && !s.get("marginal_samples").isNull() ? s.get("marginal_samples").asInt() : null);
    }

    /** Reads the lock and runs the normal analysis with its settings, refusing if inputs or models changed. */
    public static GofResult unblind(Path lockFile, Path out, PrintStream log) {
        JsonNode lock;
        try {
            OutputPaths.checkInput(lockFile, "--unblind");
            lock = new ObjectMapper().readTree(Files.readString(lockFile));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserException("--unblind " + lockFile + ": not a gof lock file (not JSON); give the gof.lock.json of a --blind run");
        } catch (IOException e) {
            throw new UserException("--unblind " + lockFile + ": cannot read the lock file (" + e.getMessage() + "); give the gof.lock.json of a --blind run");
        }
        if (lock == null || !lock.has("anomalia_lock") || !lock.has("settings") || !lock.has("inputs") || !lock.has("models_sha256")) {
            throw new UserException("--unblind " + lockFile + ": not a gof lock file (write one with gof --blind)");
        }
        GofOptions o;
        try {
            o = options(lock.get("settings"), out);
        } catch (RuntimeException e) {
            if (e instanceof UserException u) throw u;
            throw new UserException("--unblind " + lockFile + ": the settings in the lock are incomplete or damaged; re-run gof --blind");
        }
        GofJob.checkPaths(o, out); // the locked inputs and --out, before the first line
        log.println("anomalia gof --unblind " + lockFile + ": the locked settings and seed " + o.seed() + " (other options are ignored)");
        JsonNode inputs = lock.get("inputs");
        String models = lock.get("models_sha256").asText();
        GofJob.Extension check = new GofJob.Extension() {
            @Override public void validate(GofProblem problem) {
                Map<String, Map<String, String>> now = InputHashes.of(o, problem);
                for (Map.Entry<String, Map<String, String>> e : now.entrySet()) {
                    JsonNode then = inputs.get(e.getKey());
                    String was = then == null ? "(none)" : then.get("sha256").asText();
                    if (!was.equals(e.getValue().get("sha256"))) {
                        throw new UserException("--unblind " + lockFile + ": " + e.getKey().replace('_', ' ') + " " + e.getValue().get("source")
                                + " changed since the blind run (sha256 " + e.getValue().get("sha256").substring(0, 12) + "…, locked "
                                + was.substring(0, Math.min(12, was.length())) + "…); restore it or re-run gof --blind");
                    }
                }
            }

            @Override public void afterAnalysis(GofProblem problem, GofResult result, PrintStream out) {
                JsonNode locked = lock.get("methods_sha256");
                if (locked == null) { // a lock without per-method hashes: the whole set must match
                    String now = ModelFingerprint.of(result);
                    if (!now.equals(models)) throw differ("the retrained methods differ", now, models);
                } else {
                    for (Map.Entry<String, String> e : ModelFingerprint.perMethod(result).entrySet()) {
                        String was = locked.has(e.getKey()) ? locked.get(e.getKey()).asText() : "(none)";
                        if (!was.equals(e.getValue())) throw differ("the retrained method " + e.getKey() + " differs", e.getValue(), was);
                    }
                }
                out.println("UNBLINDED: inputs and trained methods identical to the blind run (models sha256 " + models.substring(0, 12) + "…)");
            }

            private UserException differ(String what, String now, String was) {
                return new UserException("--unblind " + lockFile + ": " + what + " from what the blind run locked (fingerprint "
                        + now.substring(0, Math.min(12, now.length())) + "…, locked " + was.substring(0, Math.min(12, was.length()))
                        + "…); unblind on the machine and thread count of the blind run");
            }

            @Override public void write(Path outDir, PrintStream out) {
                // the report carries the status (banner); the lock is copied beside it for the record
                String lock;
                try {
                    lock = Files.readString(lockFile);
                } catch (IOException e) {
                    throw new UserException("--unblind " + lockFile + ": cannot read (" + e.getMessage() + ")");
                }
                AtomicOutput.string(outDir.resolve("unblinded_with." + LOCK), lock);
            }

            @Override public String banner() {
                return "UNBLINDED with lock " + lockFile + " (models sha256 " + models.substring(0, 12) + "…): same settings, seed, inputs and trained methods as the blind run.";
            }
        };
        return GofJob.run(o, log, check);
    }

    static HtmlReport report(GofOptions o, GofProblem problem, CalibratedMethods m, String fingerprint) {
        HtmlReport html = new HtmlReport("Anomalia goodness of fit — BLINDED");
        html.paragraph(String.format("BLINDED: %d observables, %d theory samples (%s), measurement covariance of %s, seed %d. Everything below is "
                + "computed without the measured central values; the lock %s holds the settings, the SHA-256 of every input and the "
                + "methods' fingerprint %s…", problem.dimension(), problem.sampleCount(), problem.theorySource(), problem.measurementSource(),
                o.seed(), LOCK, fingerprint.substring(0, 12)));
        Table t = new Table("method", "null samples", "calibration KS D", "KS p-value", "check");
        double[] chi2 = m.chi2NullValues();
        t.row("χ² (Monte Carlo null)", chi2.length, "–", "–", "–");
        for (int k = 0; k < m.statisticNames().size(); k++) {
            KolmogorovSmirnov.Result ks = m.calibration(k);
            t.row(m.labels().get(m.statisticNames().get(k)), m.nullValues(k).length, String.format("%.4f", ks.statistic()),
                    String.format("%.3g", ks.pValue()), ks.pValue() >= 0.01 ? "ok" : "FAILED");
        }
        html.heading("Calibration").table(t);
        if (m.marginal() != null) {
            double[] ess = m.marginal().essNull().clone();
            java.util.Arrays.sort(ess);
            html.paragraph(String.format("The marginal likelihood averages over %d integration samples (%s); its effective sample size over the "
                    + "%d null points: median %.1f, 5 %% quantile %.1f. Its adequacy at the data (ESS there and in the tail beyond it) is "
                    + "decided when unblinding.", m.marginal().likelihood().integrationSize(), problem.integrationSource(), ess.length,
                    ess[ess.length / 2], ess[(int) Math.round(0.05 * (ess.length - 1))]));
        }
        Table tails = new Table("nominal tail", "χ² critical", "observed fraction");
        for (double a : new double[] {0.1, 0.01, 0.001}) {
            double crit = ChiSquared.inverseSurvival(a, problem.dimension());
            long k = 0;
            for (double v : chi2) if (v >= crit) k++;
            tails.row(String.format("%.3g", a), String.format("%.2f", crit), String.format("%.4g", (double) k / chi2.length));
        }
        html.heading("χ²(n) tail calibration on the smeared theory samples").table(tails);
        html.figure(Figure.xy("χ² of smeared null samples", "χ²", "density").histogram("Monte Carlo", Histogram.of(chi2, 60), true),
                "blind_chi2.png", "Monte Carlo null distribution of χ² (no data marker: blinded).");
        for (int k = 0; k < m.statisticNames().size(); k++) {
            String name = m.statisticNames().get(k);
            html.figure(Figure.xy(m.labels().get(name) + " on the test split", m.labels().get(name), "density")
                    .histogram("null", Histogram.of(m.nullValues(k), 60), true), "blind_null_" + name + ".png",
                    "Null distribution of " + m.labels().get(name) + " (no data marker: blinded).");
        }
        return html;
    }
}
