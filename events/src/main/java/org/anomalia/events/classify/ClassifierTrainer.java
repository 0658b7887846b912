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
}
