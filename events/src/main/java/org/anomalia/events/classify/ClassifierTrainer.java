package org.anomalia.events.classify;

import org.anomalia.numerics.UserException;

/**
 * Trains a binary classifier on rows with labels 0/1 and optional per-event weights.
 * Implementations balance the two classes (each counts as much as the other in the loss, see
 * {@link #balancedClassWeights}), because the methods here compare samples of different sizes and
 * want the likelihood ratio, not the prior.
 */
public interface ClassifierTrainer extends java.io.Serializable {
    /**
     * The preset a command line names: {@code mlp} (the CATHODE paper's MLP, or its quick preset with
     * {@code fast}) or {@code xgboost}; a user error naming --classifier otherwise.
     */
    static ClassifierTrainer named(String name, boolean fast) {
        return switch (name) {
            case "mlp" -> fast ? MlpTrainer.fast() : MlpTrainer.paper();
            case "xgboost" -> XgboostTrainer.defaults();
            default -> throw new UserException("--classifier " + name + ": use mlp or xgboost");
        };
    }

    /** Short name for reports ("mlp", "xgboost"). */
    String name();

    /** Every event counts 1. */
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

    /**
     * {@code weights}: per-event weights ≥ 0 (an event of weight w counts as w events), or null for
     * 1 each. Trainers that cannot weight events refuse weights.
     */
    default Scorer train(float[][] rows, int[] labels, double[] weights, long seed) {
        if (weights != null) {
            throw new UnsupportedOperationException(name() + " does not train with event weights");
        }
        return train(rows, labels, seed);
    }

    /**
     * Class weights {c0, c1} = n / (2 W_c), W_c the summed event weight of class c: after them both
     * classes carry the same total weight and the mean weight of an event is 1 (with unit event
     * weights, n / (2 n_c)).
     */
    static double[] balancedClassWeights(int[] labels, double[] weights) {
        double[] total = new double[2];
        for (int i = 0; i < labels.length; i++) {
            total[labels[i]] += weights == null ? 1 : weights[i];
        }
        if (!(total[0] > 0 && total[1] > 0)) {
            throw new UserException("classifier training needs both classes with positive total weight; got " + total[1]
                    + " for class 1 and " + total[0] + " for class 0");
        }
        int n = labels.length;
        return new double[] {n / (2.0 * total[0]), n / (2.0 * total[1])};
    }
}
