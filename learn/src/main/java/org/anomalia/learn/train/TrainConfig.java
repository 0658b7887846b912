package org.anomalia.learn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.anomalia.numerics.UserException;
import org.anomalia.learn.optim.LrSchedule;

/**
 * Settings of one training run. Mutable with chained setters:
 * {@code new TrainConfig().epochs(50).batchSize(256).lr(1e-3).seed(7)}.
 */
public final class TrainConfig {
    public int epochs = 20;
    public int batchSize = 256;
    public double lr = 1e-3;
    /** Decoupled (AdamW) weight decay; 0 gives plain Adam. */
    public double weightDecay = 0;
    /** Fraction of rows held out for validation (chosen by the seeded shuffle); 0 = none. */
    public double validationFraction = 0.2;
    /** Stop after this many epochs without a better validation loss; 0 = never. */
    public int patience = 0;
    /** How many best epochs to keep as snapshots. */
    public int keepBest = 1;
    /** Restore the weights of the best epoch at the end. */
    public boolean restoreBest = true;
    /** Global gradient-norm clip; 0 = none. */
    public double clipNorm = 0;
    public LrSchedule schedule = LrSchedule.constant();
    public long seed = 1;
    public boolean progress = true;
    public String taskName = "train";
    public final List<Consumer<EpochResult>> callbacks = new ArrayList<>();

    public TrainConfig epochs(int v) {
        epochs = v;
        return this;
    }

    public TrainConfig batchSize(int v) {
        batchSize = v;
        return this;
    }

    public TrainConfig lr(double v) {
        lr = v;
        return this;
    }

    public TrainConfig weightDecay(double v) {
        weightDecay = v;
        return this;
    }

    public TrainConfig validationFraction(double v) {
        validationFraction = v;
        return this;
    }

    public TrainConfig patience(int v) {
        patience = v;
        return this;
    }

    public TrainConfig keepBest(int v) {
        keepBest = v;
        return this;
    }

    public TrainConfig restoreBest(boolean v) {
        restoreBest = v;
        return this;
    }

    public TrainConfig clipNorm(double v) {
        clipNorm = v;
        return this;
    }

    public TrainConfig schedule(LrSchedule v) {
        schedule = v;
        return this;
    }

    public TrainConfig seed(long v) {
        seed = v;
        return this;
    }

    public TrainConfig progress(boolean v) {
        progress = v;
        return this;
    }

    public TrainConfig taskName(String v) {
        taskName = v;
        return this;
    }

    public TrainConfig onEpoch(Consumer<EpochResult> callback) {
        callbacks.add(callback);
        return this;
    }

    void validate() {
        if (epochs <= 0) throw new UserException("epochs must be positive, got " + epochs);
        if (batchSize <= 0) throw new UserException("batch size must be positive, got " + batchSize);
        if (!(validationFraction >= 0 && validationFraction < 1)) throw new UserException("validation fraction must be in [0, 1), got " + validationFraction);
        if (keepBest <= 0) throw new UserException("keepBest must be positive, got " + keepBest);
    }
}
