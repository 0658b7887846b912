package org.anomalia.gof.study;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.gof.GofJob;
import org.anomalia.gof.GofOptions;
import org.anomalia.gof.Seeds;
import org.anomalia.gof.SampleSplit;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.numerics.UserException;
import org.anomalia.report.HtmlReport;
import org.anomalia.report.Table;

/**
 * {@code anomalia gof tune}: tuning without looking. For every VAE setting of the grid it trains
 * and calibrates the methods on the null samples, then scores the setting by its power at α = 0.05
 * on artificial anomalies (random-direction shifts of given Mahalanobis sizes) — counted only if
 * the setting holds its size (null rejection rate inside the 99 % binomial band) and its held-out
 * calibration (KS p ≥ 0.01). The measured central values are never evaluated: the same pseudo-
 * experiments and anomalies serve every setting, and the result does not change when the data do.
 */
public final class TuneJob {
    public static final String JSON = "tune.json";

    /** One grid point's outcome. */
    /** The settings tuning chose, as tune.json records them. */
    record Chosen(double beta, int latent, int hidden, int epochs) {
    }

    public record Trial(double beta, int latent, int hidden, int epochs, double power, boolean sizeOk, boolean calibrationOk,
                        double sizeRate, double ksP) {
        boolean valid() {
            return sizeOk && calibrationOk;
        }
    }

    private TuneJob() {}

    public static List<Trial> run(GofOptions o, TuneOptions t, PrintStream out) {
        long t0 = System.nanoTime();
        if (!o.hypothesis().isStandardModel()) throw new UserException("gof --np tune: tuning takes the SM as H0; leave out --np");
        boolean builtIn = o.measurement() == null && o.theorySamples() == null;
        GofJob.checkPaths(o, t.out());
        GofProblem problem = GofJob.loadProblem(o, out);
        out.println("anomalia gof tune: seed " + o.seed() + ", " + (t.betas().size() * t.latents().size() * t.hiddens().size() * t.epochs().size())
                + " settings, " + t.pseudoExperiments() + " pseudo-experiments per anomaly (the measured values are not evaluated)");
        double[][] h0Theory;
        if (builtIn) {
            h0Theory = PowerJob.draw(PowerJob.sampler(o, NewPhysics.SM), t.pseudoExperiments(), Seeds.derive(o.seed(), PowerJob.PSEUDO_THEORY_STREAM),
                    problem.observables(), "SM");
        } else {
            int rows = problem.sampleCount();
            if (rows - t.pseudoExperiments() < SampleSplit.MIN_ROWS) {
                throw new UserException("--theory-samples " + o.theorySamples() + ": " + rows + " rows, need " + t.pseudoExperiments()
                        + " held out for --pseudo plus " + SampleSplit.MIN_ROWS + " for training (lower --pseudo or add rows)");
            }
            h0Theory = Arrays.copyOfRange(problem.theorySamples(), rows - t.pseudoExperiments(), rows);
            problem = new GofProblem(problem.observables(), problem.measured(), problem.expCovariance(),
                    Arrays.copyOf(problem.theorySamples(), rows - t.pseudoExperiments()), problem.measurementSource(), problem.theorySource());
        }
        // tuning compares VAE settings; the marginal likelihood has none to tune and would be recomputed for every setting
        problem = new GofProblem(problem.observables(), problem.measured(), problem.expCovariance(), problem.theorySamples(),
                problem.measurementSource(), problem.theorySource());
        double[][] total = Alternatives.totalCovariance(problem.theorySamples(), problem.expCovariance());
        List<Alternative> alternatives = new ArrayList<>();
        for (double s : t.mahalanobis()) alternatives.add(Alternatives.randomDirections(s, total, t.pseudoExperiments(), o.seed()));
        List<Trial> trials = new ArrayList<>();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        for (int epochs : t.epochs()) {
            for (int hidden : t.hiddens()) {
                for (int latent : t.latents()) {
                    for (double beta : t.betas()) {
                        GofOptions setting = new GofOptions(o.samples(), beta, latent, hidden, epochs, o.iwaeK(), o.seed(), o.expCovScale(),
                                o.observables(), o.bins(), o.measurement(), o.theorySamples(), o.out(), o.dropNonFinite(), o.learningRate(), o.clipNorm(),
                                o.hypothesis(), o.method(), o.marginalSamples());
                        CalibratedMethods m = CalibratedMethods.calibrate(problem, List.of(GofJob.vaeModel(setting, problem)), o.seed());
                        PowerResult r = PowerStudy.run(m, h0Theory, problem.expCovariance(), alternatives, o.seed(), quiet);
                        int elbo = m.statisticNames().indexOf("vae_elbo");
                        double ksP = m.calibration(elbo).pValue();
                        double power = 0;
                        for (PowerResult.Point p : r.points()) power += p.atAlpha().get("vae_elbo").rate() / r.points().size();
                        boolean sizeOk = r.size().get("vae_elbo").passed() && r.size().get("vae_iwae").passed();
                        Trial trial = new Trial(beta, latent, hidden, epochs, power, sizeOk, ksP >= 0.01,
                                r.size().get("vae_elbo").observed().rate(), ksP);
                        trials.add(trial);
                        out.printf("beta %s latent %d hidden %d epochs %d: power %.3f, size %.4f (%s), calibration KS p %.3g (%s)%n", beta, latent,
                                hidden, epochs, power, trial.sizeRate(), sizeOk ? "ok" : "FAILED", ksP, trial.calibrationOk() ? "ok" : "FAILED");
                    }
                }
            }
        }
        Trial best = best(trials);
        String description = problem.dimension() + " observables, " + problem.sampleCount() + " theory samples (" + problem.theorySource() + ")";
        StudyOutput.write(t.out(), report(trials, best, t, o, description), JSON, json(trials, best, t, o, description));
        out.println(best == null ? "no setting held its size and calibration; nothing chosen"
                : String.format("chosen: --beta %s --latent %d --hidden %d --epochs %d (power %.3f)", best.beta(), best.latent(), best.hidden(),
                best.epochs(), best.power()));
        out.printf("wrote %s and %s (%.1f s)%n", t.out().resolve("report.html"), t.out().resolve(JSON), (System.nanoTime() - t0) / 1e9);
        return trials;
    }

    /** The most powerful valid setting; among equally powerful ones (within 0.005) the smaller and shorter-trained. */
    static Trial best(List<Trial> trials) {
        Trial best = null;
        for (Trial tr : trials) {
            if (!tr.valid()) continue;
            if (best == null || tr.power() > best.power() + 0.005
                    || (Math.abs(tr.power() - best.power()) <= 0.005 && cost(tr) < cost(best))) {
                best = tr;
            }
        }
        return best;
    }

    private static double cost(Trial t) {
        return (double) t.hidden() * t.hidden() * t.epochs() + t.latent();
    }

    static String json(List<Trial> trials, Trial best, TuneOptions t, GofOptions o, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", description);
        m.put("seed", o.seed());
        m.put("pseudo_experiments", t.pseudoExperiments());
        m.put("mahalanobis", t.mahalanobis());
        m.put("score", "mean rejection rate of vae_elbo at alpha = 0.05 over the anomalies; valid if the size check (vae_elbo, vae_iwae) and the calibration KS (p >= 0.01) pass");
        List<Object> rows = new ArrayList<>();
        for (Trial tr : trials) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("beta", tr.beta());
            e.put("latent", tr.latent());
            e.put("hidden", tr.hidden());
            e.put("epochs", tr.epochs());
            e.put("power", tr.power());
            e.put("size_rate", tr.sizeRate());
            e.put("size_ok", tr.sizeOk());
            e.put("calibration_ks_p", tr.ksP());
            e.put("calibration_ok", tr.calibrationOk());
            rows.add(e);
        }
        m.put("trials", rows);
        m.put("chosen", best == null ? null : new Chosen(best.beta(), best.latent(), best.hidden(), best.epochs()));
        return Json.write(m);
    }

    static HtmlReport report(List<Trial> trials, Trial best, TuneOptions t, GofOptions o, String description) {
        HtmlReport html = new HtmlReport("Anomalia goodness of fit: tuning without looking");
        html.paragraph(String.format("%s; seed %d; each setting scored by the VAE −ELBO's mean power at α = 0.05 on random-direction shifts of "
                + "Mahalanobis size %s (%d pseudo-experiments each), valid only with correct size and calibration. The measured values "
                + "were not evaluated.", description, o.seed(), t.mahalanobis(), t.pseudoExperiments()));
        Table tab = new Table("β", "latent", "hidden", "epochs", "power", "size at α", "size", "calibration KS p", "chosen");
        for (Trial tr : trials) {
            tab.row(tr.beta(), tr.latent(), tr.hidden(), tr.epochs(), String.format("%.3f", tr.power()), String.format("%.4f", tr.sizeRate()),
                    tr.sizeOk() ? "ok" : "FAILED", String.format("%.3g", tr.ksP()), tr == best ? "←" : "");
        }
        html.table(tab);
        return html;
    }
}
