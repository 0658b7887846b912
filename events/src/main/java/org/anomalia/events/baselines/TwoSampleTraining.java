package org.anomalia.events.baselines;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.KFold;
import org.anomalia.numerics.UserException;

/**
 * The common core of the classifier baselines: a classifier learns to tell sample "one" (label 1)
 * from sample "zero" (label 0) on the chosen features, with k folds so that every training event
 * is scored by models that did not see it. With balanced classes the score is a monotone function
 * of the likelihood ratio p_one / p_zero (of the weighted densities when events carry weights).
 */
public final class TwoSampleTraining {
    private TwoSampleTraining() {
    }

    public static KFold.Result run(Table one, Table zero, List<String> features, ClassifierTrainer trainer, int folds,
            long seed) {
        return run(one, null, zero, null, features, trainer, folds, seed);
    }

    /** With per-event weights of each sample (null = 1 each). */
    public static KFold.Result run(Table one, double[] oneWeights, Table zero, double[] zeroWeights, List<String> features,
            ClassifierTrainer trainer, int folds, long seed) {
        if (one.rows() == 0 || zero.rows() == 0) {
            throw new UserException("classifier training needs events in both samples; got " + one.rows() + " in "
                    + one.source() + " and " + zero.rows() + " in " + zero.source());
        }
        float[][] a = one.toFloatRows(features);
        float[][] b = zero.toFloatRows(features);
        float[][] rows = new float[a.length + b.length][];
        int[] labels = new int[rows.length];
        System.arraycopy(a, 0, rows, 0, a.length);
        System.arraycopy(b, 0, rows, a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            labels[i] = 1;
        }
        double[] weights = null;
        if (oneWeights != null || zeroWeights != null) {
            weights = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double[] w = i < a.length ? oneWeights : zeroWeights;
                weights[i] = w == null ? 1 : w[i < a.length ? i : i - a.length];
            }
        }
        return KFold.run(trainer, rows, labels, weights, folds, seed);
    }
}
