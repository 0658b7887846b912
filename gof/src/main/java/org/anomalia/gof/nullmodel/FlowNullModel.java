package org.anomalia.gof.nullmodel;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.gof.Seeds;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.flow.FlowConfig;
import org.anomalia.learn.flow.NormalizingFlow;
import org.anomalia.learn.model.Standardizer;
import org.anomalia.learn.optim.LrSchedule;
import org.anomalia.learn.train.EpochResult;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;
import org.anomalia.numerics.stats.MultivariateNormal;

/**
 * A normalizing flow (the {@code learn} MAF: MADE blocks with BatchNorm and reversals) trained on the
 * smeared theory samples. Unlike a VAE it gives log p(x) exactly for its own density, with no ELBO gap
 * and no draws, so its statistic is deterministic per row.
 *
 * <p>Coordinates: y = L⁻¹x (L·Lᵀ = Λexp, the smearing noise becomes N(0, I)), then per-column
 * standardisation s = (y − m)/σ fitted on the train split, as the flow trains best on unit scales.
 * Both maps are fixed and linear, so −log p_x(x) = −log p_s(s) + Σ log σ + log|L|: the statistic is
 * in the observables' units, comparable with the Gaussian model's −log N(x; μth, Λ).
 */
public final class FlowNullModel implements NullModel {
    /**
     * Architecture and training.
     *
     * @param blocks    MADE blocks
     * @param hidden    width of each MADE's two hidden layers
     * @param clipNorm  global gradient-norm clip (0: none)
     */
    public record Settings(FlowConfig.Kind kind, int blocks, int hidden, int epochs, int batchSize, double learningRate, double clipNorm,
                           int members, boolean progress) {
        public Settings {
            if (members < 1) throw new IllegalArgumentException("an ensemble needs at least one flow, got " + members);
        }

        /** One MAF. */
        public Settings(int blocks, int hidden, int epochs, int batchSize, double learningRate, double clipNorm, boolean progress) {
            this(FlowConfig.Kind.MAF, blocks, hidden, epochs, batchSize, learningRate, clipNorm, 1, progress);
        }
    }

    /** Spline bins and the spline's range on standardised coordinates (identity outside: the far tails stay affine). */
    static final int SPLINE_BINS = 8;
    static final double SPLINE_TAIL_BOUND = 5;

    /**
     * Defaults of {@code --method flow}: an ensemble of {@link #MEMBERS} MAFs of 5 blocks × 96, 60 epochs each
     * (the best validation epoch kept), their densities averaged. Measured on the exact toys (gof README,
     * "Learned null models"): one MAF of 4 × 64 puts the data point's −log p 0.2–0.7 too low (its density
     * smoothed over the thin smeared manifold) while the null tail is right on average, which makes p up
     * to twice too large at p = 0.01; this ensemble is within 25 % down to p = 0.005 on all three toys.
     * Cost: four trainings (≈ 100 CPU-s at 60 000 rows).
     */
    public static final int BLOCKS = 5, HIDDEN = 96, EPOCHS = 60, BATCH_SIZE = 128, MEMBERS = 4;
    public static final double LEARNING_RATE = 3e-3;

    private final Settings settings;
    private final MultivariateNormal whitening;

    /** @param expCovariance Λexp, whose Cholesky factor whitens the observables (null: the observables as they are) */
    public FlowNullModel(Settings settings, double[][] expCovariance) {
        this.settings = settings;
        this.whitening = expCovariance == null ? null
                : MultivariateNormal.of(new double[expCovariance.length], expCovariance, "experimental covariance");
    }

    public static Settings defaults(double learningRate, double clipNorm, boolean progress) {
        return new Settings(FlowConfig.Kind.MAF, BLOCKS, HIDDEN, EPOCHS, BATCH_SIZE, learningRate, clipNorm, MEMBERS, progress);
    }

    @Override
    public TrainedNullModel train(double[][] train, double[][] validation, long seed) {
        Matrix trainW = Matrix.ofRows(whiten(train)), validationW = Matrix.ofRows(whiten(validation));
        Standardizer standardizer = Standardizer.fitChecked(trainW, validationW, trainW.cols, "flow");
        Matrix trainS = standardizer.apply(trainW), validationS = standardizer.apply(validationW);
        List<String> notes = new ArrayList<>();
        record Fitted(NormalizingFlow flow, TrainHistory history) {}
        List<Fitted> members = new ArrayList<>();
        for (int m = 0; m < settings.members(); m++) {
            long memberSeed = Seeds.derive(seed, "flow init", m), batchSeed = Seeds.derive(seed, "flow batches", m);
            members.add(DivergenceRetry.train("flow", settings.learningRate(), notes, lr -> {
                NormalizingFlow f = new NormalizingFlow(config(trainS.cols), memberSeed);
                TrainConfig tc = new TrainConfig().withEpochs(settings.epochs()).withBatchSize(settings.batchSize()).withLr(lr)
                        .withSchedule(LrSchedule.cosine(settings.epochs(), 0.03 * lr)).withClipNorm(settings.clipNorm())
                        .withSeed(batchSeed).withProgress(settings.progress()).withTaskName("flow training");
                return new Fitted(f, f.fit(trainS, null, validationS, null, tc));
            }));
        }
        Fitted fitted = members.get(0);
        double shift = standardizer.logScale() + (whitening == null ? 0 : whitening.logDetCholesky());
        TestStatistic statistic = new TestStatistic() {
            @Override public String name() { return "flow"; }
            @Override public String label() {
                return "flow −log p (" + settings.kind().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT) + ", " + settings.blocks() + " blocks"
                        + (settings.members() > 1 ? ", ensemble of " + settings.members() : "") + ")";
            }
            @Override public boolean estimatesNegLogDensity() { return true; }
            @Override public double[] evaluate(double[][] rows) {
                Matrix s = standardizer.apply(Matrix.ofRows(whiten(rows)));
                double[][] logP = new double[members.size()][];
                for (int m = 0; m < logP.length; m++) logP[m] = members.get(m).flow().logProb(s, null);
                double[] v = new double[rows.length];
                for (int i = 0; i < v.length; i++) v[i] = -logMeanExp(logP, i) + shift;
                return v;
            }
        };
        return new TrainedNullModel(List.of(statistic), history(fitted.history()), notes);
    }

    private FlowConfig config(int features) {
        return switch (settings.kind()) {
            case MAF -> FlowConfig.maf(features, 0, settings.blocks(), settings.hidden(), true);
            case REAL_NVP -> FlowConfig.realNvp(features, 0, settings.blocks(), settings.hidden(), 2);
            case SPLINE_COUPLING -> FlowConfig.splineCoupling(features, 0, settings.blocks(), settings.hidden(), 2, SPLINE_BINS, SPLINE_TAIL_BOUND);
        };
    }

    /** log of the mean of exp(logP[m][i]) over the members m: the ensemble's density is the average of theirs. */
    static double logMeanExp(double[][] logP, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] member : logP) max = Math.max(max, member[i]);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double sum = 0;
        for (double[] member : logP) sum += Math.exp(member[i] - max);
        return max + Math.log(sum / logP.length);
    }

    static TrainingHistory history(TrainHistory h) {
        double[] trainLoss = new double[h.epochs().size()], valLoss = new double[h.epochs().size()];
        for (int i = 0; i < trainLoss.length; i++) {
            EpochResult e = h.epochs().get(i);
            trainLoss[i] = e.trainLoss();
            valLoss[i] = e.valLoss();
        }
        return new TrainingHistory(trainLoss, valLoss, h.best().isEmpty() ? -1 : h.bestSnapshot().epoch);
    }

    private double[][] whiten(double[][] rows) {
        if (whitening == null) return rows;
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = whitening.whiten(rows[i]);
        return out;
    }
}
