package org.anomalia.gof;

import org.anomalia.data.measurement.ObservableNames;
import org.anomalia.numerics.io.OutputPaths;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.measurement.Measurement;
import org.anomalia.data.measurement.MeasurementReader;
import org.anomalia.gof.input.BuiltInInput;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.input.TheorySamplesFile;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.CombinedNullModel;
import org.anomalia.gof.nullmodel.FlowNullModel;
import org.anomalia.gof.nullmodel.VaeNullModel;
import org.anomalia.gof.output.GofOutput;
import org.anomalia.gof.output.GofSummary;
import org.anomalia.numerics.UserException;

/**
 * The main job {@code anomalia gof}: gather the measurement and theory samples (built in or from
 * files) and the marginal likelihood's integration set (further engine draws, or rows of the file set
 * aside), run the analysis with the marginal likelihood and the learned null models, print the
 * summary with the headline answer and write the report.
 */
public final class GofJob {
    private GofJob() {}

    /** Runs everything; user errors surface as UserException before any output is written. */
    public static GofResult run(GofOptions o, PrintStream out) {
        return run(o, out, null);
    }

    /**
     * A further study of the same run (for example the covariance-uncertainty draws): computed after
     * the analysis and before anything is written, written after the main output.
     */
    public interface Extension {
        /** Checks its settings against the problem before any work starts. */
        void validate(GofProblem problem);

        void afterAnalysis(GofProblem problem, GofResult result, PrintStream out);

        void write(Path outDir, PrintStream out);

        /** A status line shown at the top of the report (for example UNBLINDED), or null. */
        default String banner() {
            return null;
        }
    }

    /** @param extension a study run on the same problem and seed, or null */
    public static GofResult run(GofOptions o, PrintStream out, Extension extension) {
        long t0 = System.nanoTime();
        checkPaths(o, o.out());
        GofProblem problem = loadProblem(o, out); // every input checked before the first line is printed
        double sampling = (System.nanoTime() - t0) / 1e9;
        out.println("anomalia gof: seed " + o.seed() + (o.expCovScale() != 1.0 ? ", experimental covariance x " + o.expCovScale() : ""));
        if (o.expCovScale() != 1.0) problem = problem.withExpCovarianceScaled(o.expCovScale());
        out.printf("%d observables, %d theory samples (%s)%n", problem.dimension(), problem.sampleCount(), problem.theorySource());
        if (problem.hasIntegrationSamples()) {
            out.printf("marginal likelihood over %d integration samples: %s%n", problem.integrationSamples().length, problem.integrationSource());
        }
        if (extension != null) extension.validate(problem);
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("sampling", sampling);
        GofProblem p = problem;
        GofResult r = GofAnalysis.run(problem, marginal -> learnedModels(o, p, out, trainsFlow(o.method())), o.seed(), o.expCovScale(), seconds, o.method());
        out.println();
        out.print(GofSummary.table(r).toText());
        for (String line : GofSummary.checks(r)) out.println(line);
        out.println(GofSummary.headline(r));
        if (extension != null) extension.afterAnalysis(problem, r, out);
        GofOutput.write(r, o.out(), extension == null ? null : extension.banner());
        if (extension != null) extension.write(o.out(), out);
        out.printf("wrote %s and %s (%.1f s)%n", o.out().resolve("report.html"), o.out().resolve("results.json"), (System.nanoTime() - t0) / 1e9);
        return r;
    }

    /**
     * Checks the input files and the output directory before any work: a missing or unreadable input,
     * a directory given as a file, or an --out that cannot be written stops the run at once.
     */
    public static void checkPaths(GofOptions o, Path out) {
        if (o.measurement() != null) OutputPaths.checkInput(o.measurement(), "--measurement");
        if (o.theorySamples() != null) OutputPaths.checkInput(o.theorySamples(), "--theory-samples");
        OutputPaths.checkDirectory(out, "--out");
    }

    /** Measurement and theory samples matched by observable name. */
    public static GofProblem loadProblem(GofOptions o, PrintStream out) {
        if (!o.hypothesis().isStandardModel() && (o.measurement() != null || o.theorySamples() != null)) {
            throw new UserException("--np " + o.hypothesis() + " needs the built-in flavour engine; with --theory-samples give samples drawn at that point instead");
        }
        if (o.measurement() == null || o.theorySamples() == null) {
            if (o.measurement() != null || o.theorySamples() != null) {
                throw new UserException("--measurement and --theory-samples go together (or leave both out for the built-in LHCb 2020 case)");
            }
            int n = o.samples() == null ? GofOptions.DEFAULT_SAMPLES : o.samples();
            int m = o.marginalSamples() == null ? GofOptions.DEFAULT_MARGINAL_SAMPLES : o.marginalSamples();
            return BuiltInInput.problem(o.observables(), o.bins(), n, Seeds.derive(o.seed(), Seeds.THEORY), o.dropNonFinite(), o.hypothesis(),
                    m, Seeds.derive(o.seed(), Seeds.MARGINAL), GofOptions.trainingSamples(n), Seeds.derive(o.seed(), Seeds.TRAINING_SAMPLES), out);
        }
        Measurement m = MeasurementReader.read(o.measurement());
        if (selectsFromFile(o)) {
            int all = m.size();
            m = m.select(ObservableNames.select(m, selectionKeys(o), "--observables/--bins"));
            out.println("selected " + m.size() + " of the " + all + " values of " + o.measurement() + " (--observables/--bins)");
        }
        TheorySamplesFile.Samples s = TheorySamplesFile.read(o.theorySamples(), m.observables(), o.dropNonFinite());
        if (s.droppedNonFinite() > 0) out.println("dropped " + s.droppedNonFinite() + " rows with non-finite values from " + o.theorySamples());
        double[][] rows = s.rows();
        if (o.samples() != null && o.samples() < rows.length) rows = java.util.Arrays.copyOf(rows, o.samples());
        IntegrationSplit split = IntegrationSplit.of(rows, o.marginalSamples(), Seeds.derive(o.seed(), Seeds.MARGINAL), o.theorySamples().toString());
        if (split == null) {
            // with fewer rows than the split needs the analysis stops with its own message
            if (rows.length >= SampleSplit.MIN_ROWS) {
                out.println("no marginal likelihood: " + rows.length + " rows leave none for its integration set beside the " + SampleSplit.MIN_ROWS + " the null samples need");
            }
            return new GofProblem(m.observables(), m.central(), m.covariance(), rows, o.measurement().toString(), s.source());
        }
        return new GofProblem(m.observables(), m.central(), m.covariance(), split.pipeline(), o.measurement().toString(), s.source())
                .withIntegrationSamples(split.integration(), split.description());
    }

    /**
     * Whether --observables or --bins was given: the options then hold lists of their own, not the
     * {@link GofOptions#DEFAULT_OBSERVABLES}/{@link GofOptions#DEFAULT_BINS} instances. A --measurement
     * file is narrowed to them; without them it is used whole.
     */
    static boolean selectsFromFile(GofOptions o) {
        return o.observables() != GofOptions.DEFAULT_OBSERVABLES || o.bins() != GofOptions.DEFAULT_BINS;
    }

    /** The canonical keys (e.g. FL_1.1_2.5) of --observables × --bins, bin-major like the built-in input. */
    static List<String> selectionKeys(GofOptions o) {
        List<String> keys = new java.util.ArrayList<>();
        for (String b : o.bins()) {
            int sep = b.indexOf('-', 1);
            double lo, hi;
            try {
                lo = Double.parseDouble(b.substring(0, sep).strip());
                hi = Double.parseDouble(b.substring(sep + 1).strip());
            } catch (RuntimeException e) {
                throw new UserException("--bins " + b + ": expected LOW-HIGH, e.g. 1.1-2.5");
            }
            for (String obs : o.observables()) keys.add(ObservableNames.canonical(obs, lo, hi));
        }
        return keys;
    }

    /**
     * Whether a run with this method trains the flow beside the VAE: {@code --method flow}, and auto always —
     * where the marginal likelihood is adequate the flow's null distribution is a cross-check of it (shown in
     * the report), where it is not the flow may be the headline. With {@code --method vae} or {@code marginal}
     * the VAE alone is trained (the cross-check then rests on it). The blind run trains the same models.
     */
    public static boolean trainsFlow(GofMethod method) {
        return method == GofMethod.FLOW || method == GofMethod.AUTO;
    }

    /**
     * The learned null models of the method ({@link #trainsFlow}): the VAE, and the flow beside it on the
     * other core; retries after a divergence are printed as WARNING lines.
     */
    public static NullModel learnedModels(GofOptions o, GofProblem problem, PrintStream out) {
        return learnedModels(o, problem, out, trainsFlow(o.method()));
    }

    /** @param withFlow also train the flow */
    public static NullModel learnedModels(GofOptions o, GofProblem problem, PrintStream out, boolean withFlow) {
        int flowEpochs = epochs(FlowNullModel.EPOCHS, problem);
        if (problem.trainingSampleCount() > 0) {
            out.printf("learned models: %d training rows (the split's %d + %d training-only draws), %d epochs for the VAE%s"
                            + " (the gradient steps of %d%s on the split's rows alone; the VAE at least %d)%n", splitTrainRows(problem) + problem.trainingSampleCount(),
                    splitTrainRows(problem), problem.trainingSampleCount(), vaeEpochs(o.epochs(), problem), withFlow ? ", " + flowEpochs + " for the flow" : "",
                    o.epochs(), withFlow ? " and " + FlowNullModel.EPOCHS : "", Math.min(o.epochs(), MIN_VAE_EPOCHS));
        }
        List<NullModel> models = withFlow
                ? List.of(vaeModel(o, problem), new FlowNullModel(FlowNullModel.defaults(o.learningRate(), o.clipNorm(), true, flowEpochs),
                        problem.expCovariance()))
                : List.of(vaeModel(o, problem));
        return new CombinedNullModel(models, note -> out.println("WARNING: " + note));
    }

    /** The VAE null model with the options' architecture and training settings, on Λexp-whitened coordinates. */
    public static NullModel vaeModel(GofOptions o, GofProblem problem) {
        return new VaeNullModel(new VaeNullModel.Settings(o.hidden(), VaeNullModel.LAYERS, o.latent(), o.beta(), vaeEpochs(o.epochs(), problem),
                VaeNullModel.BATCH_SIZE, o.learningRate(), o.iwaeK(), true, o.clipNorm()), problem.expCovariance());
    }

    /**
     * Epochs over the learned models' training rows that make as many gradient steps as {@code epochs} passes over the
     * split's training rows alone: training-only draws add variety, not steps (with 15× the rows, a fifteenth of the epochs:
     * VAE 40 → 3, flow 60 → 4), so the job costs what it did while the models see fifteen times as many distinct rows.
     * Measured on LHCb (gof README, "the learned models' seed-to-seed spread"): the flow's p moved by ±0.05 between seeds
     * on the split's 6 000 rows (its validation loss lowest by epoch 3–5 of 60, then overfitting), by ±0.011 on 90 000.
     */
    static int epochs(int epochs, GofProblem problem) {
        if (problem.trainingSampleCount() == 0) return epochs;
        int split = splitTrainRows(problem);
        return Math.max(1, (int) Math.round((double) epochs * split / (split + problem.trainingSampleCount())));
    }

    /**
     * The fewest epochs the VAE trains ({@link #vaeEpochs}). Over the built-in input's 90 000 rows the same-steps rule gives it 3,
     * and its validation loss still falls at the last of them; 8 cut its p's seed-to-seed spread against a common null on
     * LHCb from 0.011 to 0.0066 over seeds 1–5 (gof README, "the learned models' seed-to-seed spread") for ≈ 4 CPU-s more.
     * The flow gained nothing from 8 epochs there (0.011 → 0.013) and keeps the rule.
     */
    static final int MIN_VAE_EPOCHS = 8;

    /** The VAE's epochs: {@link #epochs}, but at least {@link #MIN_VAE_EPOCHS} and never more than {@code epochs} asked for. */
    static int vaeEpochs(int epochs, GofProblem problem) {
        return Math.min(epochs, Math.max(MIN_VAE_EPOCHS, epochs(epochs, problem)));
    }

    private static int splitTrainRows(GofProblem problem) {
        return SampleSplit.trainRows(problem.sampleCount());
    }

    /** Default output directory. */
    public static final Path DEFAULT_OUT = Path.of("anomalia-out", "gof");
}
