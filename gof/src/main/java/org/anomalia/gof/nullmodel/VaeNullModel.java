package org.anomalia.gof.nullmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.anomalia.gof.Seeds;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.model.Vae;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.optim.LrSchedule;
import org.anomalia.learn.train.EpochResult;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.ParallelTraining;
import org.anomalia.learn.train.TrainHistory;
import org.anomalia.numerics.stats.MultivariateNormal;

/**
 * The null model of seed 000: a dual-branch β-VAE trained on smeared theory samples. It yields
 * two statistics, both estimates of −log p(x | H0) in data units: −ELBO averaged over K draws and
 * the importance-weighted bound with K draws, each from a fixed evaluation seed. The learning rate
 * follows a cosine down to 3 % of its start, which settles the weights and makes the p-value less
 * dependent on where the last epoch happened to stop. With {@code members} > 1 several VAEs are trained
 * (side by side on the cores, each from its own sub-seeds) and their densities averaged; on LHCb that did
 * not narrow the seed-to-seed spread (gof README), so the default is one.
 */
public final class VaeNullModel implements NullModel {
    /**
     * Architecture and training settings.
     *
     * @param clipNorm global gradient-norm clip (0: none)
     */
    public record Settings(int hidden, int layers, int latent, double beta, int epochs, int batchSize, double learningRate,
                           int draws, boolean progress, double clipNorm, int members) {
        public Settings {
            if (members < 1) throw new IllegalArgumentException("an ensemble needs at least one VAE, got " + members);
        }

        /** With the default ensemble size. */
        public Settings(int hidden, int layers, int latent, double beta, int epochs, int batchSize, double learningRate, int draws,
                        boolean progress, double clipNorm) {
            this(hidden, layers, latent, beta, epochs, batchSize, learningRate, draws, progress, clipNorm, MEMBERS);
        }

        /** With the default gradient clip and ensemble size. */
        public Settings(int hidden, int layers, int latent, double beta, int epochs, int batchSize, double learningRate, int draws,
                        boolean progress) {
            this(hidden, layers, latent, beta, epochs, batchSize, learningRate, draws, progress, CLIP_NORM);
        }
    }

    /** Defaults of the main job: two hidden layers, batches of 128, Adam at 3e-3 (cosine-annealed). */
    public static final int LAYERS = 2, BATCH_SIZE = 128;
    public static final double LEARNING_RATE = 3e-3;
    /**
     * Default global gradient-norm clip. Large against the norms of ordinary steps, so it only stops
     * the rare huge step that throws a run off (see the gof README for the measurement).
     */
    public static final double CLIP_NORM = 10;
    /** VAEs in the ensemble whose densities are averaged (see the gof README's LHCb spread measurement). */
    public static final int MEMBERS = 1;

    private final Settings settings;
    private final MultivariateNormal whitening;

    /** A VAE on the observables as they are. */
    public VaeNullModel(Settings settings) {
        this(settings, null);
    }

    /**
     * A VAE on coordinates whitened by the experimental covariance, y = L⁻¹x with L·Lᵀ = Λexp: there the
     * smearing noise is N(0, 1) in every coordinate and uncorrelated, as the diagonal Gaussian decoder
     * assumes. A fixed linear map shifts −log p by the constant log|L| for every row alike, so p-values
     * are unchanged by it.
     */
    public VaeNullModel(Settings settings, double[][] expCovariance) {
        this.settings = settings;
        this.whitening = expCovariance == null ? null
                : MultivariateNormal.of(new double[expCovariance.length], expCovariance, "experimental covariance");
    }

    @Override
    public TrainedNullModel train(double[][] train, double[][] validation, long seed) {
        double[][] whitenedTrain = whiten(train), whitenedValidation = whiten(validation);
        record Fitted(Vae vae, TrainHistory history, List<String> notes) {}
        // members side by side on the cores; each owns its seeds, so the result does not depend on the thread count
        List<Fitted> members = ParallelTraining.map(settings.members(), ParallelTraining.threads(), m -> {
            List<String> memberNotes = new ArrayList<>();
            String what = settings.members() > 1 ? "VAE member " + (m + 1) : "VAE";
            return DivergenceRetry.train(what, settings.learningRate(), memberNotes, lr -> {
                Vae v = newVae(whitenedTrain[0].length, Seeds.derive(seed, "vae init", m));
                return new Fitted(v, v.fit(Matrix.ofRows(whitenedTrain), Matrix.ofRows(whitenedValidation), trainConfig(lr, Seeds.derive(seed, "vae batches", m))),
                        memberNotes);
            });
        });
        List<String> notes = new ArrayList<>();
        for (Fitted f : members) notes.addAll(f.notes());
        TrainHistory h = members.get(0).history();
        double[] trainLoss = new double[h.epochs().size()], valLoss = new double[h.epochs().size()];
        for (int i = 0; i < trainLoss.length; i++) {
            EpochResult e = h.epochs().get(i);
            trainLoss[i] = e.trainLoss();
            valLoss[i] = e.valLoss();
        }
        TrainingHistory history = new TrainingHistory(trainLoss, valLoss, h.best().isEmpty() ? -1 : h.bestSnapshot().epoch);
        int k = settings.draws();
        List<TestStatistic> stats = new ArrayList<>();
        // One evaluation gives both bounds from the same K draws: the two statistics share it per row set.
        Map<double[][], Vae.Scores> evaluated = Collections.synchronizedMap(new IdentityHashMap<>());
        Function<double[][], Vae.Scores> scores = rows -> evaluated.computeIfAbsent(rows, r -> ensembleScores(members.stream().map(Fitted::vae).toList(),
                Matrix.ofRows(whiten(r)), k, seed));
        String of = settings.members() > 1 ? ", ensemble of " + settings.members() : "";
        stats.add(statistic("vae_elbo", "VAE −ELBO (K = " + k + of + ")", rows -> shift(scores.apply(rows).negElbo().clone())));
        stats.add(statistic("vae_iwae", "VAE IWAE (K = " + k + of + ")", rows -> shift(scores.apply(rows).negLogLikelihoodIwae().clone())));
        return new TrainedNullModel(stats, history, notes);
    }

    /**
     * The ensemble's density is the mean of its members' densities: −log of the mean of exp(−score) over
     * the members, for each bound (a mean of lower bounds of the members' densities bounds the mean
     * density from below, so both stay bounds). Each member draws its K latent points from its own seed.
     */
    static Vae.Scores ensembleScores(List<Vae> members, Matrix rows, int k, long seed) {
        double[][] elbo = new double[members.size()][], iwae = new double[members.size()][];
        for (int m = 0; m < members.size(); m++) {
            Vae.Scores s = members.get(m).evaluate(rows, k, m == 0 ? Seeds.derive(seed, Seeds.EVALUATE) : Seeds.derive(seed, "vae evaluate", m));
            elbo[m] = negate(s.negElbo());
            iwae[m] = negate(s.negLogLikelihoodIwae());
        }
        double[] negElbo = new double[rows.rows], negIwae = new double[rows.rows];
        for (int i = 0; i < rows.rows; i++) {
            negElbo[i] = -FlowNullModel.logMeanExp(elbo, i);
            negIwae[i] = -FlowNullModel.logMeanExp(iwae, i);
        }
        return new Vae.Scores(negElbo, negIwae);
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = -v[i];
        return out;
    }

    /**
     * In whitened coordinates the smearing noise is exactly N(0, I), so no decoder variance below 1 can
     * describe the data: that is the bound. Without whitening the scale of the noise is unknown and the
     * decoder variance stays free.
     */
    private Vae newVae(int d, long seed) {
        int[] hidden = new int[settings.layers()];
        java.util.Arrays.fill(hidden, settings.hidden());
        return new Vae(new Vae.Config(d, hidden, settings.latent(), Activation.ELU, settings.beta(), whitening == null ? 0 : 1), seed);
    }

    private TrainConfig trainConfig(double lr, long batchSeed) {
        return new TrainConfig().withEpochs(settings.epochs()).withBatchSize(settings.batchSize()).withLr(lr)
                .withSchedule(LrSchedule.cosine(settings.epochs(), 0.03 * lr))
                .withClipNorm(settings.clipNorm())
                .withSeed(batchSeed)
                .withProgress(settings.progress()).withTaskName("VAE training");
    }


    private TestStatistic statistic(String name, String label, Function<double[][], double[]> f) {
        return new TestStatistic() {
            @Override public String name() { return name; }
            @Override public String label() { return label; }
            @Override public double[] evaluate(double[][] rows) { return f.apply(rows); }
            @Override public boolean estimatesNegLogDensity() { return true; }
        };
    }

    /** −log p of the whitened y back to the observables x: −log p_x(x) = −log p_y(y) + log|L|. */
    private double[] shift(double[] negLogDensityWhitened) {
        if (whitening == null) return negLogDensityWhitened;
        double logDet = whitening.logDetCholesky();
        for (int i = 0; i < negLogDensityWhitened.length; i++) negLogDensityWhitened[i] += logDet;
        return negLogDensityWhitened;
    }

    private double[][] whiten(double[][] rows) {
        if (whitening == null) return rows;
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = whitening.whiten(rows[i]);
        return out;
    }
}
