package org.anomalia.events.density;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.numerics.random.Seeds;
import org.anomalia.events.preprocess.HeldOutSplit;
import org.anomalia.events.preprocess.Preprocessing;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.flow.FlowConfig;
import org.anomalia.learn.flow.NormalizingFlow;
import org.anomalia.learn.train.Snapshot;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;
import org.anomalia.learn.train.TrainingDivergedException;
import org.anomalia.numerics.UserException;

/**
 * A conditional density p(x | m) of event features x given the resonant variable m, in the
 * features' own units: min-max, logit and standardize steps fitted on the training rows (as
 * CATHODE does; the held-out rows that rank the epochs are not among them, {@link HeldOutSplit}),
 * then a conditional MAF with context (m − mean)/sd. The ensemble is the flow at
 * its {@code bestEpochs} epochs of lowest validation loss, each with BatchNorm statistics
 * recalibrated on the training rows; the density is their mean, samples are shared equally.
 */
public final class ConditionalDensity {
    private final Preprocessing preprocessing;
    private final double contextMean;
    private final double contextSd;
    private final List<NormalizingFlow> members;
    private final TrainHistory history;
    private final int heldOutOutside;

    private ConditionalDensity(Preprocessing preprocessing, double contextMean, double contextSd, List<NormalizingFlow> members,
            TrainHistory history, int heldOutOutside) {
        this.preprocessing = preprocessing;
        this.contextMean = contextMean;
        this.contextSd = contextSd;
        this.members = members;
        this.history = history;
        this.heldOutOutside = heldOutOutside;
    }

    /** Fits p(x | m) on the rows x (events × features) with resonant values m. */
    public static ConditionalDensity fit(double[][] x, double[] m, FlowSettings s, long seed, String task) {
        if (x.length != m.length) throw new IllegalArgumentException(x.length + " feature rows but " + m.length + " resonant values");
        if (x.length < 10) throw new UserException(task + ": needs at least 10 events to fit a density, got " + x.length);
        // the preprocessing is fitted on the training rows only (HeldOutSplit says why)
        HeldOutSplit split = HeldOutSplit.of(Preprocessing.FOR_FLOWS, x, s.validationFraction(), Seeds.derive(seed, "held-out rows"));
        Preprocessing prep = split.preprocessing();
        double mean = 0;
        for (double v : m) mean += v / m.length;
        double var = 0;
        for (double v : m) var += (v - mean) * (v - mean) / m.length;
        double sd = Math.sqrt(var);
        if (!(sd > 0)) throw new UserException(task + ": the resonant variable is constant (" + mean + "); it cannot be a context");
        Matrix xm = split.trainingInputs(x);
        Matrix cm = context(HeldOutSplit.pick(m, split.training()), mean, sd);
        Matrix xv = split.heldOutInputs(x);
        Matrix cv = xv == null ? null : context(HeldOutSplit.pick(m, split.heldOut()), mean, sd);
        // valid input must not end in a divergence: a training loss that is not finite retries from the same start at a tenth of the rate (a
        // note says so); an epoch whose held-out loss is not finite (no longer seen since the split above) is passed over with a warning
        double lr = s.learningRate();
        for (int attempt = 0; ; attempt++) {
            NormalizingFlow flow = new NormalizingFlow(FlowConfig.maf(xm.cols, 1, s.blocks(), s.hidden(), s.batchNorm()), seed);
            TrainConfig tc = new TrainConfig().withEpochs(s.epochs()).withBatchSize(s.batchSize()).withLr(lr)
                    .withKeepBest(Math.min(s.bestEpochs(), s.epochs())).withRestoreBest(true)
                    .withSeed(seed).withProgress(s.progress()).withTaskName(task).withSkipBadValidation(true);
            try {
                TrainHistory h = flow.fit(xm, cm, xv, cv, tc);
                long bad = h.epochs().stream().filter(e -> !Double.isFinite(e.valLoss())).count();
                if (bad > 0) {
                    System.err.printf(java.util.Locale.ROOT, "WARNING: %s: %d of %d epochs gave a held-out row no density (validation loss not"
                            + " finite) and were passed over; the ensemble is the best of the others%n", task, bad, h.epochs().size());
                }
                return fitted(prep, mean, sd, flow, h, xm, cm, split.outside());
            } catch (TrainingDivergedException e) {
                if (attempt == RETRIES) throw e;
                System.err.printf(java.util.Locale.ROOT, "WARNING: %s; retried at learning rate %.3g%n", e.getMessage(), lr / RETRY_FACTOR);
                lr /= RETRY_FACTOR;
            }
        }
    }

    /** Retries of a diverged training, each at {@code 1 / RETRY_FACTOR} of the previous learning rate. */
    static final int RETRIES = 2;
    static final double RETRY_FACTOR = 10;

    private static ConditionalDensity fitted(Preprocessing prep, double mean, double sd, NormalizingFlow flow, TrainHistory h, Matrix xm,
            Matrix cm, int heldOutOutside) {
        List<NormalizingFlow> members = new ArrayList<>();
        for (Snapshot snap : h.best()) members.add(flow.fromSnapshot(snap, xm, cm));
        return new ConditionalDensity(prep, mean, sd, List.copyOf(members), h, heldOutOutside);
    }

    public TrainHistory history() {
        return history;
    }

    /** Held-out rows beyond the training rows' range of some feature, left out of the validation loss (see {@link HeldOutSplit}). */
    public int heldOutOutside() {
        return heldOutOutside;
    }

    /** Size of the ensemble over epochs. */
    public int members() {
        return members.size();
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /**
     * log p(x | m) of each row in the features' own units (log of the ensemble's mean density,
     * with the preprocessing Jacobian). Rows outside the training range of a feature have density
     * zero under this model: −∞.
     */
    public double[] logDensity(double[][] x, double[] m) {
        if (x.length != m.length) throw new IllegalArgumentException(x.length + " feature rows but " + m.length + " resonant values");
        double[] logJ = new double[x.length];
        double[][] y = preprocessing.forward(x, logJ);
        int[] inside = new int[x.length];
        int n = 0;
        for (int r = 0; r < y.length; r++) if (Double.isFinite(logJ[r]) && finite(y[r]) && Double.isFinite(m[r])) inside[n++] = r;
        double[][] yIn = new double[n][];
        double[] mIn = new double[n];
        for (int i = 0; i < n; i++) {
            yIn[i] = y[inside[i]];
            mIn[i] = m[inside[i]];
        }
        double[] out = new double[x.length];
        java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
        if (n == 0) return out;
        Matrix ym = Matrix.ofRows(yIn), cm = context(mIn, contextMean, contextSd);
        double[][] perMember = new double[members.size()][];
        for (int k = 0; k < members.size(); k++) perMember[k] = members.get(k).logProb(ym, cm);
        double logK = Math.log(members.size());
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] p : perMember) max = Math.max(max, p[i]);
            double s = 0;
            for (double[] p : perMember) s += Math.exp(p[i] - max);
            out[inside[i]] = max + Math.log(s) - logK + logJ[inside[i]];
        }
        return out;
    }

    /**
     * The latent image z = f(x; m) of each row under the best epoch's flow (the ensemble's first
     * member): where the model is right, z of background events is N(0, I) at every m. Rows outside
     * the training range of a feature (or with a non-finite m) have no latent image: a row of NaN.
     */
    public double[][] latent(double[][] x, double[] m) {
        if (x.length != m.length) throw new IllegalArgumentException(x.length + " feature rows but " + m.length + " resonant values");
        double[][] y = preprocessing.forward(x, null);
        int[] inside = new int[x.length];
        int n = 0;
        for (int r = 0; r < y.length; r++) if (finite(y[r]) && Double.isFinite(m[r])) inside[n++] = r;
        int d = members.get(0).config().features();
        double[][] out = new double[x.length][];
        double[] nan = new double[d];
        java.util.Arrays.fill(nan, Double.NaN);
        for (int r = 0; r < out.length; r++) out[r] = nan.clone();
        if (n == 0) return out;
        double[][] yIn = new double[n][];
        double[] mIn = new double[n];
        for (int i = 0; i < n; i++) {
            yIn[i] = y[inside[i]];
            mIn[i] = m[inside[i]];
        }
        Matrix z = members.get(0).forward(Matrix.ofRows(yIn), context(mIn, contextMean, contextSd)).values();
        for (int i = 0; i < n; i++) for (int c = 0; c < d; c++) out[inside[i]][c] = z.data[i * d + c];
        return out;
    }

    /**
     * One sample x ~ p(x | m[i]) per given resonant value, in the features' own units; the
     * ensemble members take turns. Seeded: same seed, same samples.
     */
    public double[][] sample(double[] m, long seed) {
        int k = members.size();
        double[][] out = new double[m.length][];
        for (int j = 0; j < k; j++) {
            int count = (m.length - j + k - 1) / k;
            if (count <= 0) continue;
            double[] mj = new double[count];
            for (int i = 0; i < count; i++) mj[i] = m[j + i * k];
            Matrix z = members.get(j).sample(count, context(mj, contextMean, contextSd), Seeds.derive(seed, "ensemble member", j));
            double[][] y = new double[count][z.cols];
            for (int i = 0; i < count; i++) for (int c = 0; c < z.cols; c++) y[i][c] = z.data[i * z.cols + c];
            double[][] x = preprocessing.inverse(y, null);
            for (int i = 0; i < count; i++) out[j + i * k] = x[i];
        }
        return out;
    }

    private static boolean finite(double[] row) {
        for (double v : row) if (!Double.isFinite(v)) return false;
        return true;
    }

    private static Matrix context(double[] m, double mean, double sd) {
        Matrix c = new Matrix(m.length, 1);
        for (int i = 0; i < m.length; i++) c.data[i] = (float) ((m[i] - mean) / sd);
        return c;
    }
}
