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
    static Fitted fit(Window w, boolean[] oneRows, boolean[] zeroRows, Table zero, String weight, ClassifierTrainer trainer,
            int folds, long seed) {
        Table one = w.data().filter(oneRows);
        List<String> f = w.features();
        KFold.Result r = TwoSampleTraining.run(one, weights(one, weight), zero, weights(zero, weight), f, trainer, folds, seed);
        int[] trained = RowScores.positions(oneRows, 0, RowScores.none(w.data().rows()));
        if (zeroRows != null) RowScores.positions(zeroRows, one.rows(), trained);
        return new Fitted(w.data(), f, trained, r, one.rows());
    }

    /** The fitted classifier; it also gives sample zero's own out-of-fold scores. */
    static final class Fitted implements FittedMethod {
        private final Table data;
        private final List<String> features;
        private final int[] trained;
        private final KFold.Result result;
        private final int oneRows;

        private Fitted(Table data, List<String> features, int[] trained, KFold.Result result, int oneRows) {
            this.data = data;
            this.features = features;
            this.trained = trained;
            this.result = result;
            this.oneRows = oneRows;
        }

        @Override
        public double[] dataScores(boolean[] rows) {
            return RowScores.compose(data, rows, trained, result.outOfFold(), this::score);
        }

        @Override
        public double[] score(Table events) {
            return result.ensembleScore(events.toFloatRows(features));
        }

        /** Sample zero's rows scored out of fold, in its order. */
        double[] zeroOutOfFold() {
            double[] all = result.outOfFold();
            return java.util.Arrays.copyOfRange(all, oneRows, all.length);
        }
    }

    /** The weight column of a table, null when no column is named or the table lacks it (1 each). */
    static double[] weights(Table t, String weight) {
        return weight == null || !t.has(weight) ? null : t.column(weight);
    }
}
