package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.gof.GofJob;
import org.anomalia.gof.GofMethod;
import org.anomalia.gof.GofOptions;
import org.anomalia.gof.study.BlindJob;
import org.anomalia.gof.study.CovarianceUncertainty;
import org.anomalia.numerics.UserException;
import org.anomalia.gof.study.CovarianceUncertaintyJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code anomalia gof}: goodness of fit of measurements against theory samples, the main job. */
@Command(name = "gof", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {GofPowerCommand.class, GofProfileCommand.class, GofTuneCommand.class},
        header = "Goodness of fit of measurements against theory: chi2 and non-Gaussian p-values.",
        description = {"Goodness of fit: Gaussian chi2, exact marginal-likelihood and VAE p-values of measurements against theory samples.",
                "Without options: LHCb 2020 B0->K*0mumu (32 observables) against the Standard Model."})
final class GofCommand implements Runnable {
    // Defaults come from gof's constants (GofOptions, CovarianceUncertaintyJob) as constant expressions, so the help text
    // and the job cannot disagree; --clip's is shown as a whole number (GofCommandDefaultsTest checks it parses back exactly).
    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--samples", paramLabel = "N", description = "Theory samples to draw (built-in, default " + GofOptions.DEFAULT_SAMPLES + ") or to use at most (file; default all its rows).")
    Integer samples;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--epochs", defaultValue = "" + GofOptions.DEFAULT_EPOCHS, description = "VAE training epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--beta", defaultValue = "" + GofOptions.DEFAULT_BETA, description = "Weight of the KL term in the training loss (default ${DEFAULT-VALUE}).")
    double beta;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--latent", defaultValue = "" + GofOptions.DEFAULT_LATENT, description = "VAE latent dimension (default ${DEFAULT-VALUE}).")
    int latent;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--hidden", defaultValue = "" + GofOptions.DEFAULT_HIDDEN, description = "Width of the VAE hidden layers (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--lr", defaultValue = "" + GofOptions.DEFAULT_LEARNING_RATE, paramLabel = "RATE",
            description = "Adam's starting learning rate of the learned null models (cosine-annealed; default ${DEFAULT-VALUE})."
                    + " A diverged run is retried at a tenth of it, twice at most, and the summary says so.")
    double lr;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--clip", defaultValue = "" + (long) GofOptions.DEFAULT_CLIP_NORM, paramLabel = "NORM",
            description = "Global gradient-norm clip of the learned null models' training (0: none; default ${DEFAULT-VALUE}).")
    double clip;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--iwae-k", defaultValue = "" + GofOptions.DEFAULT_IWAE_K, paramLabel = "K",
            description = "Draws per row for the -ELBO average and the importance-weighted bound (default ${DEFAULT-VALUE}).")
    int iwaeK;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--seed", defaultValue = "" + GofOptions.DEFAULT_SEED, description = "Seed of every random step (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--exp-cov-scale", defaultValue = "" + GofOptions.DEFAULT_EXP_COV_SCALE, paramLabel = "S",
            description = "Multiply the experimental covariance by S (future precision: S < 1; default ${DEFAULT-VALUE}).")
    double expCovScale;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--observables", split = ",", paramLabel = "NAME",
            description = "Observables of the built-in measurement, or selected from a --measurement file (default FL,P1,P2,P3,P4p,P5p,P6p,P8p;"
                    + " a file is used whole unless --observables or --bins is given).")
    List<String> observables = GofOptions.DEFAULT_OBSERVABLES;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--bins", split = ",", paramLabel = "LO-HI",
            description = "q2 bins in GeV2, of the built-in measurement or selected from a --measurement file (default 1.1-2.5,2.5-4,4-6,6-8; high q2: 15-17,17-19).")
    List<String> bins = GofOptions.DEFAULT_BINS;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--measurement", paramLabel = "FILE",
            description = "Measurement (JSON/YAML {observables, central, covariance | errors+correlation}, or flavio YAML).")
    Path measurement;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--theory-samples", paramLabel = "FILE",
            description = "Theory samples x(nu), not smeared: CSV with one column per observable, one row per draw; columns named like the"
                    + " measurement or as 'bsll sample' writes them (FL_1.1_2.5 = <FL>(B0->K*mumu)[1.1,2.5]).")
    Path theorySamples;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--drop-nonfinite", description = "Skip theory-sample rows with NaN or infinite values instead of stopping.")
    boolean dropNonFinite;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--method", defaultValue = "auto", paramLabel = "auto|marginal|flow|vae",
            description = {"Statistic of the headline p-value (default ${DEFAULT-VALUE}): the exact marginal likelihood where its effective sample size",
                    "is adequate, else the learned model; marginal, flow (trains a flow beside the VAE) or vae take that one."})
    String method;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--marginal-samples", paramLabel = "M",
            description = {"Integration set of the marginal likelihood: further theory draws (built-in, default " + GofOptions.DEFAULT_MARGINAL_SAMPLES + ")",
                    "or rows of the --theory-samples file set aside for it (default half of them; the rest make the null samples)."})
    Integer marginalSamples;

    @Option(scope = CommandLine.ScopeType.INHERIT, names = "--out", paramLabel = "DIR", description = "Output directory (default anomalia-out/gof).")
    Path out = GofJob.DEFAULT_OUT;

    @Option(names = "--cov-uncertainty", paramLabel = "wishart:DOF|lkj:ETA", scope = CommandLine.ScopeType.LOCAL,
            description = {"Also re-run the analysis over drawn experimental covariances: Wishart around Lambda_exp with DOF degrees of freedom,",
                    "or the published errors with correlations scattered around the published ones by LKJ(ETA) (the published zeros become uncertain)."})
    String covUncertainty;

    @Option(names = "--cov-draws", defaultValue = "" + CovarianceUncertaintyJob.DEFAULT_DRAWS, paramLabel = "N", scope = CommandLine.ScopeType.LOCAL,
            description = "Covariance draws for --cov-uncertainty (default ${DEFAULT-VALUE}; each re-trains the null models).")
    int covDraws;

    @Option(names = "--np", paramLabel = "C=V[,C=V]",
            description = "Test this new-physics point instead of the SM (built-in input), e.g. C9=-1 or C9=-1,C10=0.5.")
    String np;

    @Option(names = "--blind",
            description = "Train and calibrate every method without evaluating the measured central values; write gof.lock.json (settings, seed, input hashes, model fingerprint).")
    boolean blind;

    @Option(names = "--unblind", paramLabel = "LOCK",
            description = "Evaluate the data with exactly the settings and models of a --blind run; refuses (exit 2) if any input changed.")
    Path unblind;

    /** The options as given (subcommands inherit them: the values land in these fields). */
    GofOptions options() {
        return new GofOptions(samples, beta, latent, hidden, epochs, iwaeK, seed, expCovScale, observables, bins,
                measurement, theorySamples, out, dropNonFinite, lr, clip, NewPhysics.parse(np), GofMethod.parse(method), marginalSamples);
    }

    @Override
    public void run() {
        if (blind && unblind != null) throw new UserException("--blind and --unblind exclude each other: run --blind first, then --unblind with its lock");
        if ((blind || unblind != null) && covUncertainty != null) throw new UserException("--cov-uncertainty does not combine with --blind/--unblind; run it separately");
        if (unblind != null) {
            BlindJob.unblind(unblind, out, System.out);
            return;
        }
        GofOptions o = options();
        if (blind) {
            BlindJob.blind(o, System.out);
            return;
        }
        CovarianceUncertaintyJob cov = covUncertainty == null ? null
                : new CovarianceUncertaintyJob(o, CovarianceUncertainty.parse(covUncertainty), covDraws);
        GofJob.run(o, System.out, cov);
    }
}
