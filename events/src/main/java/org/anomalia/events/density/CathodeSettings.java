package org.anomalia.events.density;

import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.numerics.UserException;

/**
 * How CATHODE runs.
 *
 * @param flow the sideband density estimator
 * @param classifier the data-versus-samples classifier
 * @param folds k of the k-fold classifier training (every signal-region event is scored by the
 *              models that did not train on it); 1 = one model scoring its own training data
 * @param oversampling background samples per signal-region event
 * @param runs independent sample-and-classify runs whose scores are averaged
 */
public record CathodeSettings(FlowSettings flow, ClassifierTrainer classifier, int folds, int oversampling, int runs) implements java.io.Serializable {
    public CathodeSettings {
        if (folds < 1) throw new UserException("--folds must be at least 1, got " + folds);
        if (oversampling < 1) throw new UserException("--oversampling must be at least 1, got " + oversampling);
        if (runs < 1) throw new UserException("--runs must be at least 1, got " + runs);
    }

    /**
     * The CATHODE paper: MAF 15 × 128 with BatchNorm (Adam 1e-4, batch 256, 100 epochs, 10 best
     * epochs), 4× oversampling, classifier 64-64-64 (Adam 1e-3, batch 128, 100 epochs, 10 best
     * epochs), 5 folds.
     */
    public static CathodeSettings paper() {
        return new CathodeSettings(FlowSettings.paper(), MlpTrainer.paper(), 5, 4, 1);
    }

    /** A quick look: the fast flow and classifier presets, 5 folds, 4× oversampling. */
    public static CathodeSettings fast() {
        return new CathodeSettings(FlowSettings.fast(), MlpTrainer.fast(), 5, 4, 1);
    }

    public CathodeSettings withFlow(FlowSettings f) {
        return new CathodeSettings(f, classifier, folds, oversampling, runs);
    }

    public CathodeSettings withClassifier(ClassifierTrainer c) {
        return new CathodeSettings(flow, c, folds, oversampling, runs);
    }

    public CathodeSettings withFolds(int k) {
        return new CathodeSettings(flow, classifier, k, oversampling, runs);
    }

    public CathodeSettings withRuns(int r) {
        return new CathodeSettings(flow, classifier, folds, oversampling, r);
    }
}
