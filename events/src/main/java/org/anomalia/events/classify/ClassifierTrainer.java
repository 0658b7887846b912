package org.anomalia.events.classify;

/**
 * Trains a binary classifier on rows with labels 0/1. Implementations balance the two classes
 * (each counts as much as the other in the loss), because the methods here compare samples of
 * different sizes and want the likelihood ratio, not the prior.
 */
public interface ClassifierTrainer {
    /** Short name for reports ("mlp", "xgboost"). */
    String name();

    Scorer train(float[][] rows, int[] labels, long seed);

    /** Threads one training keeps busy (XGBoost's nthread); k-fold runs cores / threads trainings side by side. */
    default int threads() {
        return 1;
    }

    /** Whether {@link #train} shows a progress bar. */
    default boolean progress() {
        return false;
    }

    /** This trainer with its progress bar on or off (trainers without one ignore it). */
    default ClassifierTrainer withProgress(boolean on) {
        return this;
    }
}
