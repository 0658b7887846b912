package org.anomalia.events.scores;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.events.preprocess.Preprocessing;
import org.anomalia.learn.model.ReconstructionLoss;
import org.anomalia.numerics.UserException;

/**
 * How an anomaly-score model is built and trained; stored in its model file.
 *
 * @param hidden             AE/VAE encoder widths (the decoder mirrors them)
 * @param latent             AE/VAE latent dimensions
 * @param flowBlocks         MADE blocks of the flow
 * @param flowHidden         hidden units of each MADE
 * @param epochs             training epochs (the weights of the epoch with the lowest validation loss are kept)
 * @param batchSize          rows per batch
 * @param learningRate       Adam step size
 * @param validationFraction rows held out (seeded) to pick the best epoch
 * @param preprocessing      fitted steps applied before the network (minmax, logit, standardize)
 * @param vaeScore           VAE only: "elbo" (−ELBO) or "iwae" (the tighter importance-weighted bound)
 * @param draws              VAE only: latent draws per event for the score
 * @param progress           show a progress bar while training
 * @param loss               AE only: reconstruction loss mse, mae, huber or logcosh (training loss and score)
 * @param huberDelta         AE only: δ of the Huber loss
 */
public record ScoreSettings(int[] hidden, int latent, int flowBlocks, int flowHidden, int epochs, int batchSize,
        double learningRate, double validationFraction, List<String> preprocessing, String vaeScore, int draws, boolean progress,
        String loss, double huberDelta) implements java.io.Serializable {

    public ScoreSettings {
        hidden = hidden.clone();
        preprocessing = List.copyOf(preprocessing);
        for (int h : hidden) {
            if (h < 1) throw new UserException("--hidden widths must be at least 1, got " + h);
        }
        // each named as the command line names it
        if (latent < 1) throw new UserException("--latent must be at least 1, got " + latent);
        if (flowBlocks < 1) throw new UserException("--flow-blocks must be at least 1, got " + flowBlocks);
        if (flowHidden < 1) throw new UserException("--flow-hidden must be at least 1, got " + flowHidden);
        if (epochs < 1) throw new UserException("--epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new UserException("batch size must be at least 1, got " + batchSize);
        if (draws < 1) throw new UserException("--draws must be at least 1, got " + draws);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new UserException("--lr must be positive, got " + learningRate);
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new UserException("validation fraction must be in (0, 1), got " + validationFraction);
        }
        if (!vaeScore.equals("elbo") && !vaeScore.equals("iwae")) {
            throw new UserException("--vae-score must be elbo or iwae, got '" + vaeScore + "'");
        }
        try {
            loss = ReconstructionLoss.parseKind(loss).name().toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new UserException("--loss: " + e.getMessage());
        }
        if (!(huberDelta > 0 && Double.isFinite(huberDelta))) throw new UserException("--huber-delta must be positive, got " + huberDelta);
    }

    /** The AE's reconstruction loss. */
    public ReconstructionLoss reconstructionLoss() {
        return new ReconstructionLoss(ReconstructionLoss.parseKind(loss), huberDelta);
    }

    public ScoreSettings withLoss(String kind, double delta) {
        return new ScoreSettings(hidden, latent, flowBlocks, flowHidden, epochs, batchSize, learningRate, validationFraction, preprocessing,
                vaeScore, draws, progress, kind, delta);
    }

    /**
     * Defaults per kind. AE and VAE: encoder 64-32, latent 8 — with the mirrored decoder that is
     * seed 001's "8 latent dimensions, 5 hidden layers" (64, 32, 8, 32, 64) — on standardised
     * inputs, 40 epochs. Flow: MAF 5 MADE blocks × 64 with BatchNorm on min-max → logit →
     * standardize inputs (the logit opens the bounded range for a Gaussian base), 30 epochs. All:
     * Adam 1e-3, batch 256, 20 % validation.
     */
    public static ScoreSettings defaults(ScoreKind kind) {
        return switch (kind) {
            case AE, VAE -> new ScoreSettings(new int[] {64, 32}, 8, 5, 64, 40, 256, 1e-3, 0.2,
                    Preprocessing.FOR_CLASSIFIERS, "elbo", 16, true, "mse", 1.0);
            case FLOW -> new ScoreSettings(new int[] {64, 32}, 8, 5, 64, 30, 256, 1e-3, 0.2, Preprocessing.FOR_FLOWS, "elbo", 16, true, "mse", 1.0);
        };
    }

    /** A quick look: the same networks, a third of the epochs. */
    public static ScoreSettings fast(ScoreKind kind) {
        ScoreSettings d = defaults(kind);
        return d.withEpochs(Math.max(1, d.epochs / 3));
    }

    public ScoreSettings withEpochs(int e) {
        return new ScoreSettings(hidden, latent, flowBlocks, flowHidden, e, batchSize, learningRate, validationFraction, preprocessing,
                vaeScore, draws, progress, loss, huberDelta);
    }

    public ScoreSettings withNetwork(int[] h, int z) {
        return new ScoreSettings(h, z, flowBlocks, flowHidden, epochs, batchSize, learningRate, validationFraction, preprocessing,
                vaeScore, draws, progress, loss, huberDelta);
    }

    public ScoreSettings withFlow(int blocks, int width) {
        return new ScoreSettings(hidden, latent, blocks, width, epochs, batchSize, learningRate, validationFraction, preprocessing,
                vaeScore, draws, progress, loss, huberDelta);
    }

    public ScoreSettings withPreprocessing(List<String> steps) {
        return new ScoreSettings(hidden, latent, flowBlocks, flowHidden, epochs, batchSize, learningRate, validationFraction, steps,
                vaeScore, draws, progress, loss, huberDelta);
    }

    public ScoreSettings withVaeScore(String score, int k) {
        return new ScoreSettings(hidden, latent, flowBlocks, flowHidden, epochs, batchSize, learningRate, validationFraction, preprocessing,
                score, k, progress, loss, huberDelta);
    }

    public ScoreSettings withLearningRate(double lr) {
        return new ScoreSettings(hidden, latent, flowBlocks, flowHidden, epochs, batchSize, lr, validationFraction, preprocessing,
                vaeScore, draws, progress, loss, huberDelta);
    }

    public ScoreSettings withProgress(boolean p) {
        return new ScoreSettings(hidden, latent, flowBlocks, flowHidden, epochs, batchSize, learningRate, validationFraction, preprocessing,
                vaeScore, draws, p, loss, huberDelta);
    }

    /** The settings that matter for this kind, for the model file, metrics.json and printing. */
    public Map<String, Object> describe(ScoreKind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (kind == ScoreKind.FLOW) {
            m.put("flow_blocks", flowBlocks);
            m.put("flow_hidden", flowHidden);
            m.put("batch_norm", true);
        } else {
            m.put("hidden", java.util.Arrays.stream(hidden).boxed().toList());
            m.put("latent", latent);
        }
        if (kind == ScoreKind.AE) {
            m.put("loss", loss);
            if (loss.equals("huber")) m.put("huber_delta", huberDelta);
        }
        if (kind == ScoreKind.VAE) {
            m.put("vae_score", vaeScore);
            m.put("draws", draws);
        }
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("learning_rate", learningRate);
        m.put("validation_fraction", validationFraction);
        m.put("preprocessing", preprocessing);
        return m;
    }

    /** The settings saved by {@link #describe} (absent entries take this kind's defaults). */
    public static ScoreSettings fromDescription(ScoreKind kind, com.fasterxml.jackson.databind.JsonNode j) {
        ScoreSettings d = defaults(kind);
        int[] h = d.hidden;
        if (j.has("hidden")) {
            h = new int[j.get("hidden").size()];
            for (int i = 0; i < h.length; i++) h[i] = j.get("hidden").get(i).asInt();
        }
        List<String> steps = d.preprocessing;
        if (j.has("preprocessing")) {
            steps = new java.util.ArrayList<>();
            for (var s : j.get("preprocessing")) steps.add(s.asText());
        }
        return new ScoreSettings(h, j.path("latent").asInt(d.latent), j.path("flow_blocks").asInt(d.flowBlocks),
                j.path("flow_hidden").asInt(d.flowHidden), j.path("epochs").asInt(d.epochs), j.path("batch_size").asInt(d.batchSize),
                j.path("learning_rate").asDouble(d.learningRate), j.path("validation_fraction").asDouble(d.validationFraction), steps,
                j.path("vae_score").asText(d.vaeScore), j.path("draws").asInt(d.draws), false, j.path("loss").asText(d.loss),
                j.path("huber_delta").asDouble(d.huberDelta));
    }

    @Override
    public String toString() {
        return "ScoreSettings" + describe(ScoreKind.VAE) + " flow " + flowBlocks + "x" + flowHidden;
    }
}
