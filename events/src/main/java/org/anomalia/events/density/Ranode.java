package org.anomalia.events.density;

import org.anomalia.events.preprocess.Preprocessing;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.flow.FlowConfig;
import org.anomalia.learn.flow.NormalizingFlow;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;
import org.anomalia.numerics.UserException;

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

    private Ranode(Preprocessing preprocessing, NormalizingFlow signal, double fraction, TrainHistory history, double[] fractionPath) {
        this.fractionPath = fractionPath;
        this.preprocessing = preprocessing;
        this.signal = signal;
        this.fraction = fraction;
        this.history = history;
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
        double[] logJ = new double[srX.length];
        double[][] y = prep.forward(srX, logJ);
        int d = srX[0].length;
        Matrix rows = new Matrix(srX.length, d + 1);
        for (int r = 0; r < srX.length; r++) {
            for (int c = 0; c < d; c++) rows.data[r * (d + 1) + c] = (float) y[r][c];
            rows.data[r * (d + 1) + d] = (float) Math.max(LOG_DENSITY_FLOOR, logBackground[r] - logJ[r]);
        }
        if (d < 2) throw new UserException("R-ANODE: the signal flow needs at least 2 features, got " + d);
        NormalizingFlow flow = new NormalizingFlow(FlowConfig.splineCoupling(d, 0, s.signalLayers(), s.signalHidden(), 2, SPLINE_BINS, TAIL_BOUND), seed);
        SignalMixture mixture = new SignalMixture(flow, s.initialFraction());
        TrainConfig tc = new TrainConfig().withEpochs(s.epochs()).withBatchSize(s.batchSize()).withLr(s.learningRate())
                .withValidationFraction(s.validationFraction()).withClipNorm(GRADIENT_CLIP).withKeepBest(1).withRestoreBest(true).withSeed(seed)
                .withProgress(s.progress()).withTaskName("R-ANODE signal flow");
        java.util.List<Double> path = new java.util.ArrayList<>();
        TrainHistory h = org.anomalia.learn.train.Trainer.fit(mixture, rows, tc.withEpochCallback(e -> path.add(mixture.fraction())));
        return new Ranode(prep, flow, mixture.fraction(), h, path.stream().mapToDouble(Double::doubleValue).toArray());
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
