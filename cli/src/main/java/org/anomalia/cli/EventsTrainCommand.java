package org.anomalia.cli;

import org.anomalia.numerics.io.OutputPaths;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.scores.AnomalyScoreModel;
import org.anomalia.events.scores.ScoreKind;
import org.anomalia.events.scores.ScoreSettings;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events train}: an unsupervised anomaly score (AE, VAE, flow) trained on data. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Trains an unsupervised anomaly score (AE, VAE, flow) into a model file.",
        description = {"Trains an unsupervised anomaly score on data (labels are never read) and writes one model file:",
                "  ae   autoencoder, score = mean squared reconstruction error (encoder 64-32, latent 8: seed 001's",
                "       5 hidden layers 64-32-8-32-64; standardized inputs; 40 epochs)",
                "  vae  variational autoencoder, score = -ELBO in the features' units (same widths; --vae-score iwae",
                "       for the importance-weighted bound)",
                "  flow MAF 5 MADE blocks x 64 with BatchNorm on min-max -> logit -> standardized inputs,",
                "       score = -log p(x) in the features' units (30 epochs)",
                "All: Adam 1e-3, batch 256, the epoch with the lowest loss on a seeded 20 %% validation split is kept.",
                "The scores train unweighted (--weight only keeps the column out of the features).",
                "Score events with 'anomalia events score --model FILE'."})
final class EventsTrainCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events to train on (.npy, .csv, .h5, .parquet).")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "KIND", description = "ae, vae or flow.")
    String model;

    @Option(names = "--epochs", description = "Training epochs (default: ae/vae 40, flow 30; --fast a third).")
    Integer epochs;

    @Option(names = "--fast", description = "Quick look: a third of the default epochs.")
    boolean fast;

    @Option(names = "--hidden", split = ",", paramLabel = "W", description = "AE/VAE encoder widths (default 64,32; the decoder mirrors them).")
    int[] hidden;

    @Option(names = "--latent", description = "AE/VAE latent dimensions (default 8, seed 001's; use fewer than the features to force compression).")
    Integer latent;

    @Option(names = "--flow-blocks", description = "Flow MADE blocks (default 5).")
    Integer flowBlocks;

    @Option(names = "--flow-hidden", description = "Hidden units of each MADE (default 64).")
    Integer flowHidden;

    @Option(names = "--lr", description = "Adam learning rate (default 1e-3).")
    Double learningRate;

    @Option(names = "--preprocessing", split = ",", paramLabel = "STEP",
            description = "Fitted steps before the network: minmax, logit, standardize (default: ae/vae standardize, flow minmax,logit,standardize).")
    List<String> preprocessing;

    @Option(names = "--vae-score", defaultValue = "elbo", description = "VAE score: elbo (-ELBO) or iwae (default ${DEFAULT-VALUE}).")
    String vaeScore;

    @Option(names = "--draws", defaultValue = "16", description = "VAE latent draws per event for the score (default ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--loss", defaultValue = "mse", description = "AE reconstruction loss, for training and as the score: mse, mae, huber or logcosh (default ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--huber-delta", defaultValue = "1.0", description = "delta of the Huber loss, standardised units (default ${DEFAULT-VALUE}).")
    double huberDelta;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation, split and shuffling (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "MODELFILE", description = "Model file to write.")
    Path out;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Override
    public void run() {
        ScoreKind kind = ScoreKind.parse(model);
        ScoreSettings s = settings(kind);
        OutputPaths.checkFile(out, "--out");
        Table d = inputs.inRegion(inputs.read(data));
        List<String> features = inputs.features(d);
        inputs.requireEvents(d, "training");
        if (inputs.weight != null) {
            d.indexOf(inputs.weight);
            System.out.println("note: the scores train unweighted; --weight '" + inputs.weight + "' only keeps the column out of the features (weights may be negative)");
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "anomalia events train");
        provenance.put("file", data.toString());
        if (inputs.region() != null) provenance.put("signal_region", inputs.region().toString());
        System.out.printf("seed %d; training %s on %d events of %s, features %s%n", seed, kind.cliName(), d.rows(), data, features);
        System.out.println("settings " + s.describe(kind));
        if (kind != ScoreKind.FLOW && s.latent() >= features.size()) {
            System.out.printf("note: latent %d >= %d features: the network is not forced to compress (--latent %d would be)%n",
                    s.latent(), features.size(), Math.max(1, features.size() / 2));
        }
        AnomalyScoreModel m = AnomalyScoreModel.train(kind, d, features, s, seed, provenance);
        m.save(out);
        System.out.printf("best epoch %s of %d, validation loss %.5g; seed %d; wrote %s%n", m.provenance().get("best_epoch"), s.epochs(),
                ((Number) m.provenance().get("best_validation_loss")).doubleValue(), seed, out);
    }

    private ScoreSettings settings(ScoreKind kind) {
        ScoreSettings s = fast ? ScoreSettings.fast(kind) : ScoreSettings.defaults(kind);
        if (epochs != null) {
            if (epochs < 1) throw new UserException("--epochs must be at least 1, got " + epochs);
            s = s.withEpochs(epochs);
        }
        if (hidden != null || latent != null) s = s.withNetwork(hidden != null ? hidden : s.hidden(), latent != null ? latent : s.latent());
        if (flowBlocks != null || flowHidden != null) {
            s = s.withFlow(flowBlocks != null ? flowBlocks : s.flowBlocks(), flowHidden != null ? flowHidden : s.flowHidden());
        }
        if (learningRate != null) s = s.withLearningRate(learningRate);
        if (preprocessing != null) s = s.withPreprocessing(preprocessing);
        return s.withVaeScore(vaeScore, draws).withLoss(loss, huberDelta);
    }
}
