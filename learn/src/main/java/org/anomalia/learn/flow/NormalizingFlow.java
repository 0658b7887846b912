package org.anomalia.learn.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.model.ModelFile;
import org.anomalia.learn.train.DataChecks;
import org.anomalia.learn.train.Snapshot;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;
import org.anomalia.learn.train.Trainable;
import org.anomalia.learn.train.Trainer;

/**
 * A normalizing flow: a stack of invertible steps x → z with a standard normal base density,
 * log p(x | c) = log N(z; 0, I) + Σ log|det ∂z/∂x|. Optionally conditional on a context vector c.
 *
 * <p>Trained by {@link Trainer} on rows [x | c] (features first, then context) with the mean
 * negative log-likelihood as loss. Works in the units it is given: preprocessing (and its
 * Jacobian) belongs to the caller. Evaluation ({@link #logProb}, {@link #forward}, {@link #inverse},
 * {@link #sample}) switches BatchNorm steps to their running statistics.
 *
 * <p>Benchmark entry point: {@code NormalizingFlow.cathode(4, 1, seed)} is CATHODE's MAF, the same
 * network as {@code maf} in shared/bench/torch_reference.py (same layers, widths, BatchNorm steps
 * and reversals, so the same arithmetic; only which MADE connections are masked differs: here the
 * context also reaches the first feature's transform). Train it with
 * {@code fit(x, context, new TrainConfig().withBatchSize(256).withLr(1e-4).withValidationFraction(0).withProgress(false))}
 * (the reference validates nothing) and time the epochs with {@link TrainConfig#onEpoch}; the
 * BatchNorm calibration pass after the last epoch is not part of an epoch.
 */
public final class NormalizingFlow implements Trainable {
    public static final String KIND = "flow";
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final int CHUNK = 4096;

    private final FlowConfig config;
    private final long seed;
    private final List<FlowLayer> layers;

    /** x and log|det| of each row: the result of {@link #forward} and {@link #inverse}. */
    public record Transformed(Matrix values, double[] logDet) {}

    public NormalizingFlow(FlowConfig config, long seed) {
        this.config = config;
        this.seed = seed;
        this.layers = build(config, new SplittableRandom(seed));
    }

    /** CATHODE's conditional MAF (15 MADE blocks × 128 hidden, BatchNorm, reversals). */
    public static NormalizingFlow cathode(int features, int context, long seed) {
        return new NormalizingFlow(FlowConfig.cathode(features, context), seed);
    }

    private static List<FlowLayer> build(FlowConfig cfg, SplittableRandom rng) {
        List<FlowLayer> l = new ArrayList<>();
        int d = cfg.features(), c = cfg.context();
        for (int i = 0; i < cfg.layers(); i++) {
            String n = "layer" + i;
            switch (cfg.kind()) {
                case MAF -> l.add(new MadeAffine(n + ".made", d, c, cfg.hidden(), rng));
                case REAL_NVP -> l.add(new Coupling(n + ".coupling", d, c, parity(d, i), cfg.hidden(), cfg.hiddenLayers(), new AffineTransform(), rng));
                case SPLINE_COUPLING -> l.add(new Coupling(n + ".coupling", d, c, parity(d, i), cfg.hidden(), cfg.hiddenLayers(),
                        new SplineTransform(cfg.bins(), cfg.tailBound()), rng));
            }
            if (i < cfg.layers() - 1) {
                if (cfg.batchNorm()) l.add(new BatchNormFlow(n + ".norm", d));
                if (cfg.kind() == FlowConfig.Kind.MAF && d > 1) l.add(Permutation.reverse(n + ".reverse", d));
            }
        }
        return List.copyOf(l);
    }

    /** Coupling masks alternate between the odd and even features (a single feature is always transformed). */
    private static boolean[] parity(int features, int layer) {
        boolean[] t = new boolean[features];
        for (int j = 0; j < features; j++) t[j] = features == 1 || j % 2 == layer % 2;
        return t;
    }

    public FlowConfig config() {
        return config;
    }

    public long seed() {
        return seed;
    }

    public List<FlowLayer> layers() {
        return layers;
    }

    // ------------------------------------------------------------------ training

    /** log p(x | c) of each row (rows×1) on the tape. */
    public Tensor logProb(Tape tape, Tensor x, Tensor context) {
        Tensor z = x, logDet = null;
        for (FlowLayer layer : layers) {
            FlowLayer.Step s = layer.forward(tape, z, context);
            z = s.out();
            if (s.logDet() != null) logDet = logDet == null ? s.logDet() : tape.add(logDet, s.logDet());
        }
        Tensor base = tape.affine(tape.sum(tape.square(z), 1), -0.5f, (float) (-0.5 * config.features() * LOG_2PI));
        return logDet == null ? base : tape.add(base, logDet);
    }

    /** Mean −log p over a batch of rows [x | c]. */
    @Override
    public Tensor loss(Tape tape, Matrix batch, SplittableRandom rng) {
        int d = config.features();
        Tensor all = tape.constant(batch);
        Tensor x = config.context() == 0 ? all : tape.sliceCols(all, 0, d);
        Tensor c = config.context() == 0 ? null : tape.sliceCols(all, d, d + config.context());
        return tape.neg(tape.meanAll(logProb(tape, x, c)));
    }

    /** Trains on x (rows × features) with its context (rows × context, or null). */
    public TrainHistory fit(Matrix x, Matrix context, TrainConfig tc) {
        TrainHistory h = Trainer.fit(this, joined(x, context, "flow training data"), tc);
        calibrate(x, context);
        return h;
    }

    /**
     * Trains on all rows of x (with context) and validates on the given rows (CATHODE's k-fold
     * splits); {@link TrainConfig#validationFraction} is ignored.
     */
    public TrainHistory fit(Matrix x, Matrix context, Matrix validationX, Matrix validationContext, TrainConfig tc) {
        Matrix val = validationX == null ? null : joined(validationX, validationContext, "flow validation data");
        TrainHistory h = Trainer.fit(this, joined(x, context, "flow training data"), val, tc);
        calibrate(x, context);
        return h;
    }

    /**
     * A copy of this flow with the weights of a stored epoch (e.g. one of {@link TrainHistory#best()}
     * for an ensemble over the best epochs), its BatchNorm statistics recomputed on the training
     * rows x and context.
     */
    public NormalizingFlow fromSnapshot(Snapshot snapshot, Matrix x, Matrix context) {
        NormalizingFlow f = new NormalizingFlow(config, seed);
        snapshot.restoreInto(f);
        f.calibrate(x, context);
        return f;
    }

    /**
     * Sets the evaluation statistics of every BatchNorm step to the exact mean and variance of its
     * inputs over these rows (the training data), going through the steps in order. {@link #fit}
     * does this at the end; call it again after restoring other weights (e.g. another snapshot).
     */
    public void calibrate(Matrix x, Matrix context) {
        check(x, context, "flow calibration data");
        setTraining(false);
        Tape tape = Tape.noGrad();
        Matrix v = x;
        for (FlowLayer layer : layers) {
            if (layer instanceof BatchNormFlow bn) bn.setStatistics(v);
            Matrix next = new Matrix(v.rows, config.features());
            for (int start = 0; start < v.rows; start += CHUNK) {
                int m = Math.min(CHUNK, v.rows - start);
                tape.reset();
                Tensor c = context == null ? null : tape.constant(rows(context, start, m));
                Matrix out = layer.forward(tape, tape.constant(rows(v, start, m)), c).out().value;
                System.arraycopy(out.data, 0, next.data, start * next.cols, m * next.cols);
            }
            v = next;
        }
    }

    /** Rows [x | c] in the layout the trainer and {@link #loss} use. */
    public Matrix joined(Matrix x, Matrix context, String what) {
        check(x, context, what);
        if (context == null) return x;
        int d = x.cols, c = context.cols;
        Matrix m = new Matrix(x.rows, d + c);
        for (int r = 0; r < x.rows; r++) {
            System.arraycopy(x.data, r * d, m.data, r * (d + c), d);
            System.arraycopy(context.data, r * c, m.data, r * (d + c) + d, c);
        }
        return m;
    }

    private void check(Matrix x, Matrix context, String what) {
        DataChecks.requireColumns(x, config.features(), what);
        DataChecks.requireFinite(x, what);
        if (config.context() == 0 && context != null) throw new IllegalArgumentException("this flow takes no context, but " + what + " has one");
        if (config.context() > 0) {
            if (context == null) throw new IllegalArgumentException(what + ": this flow needs " + config.context() + " context column(s)");
            DataChecks.requireColumns(context, config.context(), what + " context");
            DataChecks.requireFinite(context, what + " context");
            if (context.rows != x.rows) throw new IllegalArgumentException(what + ": " + x.rows + " rows but " + context.rows + " context rows");
        }
    }

    // ------------------------------------------------------------------ evaluation (double results)

    /** log p(x | c) of each row, in evaluation mode. */
    public double[] logProb(Matrix x, Matrix context) {
        Transformed t = forward(x, context);
        int d = config.features();
        double[] out = new double[x.rows];
        for (int r = 0; r < x.rows; r++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = t.values.data[r * d + j];
                s += v * v;
            }
            out[r] = -0.5 * s - 0.5 * d * LOG_2PI + t.logDet[r];
        }
        return out;
    }

    /** x → z with log|det ∂z/∂x| per row, in evaluation mode. */
    public Transformed forward(Matrix x, Matrix context) {
        check(x, context, "flow input");
        setTraining(false);
        Tape tape = Tape.noGrad();
        int d = config.features();
        Matrix z = new Matrix(x.rows, d);
        double[] logDet = new double[x.rows];
        for (int start = 0; start < x.rows; start += CHUNK) {
            int m = Math.min(CHUNK, x.rows - start);
            tape.reset();
            Tensor v = tape.constant(rows(x, start, m));
            Tensor c = context == null ? null : tape.constant(rows(context, start, m));
            for (FlowLayer layer : layers) {
                FlowLayer.Step s = layer.forward(tape, v, c);
                v = s.out();
                if (s.logDet() != null) {
                    float[] ld = s.logDet().value.data;
                    for (int r = 0; r < m; r++) logDet[start + r] += ld.length == 1 ? ld[0] : ld[r];
                }
            }
            System.arraycopy(v.value.data, 0, z.data, start * d, m * d);
        }
        return new Transformed(z, logDet);
    }

    /** z → x with log|det ∂x/∂z| per row, in evaluation mode. */
    public Transformed inverse(Matrix z, Matrix context) {
        check(z, context, "flow latent input");
        setTraining(false);
        Tape tape = Tape.noGrad();
        int d = config.features();
        Matrix x = new Matrix(z.rows, d);
        double[] logDet = new double[z.rows];
        double[] part = new double[Math.min(CHUNK, z.rows)];
        for (int start = 0; start < z.rows; start += CHUNK) {
            int m = Math.min(CHUNK, z.rows - start);
            tape.reset();
            java.util.Arrays.fill(part, 0);
            Matrix v = rows(z, start, m);
            Matrix c = context == null ? null : rows(context, start, m);
            for (int i = layers.size() - 1; i >= 0; i--) v = layers.get(i).inverse(tape, v, c, part);
            System.arraycopy(v.data, 0, x.data, start * d, m * d);
            for (int r = 0; r < m; r++) logDet[start + r] = part[r];
        }
        return new Transformed(x, logDet);
    }

    /**
     * n samples (one per context row when the flow is conditional; context may then not be null
     * and n must equal its rows). Seeded: the same seed gives the same samples.
     */
    public Matrix sample(int n, Matrix context, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix z = new Matrix(n, config.features());
        for (int i = 0; i < z.size(); i++) z.data[i] = (float) rng.nextGaussian();
        return inverse(z, context).values;
    }

    private static Matrix rows(Matrix m, int start, int count) {
        Matrix out = new Matrix(count, m.cols);
        System.arraycopy(m.data, start * m.cols, out.data, 0, count * m.cols);
        return out;
    }

    // ------------------------------------------------------------------ Trainable and files

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>();
        for (FlowLayer l : layers) p.addAll(l.params());
        return p;
    }

    @Override
    public List<Matrix> buffers() {
        List<Matrix> b = new ArrayList<>();
        for (FlowLayer l : layers) b.addAll(l.buffers());
        return b;
    }

    @Override
    public void setTraining(boolean training) {
        for (FlowLayer l : layers) l.setTraining(training);
    }

    public void save(Path path) {
        save(path, java.util.Map.of());
    }

    /** Saves with extra configuration entries of the application that uses the model (see {@link ModelFile#withExtra}). */
    public void save(Path path, java.util.Map<String, String> extra) {
        ModelFile.save(path, KIND, ModelFile.withExtra(config.toMap(), extra), seed, null, this);
    }

    public static NormalizingFlow load(Path path) {
        return fromContents(ModelFile.read(path, KIND), path);
    }

    /** The flow held by contents already read from {@code path}. */
    public static NormalizingFlow fromContents(ModelFile.Contents c, Path path) {
        long seed;
        try {
            seed = Long.parseLong(c.get("seed"));
        } catch (NumberFormatException e) {
            throw new org.anomalia.numerics.UserException("flow model file " + path + " has an invalid seed; save the model again");
        }
        NormalizingFlow f = new NormalizingFlow(FlowConfig.fromMap(c), seed);
        ModelFile.loadState(f, c, path);
        return f;
    }
}
