package org.anomalia.events.density;

import org.anomalia.numerics.UserException;

/**
 * How a conditional MAF density estimator is built and trained.
 *
 * @param blocks MADE blocks
 * @param hidden hidden units of each MADE
 * @param batchNorm BatchNorm flow steps between the blocks
 * @param learningRate Adam step size
 * @param batchSize rows per batch
 * @param epochs training epochs
 * @param bestEpochs how many epochs with the lowest validation loss form the ensemble
 * @param validationFraction rows held out to rank the epochs
 * @param progress show a progress bar
 */
public record FlowSettings(int blocks, int hidden, boolean batchNorm, double learningRate, int batchSize, int epochs,
        int bestEpochs, double validationFraction, boolean progress) implements java.io.Serializable {

    public FlowSettings {
        // named as the command line names them
        if (blocks < 1) throw new UserException("--flow-blocks must be at least 1, got " + blocks);
        if (epochs < 1) throw new UserException("--flow-epochs must be at least 1, got " + epochs);
        if (hidden < 1 || batchSize < 1 || bestEpochs < 1) {
            throw new UserException("flow settings: hidden units, batch size and best epochs must be at least 1, got " + hidden + ", "
                    + batchSize + ", " + bestEpochs);
        }
        if (!(learningRate > 0)) throw new UserException("flow settings: learning rate must be positive, got " + learningRate);
    }

    /** The CATHODE paper: 15 MADE blocks × 128 hidden with BatchNorm, Adam 1e-4, batch 256, 100 epochs, 10 best epochs. */
    public static FlowSettings paper() {
        return new FlowSettings(15, 128, true, 1e-4, 256, 100, 10, 0.2, true);
    }

    /** A quick look: 5 blocks × 64 hidden, Adam 1e-3, batch 256, 15 epochs, 5 best epochs. */
    public static FlowSettings fast() {
        return new FlowSettings(5, 64, true, 1e-3, 256, 15, 5, 0.2, true);
    }

    public FlowSettings withEpochs(int e, int best) {
        return new FlowSettings(blocks, hidden, batchNorm, learningRate, batchSize, e, Math.min(best, e), validationFraction, progress);
    }

    public FlowSettings withProgress(boolean p) {
        return new FlowSettings(blocks, hidden, batchNorm, learningRate, batchSize, epochs, bestEpochs, validationFraction, p);
    }
}
