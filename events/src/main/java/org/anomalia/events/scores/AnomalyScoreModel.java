package org.anomalia.events.scores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.preprocess.HeldOutSplit;
import org.anomalia.events.preprocess.Preprocessing;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.flow.FlowConfig;
import org.anomalia.learn.flow.NormalizingFlow;
import org.anomalia.learn.model.Autoencoder;
import org.anomalia.learn.model.ModelFile;
import org.anomalia.learn.model.Vae;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;
import org.anomalia.learn.train.TrainingDivergedException;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.random.Seeds;

/**
 * An unsupervised anomaly score trained on data: the fitted preprocessing, the feature names and
 * one learn model (autoencoder, VAE or MAF), saved together in one {@link ModelFile} (the learn
 * model's own file, with the preprocessing JSON, the feature names and the training settings as
 * extra configuration entries under "events.").
 *
 * <p>Scores, larger = more anomalous: AE — mean squared reconstruction error in the network's
 * standardised units; VAE — −ELBO (or −log p̂ of the IWAE bound) and flow — −log p(x), both in
 * the features' own units: the preprocessing's log|det ∂y/∂x| is added, −log p_x(x) = −log p_y(y)
 * − log|det ∂y/∂x|. Events outside the range the preprocessing was fitted on (where min-max →
 * logit is undefined) get {@link #OUTSIDE}: density zero under the model, the most anomalous.
 */
public final class AnomalyScoreModel {
    /** Score of events outside the training range: finite (ROC code needs finite scores) and above any real score. */
    public static final double OUTSIDE = 1e300;
    private static final String PREFIX = "events.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScoreKind kind;
    private final List<String> features;
    private final Preprocessing preprocessing;
    private final long seed;
    private final ScoreSettings settings;
    private final Map<String, Object> provenance;
    private final Autoencoder ae;
    private final Vae vae;
    private final NormalizingFlow flow;
    private final TrainHistory history;

    private AnomalyScoreModel(ScoreKind kind, List<String> features, Preprocessing preprocessing, long seed, ScoreSettings settings,
            Map<String, Object> provenance, Autoencoder ae, Vae vae, NormalizingFlow flow, TrainHistory history) {
        this.kind = kind;
        this.features = List.copyOf(features);
        this.preprocessing = preprocessing;
        this.seed = seed;
        this.settings = settings;
        this.provenance = provenance;
        this.ae = ae;
        this.vae = vae;
        this.flow = flow;
        this.history = history;
    }

    /** Per-event scores and how many events lay outside the training range (scored {@link #OUTSIDE}). */
    public record Scores(double[] values, int outsideTrainingRange) {
    }

    /**
     * Trains a score on the named feature columns of {@code data} (labels are never read).
     * {@code provenance} (file, rows, signal region, …) is stored with the model.
     */
    public static AnomalyScoreModel train(ScoreKind kind, Table data, List<String> features, ScoreSettings s, long seed,
            Map<String, Object> provenance) {
        double[][] rows = featureRows(data, features);
        if (rows.length < 10) throw new UserException(data.source() + ": needs at least 10 events to train a score, got " + rows.length);
        // the preprocessing is fitted on the training rows only; held-out rows beyond their range rank no epoch (HeldOutSplit says why)
        HeldOutSplit split = HeldOutSplit.of(s.preprocessing(), rows, s.validationFraction(), Seeds.derive(seed, "held-out rows"));
        Preprocessing prep = split.preprocessing();
        Matrix x = split.trainingInputs(rows);
        Matrix held = split.heldOutInputs(rows);
        int d = features.size();
        TrainConfig tc = new TrainConfig().withEpochs(s.epochs()).withBatchSize(s.batchSize()).withLr(s.learningRate())
                .withValidationFraction(0).withKeepBest(1).withRestoreBest(true).withSeed(seed).withProgress(s.progress())
                .withTaskName("train " + kind.cliName());
        Autoencoder ae = null;
        Vae vae = null;
        NormalizingFlow flow = null;
        TrainHistory h;
        switch (kind) {
            case AE -> {
                ae = new Autoencoder(new Autoencoder.Config(d, s.hidden(), s.latent(), Activation.RELU, s.reconstructionLoss()), seed);
                h = held == null ? ae.fit(x, tc) : ae.fit(x, held, tc);
            }
            case VAE -> {
                vae = new Vae(new Vae.Config(d, s.hidden(), s.latent(), Activation.RELU, 1.0), seed);
                h = held == null ? vae.fit(x, tc) : vae.fit(x, held, tc);
            }
            case FLOW -> {
                flow = new NormalizingFlow(FlowConfig.maf(d, 0, s.flowBlocks(), s.flowHidden(), true), seed);
                h = flow.fit(x, null, held, null, tc);
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        Map<String, Object> prov = new LinkedHashMap<>(provenance);
        prov.put("training_events", rows.length);
        prov.put("held_out_events", split.heldOut().length);
        prov.put("held_out_beyond_training_range", split.outside());
        prov.put("best_epoch", h.bestSnapshot().epoch + 1);
        prov.put("best_validation_loss", h.bestSnapshot().valLoss);
        AnomalyScoreModel m = new AnomalyScoreModel(kind, features, prep, seed, s, prov, ae, vae, flow, h);
        // a network that trained to a finite loss can still score its own training rows as NaN; say so, no number
        Scores own = m.scoreRows(rows);
        for (double v : own.values()) {
            if (Double.isNaN(v)) throw new TrainingDivergedException("train " + kind.cliName()
                    + ": the trained model scores its training events as NaN; lower the learning rate or train fewer epochs");
        }
        return m;
    }

    public ScoreKind kind() {
        return kind;
    }

    public List<String> features() {
        return features;
    }

    public long seed() {
        return seed;
    }

    public ScoreSettings settings() {
        return settings;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** Training history (null for a loaded model). */
    public TrainHistory history() {
        return history;
    }

    /** What the model was trained on (file, rows, signal region, best epoch, …). */
    public Map<String, Object> provenance() {
        return provenance;
    }

    /** Settings, seed and provenance in one map, for metrics.json and printing. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", kind.cliName());
        m.put("seed", seed);
        m.put("features", features);
        m.putAll(settings.describe(kind));
        m.put("trained_on", provenance);
        return m;
    }

    /** Scores the events of a table; a missing feature column is a user error listing the available ones. */
    public Scores score(Table events) {
        return scoreRows(featureRows(events, features));
    }

    /** Scores rows of feature values in the model's feature order. */
    public Scores scoreRows(double[][] rows) {
        double[] logJ = new double[rows.length];
        double[][] y = preprocessing.forward(rows, logJ);
        int[] inside = new int[rows.length];
        int n = 0;
        for (int r = 0; r < rows.length; r++) {
            if (Double.isFinite(logJ[r]) && finite(y[r])) inside[n++] = r;
        }
        double[][] yIn = new double[n][];
        for (int i = 0; i < n; i++) yIn[i] = y[inside[i]];
        double[] out = new double[rows.length];
        java.util.Arrays.fill(out, OUTSIDE);
        if (n > 0) {
            Matrix x = Matrix.ofRows(yIn);
            double[] s = switch (kind) {
                case AE -> ae.score(x);
                case VAE -> {
                    Vae.Scores v = vae.evaluate(x, settings.draws(), seed);
                    yield settings.vaeScore().equals("iwae") ? v.negLogLikelihoodIwae() : v.negElbo();
                }
                case FLOW -> negate(flow.logProb(x, null));
            };
            for (int i = 0; i < n; i++) {
                int r = inside[i];
                out[r] = kind == ScoreKind.AE ? s[i] : s[i] - logJ[r];
            }
        }
        return new Scores(out, rows.length - n);
    }

    // ------------------------------------------------------------------ one model file

    /** Writes the model (atomically) to one file. */
    public void save(Path path) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(PREFIX + "score", kind.cliName());
        extra.put(PREFIX + "features", json(features));
        extra.put(PREFIX + "preprocessing", json(preprocessing.toJson()));
        extra.put(PREFIX + "training", json(settings.describe(kind)));
        extra.put(PREFIX + "provenance", json(provenance));
        switch (kind) {
            case AE -> ae.save(path, extra);
            case VAE -> vae.save(path, extra);
            case FLOW -> flow.save(path, extra);
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** Reads a model written by {@link #save}; a file that is no event-score model is a user error. */
    public static AnomalyScoreModel load(Path path) {
        ModelFile.Contents c = ModelFile.read(path, null);
        String name = c.config().get(PREFIX + "score");
        if (name == null) {
            throw new UserException("model file " + path + " holds a " + c.kind() + " without event-score settings; train one with 'anomalia events train'");
        }
        ScoreKind kind = ScoreKind.parse(name);
        String expected = switch (kind) {
            case AE -> Autoencoder.KIND;
            case VAE -> Vae.KIND;
            case FLOW -> NormalizingFlow.KIND;
        };
        if (!expected.equals(c.kind())) throw new UserException("model file " + path + " is corrupt (a " + name + " score holding a " + c.kind() + "); train it again");
        List<String> features = new ArrayList<>();
        for (JsonNode f : tree(c, path, "features")) features.add(f.asText());
        Preprocessing prep = Preprocessing.fromJson(tree(c, path, "preprocessing"));
        JsonNode training = tree(c, path, "training");
        @SuppressWarnings("unchecked")
        Map<String, Object> prov = JSON.convertValue(tree(c, path, "provenance"), LinkedHashMap.class);
        long seed;
        try {
            seed = Long.parseLong(c.get("seed"));
        } catch (NumberFormatException e) {
            throw new UserException("model file " + path + " has an invalid seed; train it again");
        }
        ScoreSettings s = ScoreSettings.fromDescription(kind, training);
        Autoencoder ae = kind == ScoreKind.AE ? Autoencoder.fromContents(c, path) : null;
        Vae vae = kind == ScoreKind.VAE ? Vae.fromContents(c, path) : null;
        NormalizingFlow flow = kind == ScoreKind.FLOW ? NormalizingFlow.fromContents(c, path) : null;
        int inputs = ae != null ? ae.config().inputs() : vae != null ? vae.config().inputs() : flow.config().features();
        if (inputs != features.size()) {
            throw new UserException("model file " + path + " is corrupt (" + features.size() + " feature names for " + inputs + " inputs); train it again");
        }
        return new AnomalyScoreModel(kind, features, prep, seed, s, prov, ae, vae, flow, null);
    }

    private static JsonNode tree(ModelFile.Contents c, Path path, String key) {
        String v = c.config().get(PREFIX + key);
        if (v == null) throw new UserException("model file " + path + " lacks '" + PREFIX + key + "'; train the model again");
        try {
            return JSON.readTree(v);
        } catch (JsonProcessingException e) {
            throw new UserException("model file " + path + " is corrupt ('" + PREFIX + key + "' is not JSON); train the model again");
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The named columns as rows, each value finite (else a user error naming the row and column). */
    static double[][] featureRows(Table t, List<String> features) {
        Table selected = t.select(features);
        selected.requireFinite();
        return selected.toRows(features);
    }

    private static boolean finite(double[] row) {
        for (double v : row) if (!Double.isFinite(v)) return false;
        return true;
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = -v[i];
        return out;
    }
}
