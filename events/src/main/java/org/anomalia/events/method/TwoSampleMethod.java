package org.anomalia.events.method;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.TwoSampleTraining;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.KFold;

/**
 * The fitted form shared by the classifier methods (CWoLa, idealized): a k-fold classifier of
 * sample one (the signal-region data) against sample zero, with event weights; data rows in either
 * training sample are scored out of fold, all others by the fold ensemble.
 */
final class TwoSampleMethod {
    private TwoSampleMethod() {
    }

    /**
     * @param oneRows data rows of sample one
     * @param zeroRows data rows of sample zero, or null when sample zero is not from the data
     * @param zero sample zero
     */
    static FittedMethod fit(Window w, boolean[] oneRows, boolean[] zeroRows, Table zero, String weight, ClassifierTrainer trainer,
            int folds, long seed) {
        Table one = w.data().filter(oneRows);
        List<String> f = w.features();
        KFold.Result r = TwoSampleTraining.run(one, weights(one, weight), zero, weights(zero, weight), f, trainer, folds, seed);
        int[] trained = RowScores.positions(oneRows, 0, RowScores.none(w.data().rows()));
        if (zeroRows != null) RowScores.positions(zeroRows, one.rows(), trained);
        return new FittedMethod() {
            @Override
            public double[] dataScores(boolean[] rows) {
                return RowScores.compose(w.data(), rows, trained, r.outOfFold(), this::score);
            }

            @Override
            public double[] score(Table events) {
                return r.ensembleScore(events.toFloatRows(f));
            }
        };
    }

    /** The weight column of a table, null when no column is named or the table lacks it (1 each). */
    static double[] weights(Table t, String weight) {
        return weight == null || !t.has(weight) ? null : t.column(weight);
    }
}
