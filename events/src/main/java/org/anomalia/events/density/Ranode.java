package org.anomalia.events.density;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.events.preprocess.Preprocessing;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.flow.FlowConfig;
import org.anomalia.learn.flow.NormalizingFlow;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.random.Seeds;

/**
 * R-ANODE (Das, Kasieczka and Shih 2023): the background density p_bg(x | m) is learnt on the
 * sidebands and frozen; in the signal region only a small signal-only flow p_sig(x) and the signal
 * fraction w are fitted, by maximum likelihood of the signal-region data under
 * w p_sig(x) + (1 − w) p_bg(x | m). Where ANODE learns all of the data density in the signal region
 * and divides by the background, R-ANODE spends the signal-region flow only on the residual, so a
 * small flow suffices and a signal of a few per mille is not drowned by the background's shape.
 * The anomaly score is log p_sig(x) − log p_bg(x | m) (the likelihood ratio of signal to background,
 * as w p_sig / ((1 − w) p_bg) up to a constant).
 *
 * <p>The signal flow works in units y of its own min-max, logit and standardize steps fitted on the
 * signal-region rows; the background enters the likelihood as log p_bg(y) = log p_bg(x | m) − log|∂y/∂x|.
 */
public final class Ranode {
    /** Stand-in for the log background density where it is zero (outside the sideband flow's range): the event is all signal. */
    private static final double LOG_DENSITY_FLOOR = -1e3;

    /**
     * The mixture likelihood rewards a signal flow that piles its density onto a few events while
     * the background covers the rest, and nothing restrains it far from the signal: a MAF's affine
     * scales there grew until z² overflowed (NaN gradients within two epochs on a toy). The signal flow
     * is therefore a spline coupling flow, whose slopes are bounded (at least 1e-3 per layer, identity
     * beyond ±{@value #TAIL_BOUND} in the standardized units), and its gradient norm is clipped.
     */
    private static final double GRADIENT_CLIP = 5;
    static final double TAIL_BOUND = 5;
    private static final int SPLINE_BINS = 8;

    private final Preprocessing preprocessing;
    private final NormalizingFlow signal;
    private final double fraction;
    private final TrainHistory history;
    private final double[] fractionPath;
    private final List<Start> starts;
    private final int kept;

    private Ranode(Preprocessing preprocessing, NormalizingFlow signal, double fraction, TrainHistory history, double[] fractionPath,
            List<Start> starts, int kept) {
        this.fractionPath = fractionPath;
        this.preprocessing = preprocessing;
        this.signal = signal;
        this.fraction = fraction;
        this.history = history;
        this.starts = starts;
        this.kept = kept;
    }

    /**
     * One fit of the signal flow and w from one starting point.
     *
     * @param initialFraction w at the start
     * @param flowSeed        seed of the signal flow's initial weights
     * @param fraction        the fitted w (at the kept epoch)
     * @param heldOutLoss     the loss on the held-out signal-region rows at the kept epoch: −mean log likelihood + the w penalty
     */
    public record Start(double initialFraction, long flowSeed, double fraction, double heldOutLoss) {
    }

    /**
     * Fits p_sig and w on the signal-region rows {@code srX}, whose background log density
     * log p_bg(x | m) (features' own units; −∞ where zero) is {@code logBackground}.
     */
    public static Ranode fit(double[][] srX, double[] logBackground, RanodeSettings s, long seed) {
        if (srX.length != logBackground.length) {
            throw new IllegalArgumentException(srX.length + " signal-region rows but " + logBackground.length + " background densities");
        }
        if (srX.length < 10) throw new UserException("R-ANODE: needs at least 10 signal-region events, got " + srX.length);
        for (double v : logBackground) {
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) throw new UserException("R-ANODE: the background density is not finite (" + v + ")");
        }
        Preprocessing prep = Preprocessing.fit(Preprocessing.FOR_FLOWS, srX);
        Matrix rows = trainingRows(prep, srX, logBackground);
        int d = srX[0].length;
        if (d < 2) throw new UserException("R-ANODE: the signal flow needs at least 2 features, got " + d);
        double[] w0 = new double[s.starts()];
        for (int k = 0; k < w0.length; k++) w0[k] = startFraction(s.initialFraction(), k);
        return fitFromStarts(prep, rows, d, s, seed, w0);
    }

    /**
     * The guard against a failed fit: with 70 signal events among 23.6k the mixture likelihood has a second minimum at
     * w → 0, where the signal flow sits on a mismodelled corner of the background (events README). Each start trains from
     * its own w and flow weights; all use the trainer's seed, so they hold out the same rows and their held-out losses
     * compare; the lowest is kept (a tie keeps the earlier start). The first start is the single fit of before the guard.
     */
    static Ranode fitFromStarts(Preprocessing prep, Matrix rows, int d, RanodeSettings s, long seed, double[] startFractions) {
        Ranode best = null;
        List<Start> tried = new ArrayList<>();
        int kept = 0;
        for (int k = 0; k < startFractions.length; k++) {
            long flowSeed = k == 0 ? seed : Seeds.derive(seed, "ranode start", k);
            String which = startFractions.length == 1 ? "" : " (start " + (k + 1) + " of " + startFractions.length + ")";
            Ranode r = fitFrom(prep, rows, d, s, startFractions[k], flowSeed, seed, which);
            tried.add(new Start(startFractions[k], flowSeed, r.fraction, r.history.bestSnapshot().valLoss));
            if (best == null || tried.get(k).heldOutLoss() < tried.get(kept).heldOutLoss()) {
                best = r;
                kept = k;
            }
        }
        return new Ranode(best.preprocessing, best.signal, best.fraction, best.history, best.fractionPath, List.copyOf(tried), kept);
    }

    /** Rows [y | log p_bg(y)]: the signal flow's units y and the background's log density in them (floored where it is zero). */
    private static Matrix trainingRows(Preprocessing prep, double[][] srX, double[] logBackground) {
        double[] logJ = new double[srX.length];
        double[][] y = prep.forward(srX, logJ);
        int d = srX[0].length;
        Matrix rows = new Matrix(srX.length, d + 1);
        for (int r = 0; r < srX.length; r++) {
            for (int c = 0; c < d; c++) rows.data[r * (d + 1) + c] = (float) y[r][c];
            rows.data[r * (d + 1) + d] = (float) Math.max(LOG_DENSITY_FLOOR, logBackground[r] - logJ[r]);
        }
        return rows;
    }

    /** {@link #fit} from the given starting fractions [y | log p_bg(y)] of {@link #fit}, for tests that choose their own starts. */
    static Ranode fitFromStarts(double[][] srX, double[] logBackground, RanodeSettings s, long seed, double[] startFractions) {
        Preprocessing prep = Preprocessing.fit(Preprocessing.FOR_FLOWS, srX);
        return fitFromStarts(prep, trainingRows(prep, srX, logBackground), srX[0].length, s, seed, startFractions);
    }

    /**
     * The starting w of start k: the given one, then its odds ten times larger, ten times smaller, a hundred times larger, ...
     * (on the logit scale, so always in (0, 1)).
     */
    static double startFraction(double initialFraction, int k) {
        if (k == 0) return initialFraction;
        double step = Math.log(10) * ((k + 1) / 2) * (k % 2 == 1 ? 1 : -1);
        double logit = Math.log(initialFraction / (1 - initialFraction)) + step;
        return 1 / (1 + Math.exp(-logit));
    }

    private static Ranode fitFrom(Preprocessing prep, Matrix rows, int d, RanodeSettings s, double w0, long flowSeed, long trainerSeed, String which) {
        NormalizingFlow flow = new NormalizingFlow(FlowConfig.splineCoupling(d, 0, s.signalLayers(), s.signalHidden(), 2, SPLINE_BINS, TAIL_BOUND), flowSeed);
        SignalMixture mixture = new SignalMixture(flow, w0);
        TrainConfig tc = new TrainConfig().withEpochs(s.epochs()).withBatchSize(s.batchSize()).withLr(s.learningRate())
                .withValidationFraction(s.validationFraction()).withClipNorm(GRADIENT_CLIP).withKeepBest(1).withRestoreBest(true).withSeed(trainerSeed)
                .withProgress(s.progress()).withTaskName("R-ANODE signal flow" + which);
        List<Double> path = new ArrayList<>();
        TrainHistory h = org.anomalia.learn.train.Trainer.fit(mixture, rows, tc.withEpochCallback(e -> path.add(mixture.fraction())));
        return new Ranode(prep, flow, mixture.fraction(), h, path.stream().mapToDouble(Double::doubleValue).toArray(), List.of(), 0);
    }

    /** Every start's fit, in order (one for {@code starts = 1}). */
    public List<Start> starts() {
        return starts;
    }

    /** Which start was kept (0-based): the lowest held-out loss. */
    public int keptStart() {
        return kept;
    }

    /** One line: each start's w at the start and at the end, its held-out loss, and which was kept. */
    public String describeStarts() {
        StringBuilder b = new StringBuilder("R-ANODE starts (kept: lowest held-out loss):");
        for (int k = 0; k < starts.size(); k++) {
            Start t = starts.get(k);
            b.append(String.format(java.util.Locale.ROOT, "%s start %d w0 %.4g -> w %.4g, held-out loss %.6f%s", k == 0 ? "" : ";", k + 1,
                    t.initialFraction(), t.fraction(), t.heldOutLoss(), k == kept ? " (kept)" : ""));
        }
        return b.toString();
    }

    /** The fitted signal fraction w of the signal region. */
    public double signalFraction() {
        return fraction;
    }

    /** w after each epoch (the fit keeps the epoch of lowest validation loss). */
    public double[] fractionPath() {
        return fractionPath.clone();
    }

    public TrainHistory history() {
        return history;
    }

    /** log p_sig(x) in the features' own units; −∞ outside the signal-region rows' range. */
    public double[] logSignalDensity(double[][] x) {
        double[] logJ = new double[x.length];
        double[][] y = preprocessing.forward(x, logJ);
        int n = 0;
        int[] inside = new int[x.length];
        for (int r = 0; r < x.length; r++) {
            boolean ok = Double.isFinite(logJ[r]);
            for (double v : y[r]) ok &= Double.isFinite(v);
            if (ok) inside[n++] = r;
        }
        double[] out = new double[x.length];
        java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
        if (n == 0) return out;
        double[][] yIn = new double[n][];
        for (int i = 0; i < n; i++) yIn[i] = y[inside[i]];
        double[] lp = signal.logProb(Matrix.ofRows(yIn), null);
        for (int i = 0; i < n; i++) out[inside[i]] = lp[i] + logJ[inside[i]];
        return out;
    }

    /** The anomaly score log p_sig(x) − log p_bg(x | m), given the events' background log densities. */
    public double[] score(double[][] x, double[] logBackground) {
        return Anode.logRatio(logSignalDensity(x), logBackground);
    }
}
