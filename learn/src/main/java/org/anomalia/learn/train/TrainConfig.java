package org.anomalia.learn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.anomalia.learn.optim.LrSchedule;
import org.anomalia.numerics.UserException;

/**
 * Settings of one training run, immutable: {@code new TrainConfig().withEpochs(50).withBatchSize(256).withLr(1e-3)}
 * starts from the defaults (the no-argument constructor, the one place they live) and each {@code with…}
 * returns a copy, so a config handed to several trainings cannot be changed by one of them.
 *
 * @param epochs Passes over the training rows.
 * @param batchSize Rows per gradient step.
 * @param lr Adam's (starting) learning rate.
 * @param weightDecay Decoupled (AdamW) weight decay; 0 gives plain Adam.
 * @param validationFraction Fraction of rows held out for validation (chosen by the seeded shuffle); 0 = none.
 * @param patience Stop after this many epochs without a better validation loss; 0 = never.
 * @param keepBest How many best epochs to keep as snapshots.
 * @param restoreBest Restore the weights of the best epoch at the end.
 * @param clipNorm Global gradient-norm clip; 0 = none.
 * @param schedule Learning rate per epoch.
 * @param seed Seeds the shuffles, the validation split and dropout-like noise.
 * @param progress Show progress on stderr.
 * @param taskName Names the run in progress lines and messages.
 * @param callbacks Called after every epoch.
 * @param skipBadValidation An epoch whose validation loss is not finite (some held-out row has no density
 *        under that epoch's model) is passed over, never kept, and training goes on; false = it ends the
 *        training as a divergence. A training loss that is not finite always does.
 */
public record TrainConfig(
        int epochs,
        int batchSize,
        double lr,
        double weightDecay,
        double validationFraction,
        int patience,
        int keepBest,
        boolean restoreBest,
        double clipNorm,
        LrSchedule schedule,
        long seed,
        boolean progress,
        String taskName,
        List<Consumer<EpochResult>> callbacks,
        boolean skipBadValidation) {

    public TrainConfig {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(taskName, "taskName");
        callbacks = List.copyOf(callbacks);
    }

    /** The defaults: 20 epochs of batches of 256 at lr 1e-3 (constant), plain Adam, 20 % validation, no early stop, keep and restore the best epoch, no clip, seed 1. */
    public TrainConfig() {
        this(20, 256, 1e-3, 0, 0.2, 0, 1, true, 0, LrSchedule.constant(), 1, true, "train", List.of(), false);
    }

    public TrainConfig withEpochs(int v) {
        return new TrainConfig(v, batchSize, lr, weightDecay, validationFraction, patience, keepBest, restoreBest, clipNorm, schedule, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withBatchSize(int v) {
        return new TrainConfig(epochs, v, lr, weightDecay, validationFraction, patience, keepBest, restoreBest, clipNorm, schedule, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withLr(double v) {
        return new TrainConfig(epochs, batchSize, v, weightDecay, validationFraction, patience, keepBest, restoreBest, clipNorm, schedule, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withWeightDecay(double v) {
        return new TrainConfig(epochs, batchSize, lr, v, validationFraction, patience, keepBest, restoreBest, clipNorm, schedule, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withValidationFraction(double v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, v, patience, keepBest, restoreBest, clipNorm, schedule, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withPatience(int v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, v, keepBest, restoreBest, clipNorm, schedule, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withKeepBest(int v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, patience, v, restoreBest, clipNorm, schedule, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withRestoreBest(boolean v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, patience, keepBest, v, clipNorm, schedule, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withClipNorm(double v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, patience, keepBest, restoreBest, v, schedule, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withSchedule(LrSchedule v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, patience, keepBest, restoreBest, clipNorm, v, seed, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withSeed(long v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, patience, keepBest, restoreBest, clipNorm, schedule, v, progress, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withProgress(boolean v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, patience, keepBest, restoreBest, clipNorm, schedule, seed, v, taskName, callbacks, skipBadValidation);
    }

    public TrainConfig withTaskName(String v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, patience, keepBest, restoreBest, clipNorm, schedule, seed, progress, v, callbacks, skipBadValidation);
    }

    public TrainConfig withSkipBadValidation(boolean v) {
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, patience, keepBest, restoreBest, clipNorm, schedule, seed, progress, taskName, callbacks, v);
    }

    /** A copy that also calls {@code callback} after every epoch. */
    public TrainConfig withEpochCallback(Consumer<EpochResult> callback) {
        List<Consumer<EpochResult>> more = new ArrayList<>(callbacks);
        more.add(callback);
        return new TrainConfig(epochs, batchSize, lr, weightDecay, validationFraction, patience, keepBest, restoreBest, clipNorm, schedule, seed, progress, taskName, List.copyOf(more), skipBadValidation);
    }

    void validate() {
        if (epochs <= 0) throw new UserException("epochs must be positive, got " + epochs);
        if (batchSize <= 0) throw new UserException("batch size must be positive, got " + batchSize);
        if (!(validationFraction >= 0 && validationFraction < 1)) throw new UserException("validation fraction must be in [0, 1), got " + validationFraction);
        if (keepBest <= 0) throw new UserException("keepBest must be positive, got " + keepBest);
    }
}
