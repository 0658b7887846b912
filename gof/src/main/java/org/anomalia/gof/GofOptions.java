package org.anomalia.gof;

import java.nio.file.Path;
import java.util.List;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.gof.nullmodel.VaeNullModel;
import org.anomalia.numerics.UserException;

/**
 * The knobs of one goodness-of-fit run (the CLI options of {@code anomalia gof}).
 *
 * @param iwaeK         draws per row for both the −ELBO average and the importance-weighted bound
 * @param samples       theory samples to draw (built-in) or to use at most (file input); null = default / all rows
 * @param observables   built-in observables (e.g. FL, P5p)
 * @param bins          built-in q² bins as "lo-hi"
 * @param measurement   generic measurement file, or null for the bundled LHCb 2020 measurement
 * @param theorySamples theory sample file, or null for the built-in flavour engine
 * @param learningRate  Adam's starting learning rate for the learned null models
 * @param clipNorm      global gradient-norm clip of their training (0: none)
 * @param hypothesis    the hypothesis H tested (built-in input): the SM or a new-physics point of the flavour engine
 * @param method        which statistic gives the headline p-value (auto: see {@link Headline})
 * @param marginalSamples size M of the marginal likelihood's integration set: further engine draws (built-in;
 *                      null = {@link #DEFAULT_MARGINAL_SAMPLES}) or rows of the sample file set aside (null = half of them)
 */
public record GofOptions(Integer samples, double beta, int latent, int hidden, int epochs, int iwaeK, long seed,
                         double expCovScale, List<String> observables, List<String> bins, Path measurement, Path theorySamples,
                         Path out, boolean dropNonFinite, double learningRate, double clipNorm, NewPhysics hypothesis,
                         GofMethod method, Integer marginalSamples) {

    /*
     * The defaults of anomalia gof, in one place: the CLI shows and applies these (its picocli defaultValue strings are
     * built from them as constant expressions), and the job's code reads them from here.
     */
    public static final int DEFAULT_EPOCHS = 40;
    public static final double DEFAULT_BETA = 1.0;
    public static final int DEFAULT_LATENT = 8;
    public static final int DEFAULT_HIDDEN = 64;
    public static final double DEFAULT_LEARNING_RATE = VaeNullModel.LEARNING_RATE;
    public static final double DEFAULT_CLIP_NORM = VaeNullModel.CLIP_NORM;
    public static final int DEFAULT_IWAE_K = 16;
    public static final long DEFAULT_SEED = 1;
    public static final double DEFAULT_EXP_COV_SCALE = 1.0;
    public static final int DEFAULT_SAMPLES = 10_000;
    /** Built-in integration set: chosen by the convergence study in the gof README. */
    public static final int DEFAULT_MARGINAL_SAMPLES = 300_000;
    /**
     * Built-in input: training-only draws for the learned models per theory sample, 8.4 (84 000 beside the default 10 000,
     * so the VAE and the flow train on 90 000 rows instead of the split's 6 000). Measured on LHCb (gof README, "the learned
     * models' seed-to-seed spread"): the flow's p against a common null moved by 0.0145 (sd over seeds 1–5) on 30 000 rows
     * (2.4), by 0.011 on 90 000; in the job, 0.023 and 0.011 against its binomial 95 % half-width of 0.013–0.014. 150 000 rows
     * (14.4) gave no less (0.011) for 60 000 more engine draws.
     */
    public static final double TRAINING_SAMPLES_PER_SAMPLE = 8.4;
    public static final List<String> DEFAULT_OBSERVABLES = List.of("FL", "P1", "P2", "P3", "P4p", "P5p", "P6p", "P8p");
    public static final List<String> DEFAULT_BINS = List.of("1.1-2.5", "2.5-4", "4-6", "6-8");

    /** The built-in input's training-only draws beside n theory samples ({@link #TRAINING_SAMPLES_PER_SAMPLE}). */
    public static int trainingSamples(int n) {
        return (int) Math.round(TRAINING_SAMPLES_PER_SAMPLE * n);
    }

    public GofOptions {
        if (samples != null && samples < 1) throw new UserException("--samples must be positive, got " + samples);
        if (!(beta > 0) || !Double.isFinite(beta)) throw new UserException("--beta must be a positive number, got " + beta);
        if (latent < 1) throw new UserException("--latent must be at least 1, got " + latent);
        if (hidden < 1) throw new UserException("--hidden must be at least 1, got " + hidden);
        if (epochs < 1) throw new UserException("--epochs must be at least 1, got " + epochs);
        if (iwaeK < 1) throw new UserException("--iwae-k must be at least 1, got " + iwaeK);
        if (!(expCovScale > 0) || !Double.isFinite(expCovScale)) throw new UserException("--exp-cov-scale must be a positive number, got " + expCovScale);
        if (!(learningRate > 0) || !Double.isFinite(learningRate) || learningRate > 1) {
            throw new UserException("--lr must be a number in (0, 1], got " + learningRate + " (default " + VaeNullModel.LEARNING_RATE + ")");
        }
        if (!(clipNorm >= 0) || !Double.isFinite(clipNorm)) {
            throw new UserException("--clip must be a non-negative number (0 turns clipping off), got " + clipNorm);
        }
        if (marginalSamples != null && marginalSamples < 1) throw new UserException("--marginal-samples must be positive, got " + marginalSamples);
        observables = List.copyOf(observables);
        bins = List.copyOf(bins);
        hypothesis = hypothesis == null ? NewPhysics.SM : hypothesis;
        method = method == null ? GofMethod.AUTO : method;
    }

    /** With the default method (auto) and integration set. */
    public GofOptions(Integer samples, double beta, int latent, int hidden, int epochs, int iwaeK, long seed, double expCovScale,
                      List<String> observables, List<String> bins, Path measurement, Path theorySamples, Path out, boolean dropNonFinite,
                      double learningRate, double clipNorm, NewPhysics hypothesis) {
        this(samples, beta, latent, hidden, epochs, iwaeK, seed, expCovScale, observables, bins, measurement, theorySamples, out, dropNonFinite,
                learningRate, clipNorm, hypothesis, GofMethod.AUTO, null);
    }


    /** With the default learning rate and gradient clip. */
    public GofOptions(Integer samples, double beta, int latent, int hidden, int epochs, int iwaeK, long seed, double expCovScale,
                      List<String> observables, List<String> bins, Path measurement, Path theorySamples, Path out, boolean dropNonFinite) {
        this(samples, beta, latent, hidden, epochs, iwaeK, seed, expCovScale, observables, bins, measurement, theorySamples, out, dropNonFinite,
                VaeNullModel.LEARNING_RATE, VaeNullModel.CLIP_NORM);
    }

    /** Against the Standard Model (the constructor before hypotheses existed). */
    public GofOptions(Integer samples, double beta, int latent, int hidden, int epochs, int iwaeK, long seed, double expCovScale,
                      List<String> observables, List<String> bins, Path measurement, Path theorySamples, Path out, boolean dropNonFinite,
                      double learningRate, double clipNorm) {
        this(samples, beta, latent, hidden, epochs, iwaeK, seed, expCovScale, observables, bins, measurement, theorySamples, out, dropNonFinite,
                learningRate, clipNorm, NewPhysics.SM);
    }
}
