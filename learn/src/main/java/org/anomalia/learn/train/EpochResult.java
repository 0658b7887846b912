package org.anomalia.learn.train;

/** What happened in one epoch; handed to callbacks and kept in the history. */
public record EpochResult(int epoch, double trainLoss, double valLoss, double learningRate, double seconds, long rows) {
    public double rowsPerSecond() {
        return rows / Math.max(seconds, 1e-9);
    }
}
