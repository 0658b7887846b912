package org.anomalia.learn.train;

import java.util.List;

/**
 * The outcome of {@link Trainer#fit}: per-epoch losses, the k best epochs (by validation loss,
 * best first) with weight snapshots, and whether early stopping ended the run.
 */
public record TrainHistory(long seed, List<EpochResult> epochs, List<Snapshot> best, boolean stoppedEarly) {
    public Snapshot bestSnapshot() {
        return best.get(0);
    }

    public EpochResult last() {
        return epochs.get(epochs.size() - 1);
    }
}
