package org.anomalia.learn.train;

import org.anomalia.numerics.io.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.optim.Adam;
import org.anomalia.learn.optim.GradClip;
import org.anomalia.numerics.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mini-batch training with Adam/AdamW: seeded split and shuffling, validation loss each epoch,
 * early stopping, the k best epochs kept as snapshots, NaN/Inf detection, a progress bar and
 * per-epoch callbacks. Everything random derives from {@link TrainConfig#seed}: the same seed
 * (and the same kernel thread count) gives bit-identical weights.
 */
public final class Trainer {
    private static final Logger log = LoggerFactory.getLogger(Trainer.class);
    /** Rows per evaluation batch: evaluation has no optimizer step, so bigger batches are cheaper. */
    static final int EVAL_BATCH = 2048;

    private Trainer() {}

    /**
     * Trains on data, holding out {@link TrainConfig#validationFraction} of its rows (chosen by the
     * seeded shuffle) for validation.
     */
    public static TrainHistory fit(Trainable model, Matrix data, TrainConfig cfg) {
        cfg.validate();
        DataChecks.requireFinite(data, cfg.taskName() + " training data");
        SplittableRandom rng = new SplittableRandom(cfg.seed());
        int n = data.rows;
        int[] perm = permutation(n, rng);
        int nVal = cfg.validationFraction() > 0 ? Math.max(1, (int) Math.round(n * cfg.validationFraction())) : 0;
        Matrix valData = nVal > 0 ? rows(data, Arrays.copyOfRange(perm, n - nVal, n)) : null;
        return run(model, data, Arrays.copyOfRange(perm, 0, n - nVal), valData, cfg, rng);
    }

    /**
     * Trains on all rows of train and validates on the given rows (null: the training loss stands
     * in for the validation loss); {@link TrainConfig#validationFraction} is ignored.
     */
    public static TrainHistory fit(Trainable model, Matrix train, Matrix validation, TrainConfig cfg) {
        cfg.validate();
        DataChecks.requireFinite(train, cfg.taskName() + " training data");
        if (validation != null) {
            DataChecks.requireFinite(validation, cfg.taskName() + " validation data");
            DataChecks.requireColumns(validation, train.cols, cfg.taskName() + " validation data");
            DataChecks.requireRows(validation, 1, cfg.taskName() + " validation data");
        }
        SplittableRandom rng = new SplittableRandom(cfg.seed());
        int[] all = new int[train.rows];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return run(model, train, all, validation, cfg, rng);
    }

    private static TrainHistory run(Trainable model, Matrix data, int[] train, Matrix valData, TrainConfig cfg, SplittableRandom rng) {
        int nTrain = train.length;
        if (nTrain < 2) throw new UserException(cfg.taskName() + ": needs at least 2 training rows, got " + nTrain);
        SplittableRandom noise = rng.split();
        long valSeed = rng.nextLong();

        List<Param> params = model.params();
        Adam opt = cfg.weightDecay() > 0 ? Adam.adamW(params, cfg.lr(), cfg.weightDecay()) : Adam.adam(params, cfg.lr());
        Tape tape = new Tape();
        int bs = Math.min(cfg.batchSize(), nTrain);
        int fullBatches = nTrain / bs, rest = nTrain % bs;
        int batches = fullBatches + (rest >= 2 ? 1 : 0);
        long rowsPerEpoch = (long) fullBatches * bs + (rest >= 2 ? rest : 0);
        Matrix batch = new Matrix(bs, data.cols);
        Matrix tail = rest >= 2 ? new Matrix(rest, data.cols) : null;

        List<EpochResult> history = new ArrayList<>();
        List<Snapshot> best = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY, previousVal = Double.NaN;
        int bestEpoch = -1;
        boolean stoppedEarly = false;
        try (Progress bar = cfg.progress() ? Progress.start(cfg.taskName(), rowsPerEpoch * cfg.epochs(), " rows") : null) {
            for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
                long t0 = System.nanoTime();
                double lr = cfg.schedule().lr(epoch, cfg.lr(), previousVal);
                opt.setLearningRate(lr);
                shuffle(train, rng);
                model.setTraining(true);
                double sum = 0;
                for (int b = 0; b < batches; b++) {
                    Matrix x = b < fullBatches ? batch : tail;
                    gatherRows(data, train, b * bs, x);
                    tape.reset();
                    Tensor loss = model.loss(tape, x, noise);
                    float l = loss.item();
                    if (!Float.isFinite(l)) throw diverged(cfg, epoch, b, "the training loss is " + l, lr);
                    opt.zeroGrad();
                    tape.backward(loss);
                    if (cfg.clipNorm() > 0) {
                        double norm = GradClip.clipNorm(params, cfg.clipNorm());
                        if (!Double.isFinite(norm)) throw diverged(cfg, epoch, b, "the gradient norm is " + norm, lr);
                    }
                    opt.step();
                    sum += (double) l * x.rows;
                    if (bar != null) bar.step(x.rows);
                }
                tape.reset();
                double trainLoss = sum / rowsPerEpoch;
                double valLoss = valData != null ? meanLoss(model, valData, new SplittableRandom(valSeed)) : trainLoss;
                if (!Double.isFinite(valLoss)) {
                    if (!cfg.skipBadValidation()) throw diverged(cfg, epoch, batches, "the validation loss is " + valLoss, lr);
                    valLoss = Double.POSITIVE_INFINITY;
                }
                double seconds = (System.nanoTime() - t0) * 1e-9;
                EpochResult r = new EpochResult(epoch, trainLoss, valLoss, lr, seconds, rowsPerEpoch);
                history.add(r);
                if (Double.isFinite(valLoss)) keep(best, Snapshot.of(model, epoch, valLoss), cfg.keepBest());
                if (bar != null) bar.note(String.format(java.util.Locale.ROOT, " ep %d/%d loss %.4g val %.4g", epoch + 1, cfg.epochs(), trainLoss, valLoss));
                log.debug("{} epoch {}: loss {} validation {} lr {} ({} rows/s)", cfg.taskName(), epoch, trainLoss, valLoss, lr, r.rowsPerSecond());
                for (var c : cfg.callbacks()) c.accept(r);
                previousVal = valLoss;
                if (valLoss < bestLoss) {
                    bestLoss = valLoss;
                    bestEpoch = epoch;
                } else if (cfg.patience() > 0 && epoch - bestEpoch >= cfg.patience()) {
                    stoppedEarly = true;
                    break;
                }
            }
        }
        if (best.isEmpty()) throw diverged(cfg, cfg.epochs() - 1, batches, "no epoch had a finite validation loss", cfg.lr());
        if (cfg.restoreBest()) best.get(0).restoreInto(model);
        model.setTraining(false);
        return new TrainHistory(cfg.seed(), List.copyOf(history), List.copyOf(best), stoppedEarly);
    }

    /** The row-weighted mean loss over a data set in evaluation mode (no gradients). */
    public static double meanLoss(Trainable model, Matrix data, SplittableRandom rng) {
        model.setTraining(false);
        Tape tape = Tape.noGrad();
        double sum = 0;
        for (int start = 0; start < data.rows; start += EVAL_BATCH) {
            int m = Math.min(EVAL_BATCH, data.rows - start);
            Matrix x = new Matrix(m, data.cols, Arrays.copyOfRange(data.data, start * data.cols, (start + m) * data.cols));
            tape.reset();
            sum += (double) model.loss(tape, x, rng).item() * m;
        }
        return sum / data.rows;
    }

    private static void keep(List<Snapshot> best, Snapshot s, int k) {
        int at = 0;
        while (at < best.size() && best.get(at).valLoss <= s.valLoss) at++;
        if (at >= k) return;
        best.add(at, s);
        if (best.size() > k) best.remove(best.size() - 1);
    }

    private static TrainingDivergedException diverged(TrainConfig cfg, int epoch, int batch, String what, double lr) {
        return new TrainingDivergedException(cfg.taskName() + " diverged at epoch " + (epoch + 1) + ", batch " + (batch + 1) + ": " + what
                + " (learning rate " + lr + "); lower the learning rate or set a gradient clip");
    }

    /** A seeded random permutation of 0..n-1. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p, rng);
        return p;
    }

    static void shuffle(int[] p, SplittableRandom rng) {
        for (int i = p.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }

    /** The given rows of m, in order. */
    public static Matrix rows(Matrix m, int[] idx) {
        Matrix out = new Matrix(idx.length, m.cols);
        gatherRows(m, idx, 0, out);
        return out;
    }

    private static void gatherRows(Matrix m, int[] idx, int from, Matrix out) {
        for (int r = 0; r < out.rows; r++) System.arraycopy(m.data, idx[from + r] * m.cols, out.data, r * m.cols, m.cols);
    }
}
