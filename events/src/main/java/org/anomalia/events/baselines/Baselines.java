package org.anomalia.events.baselines;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.KFold;
import org.anomalia.numerics.UserException;

/**
 * The reference methods that anomaly detectors are judged against. All return the k fold models
 * (score new events with {@link KFold.Result#ensembleScore}) and out-of-fold scores of the
 * training events (first sample one, then sample zero).
 */
public final class Baselines {
    private Baselines() {
    }

    /**
     * Idealized anomaly detector: signal-region data against a pure-background sample of the
     * signal region — what CATHODE would reach with a perfect background model.
     */
    public static KFold.Result idealized(Table srData, Table srBackground, List<String> features, ClassifierTrainer trainer,
            int folds, long seed) {
        return TwoSampleTraining.run(srData, srBackground, features, trainer, folds, seed);
    }

    /** Fully supervised: labelled signal against labelled background (the upper bound). */
    public static KFold.Result supervised(Table signal, Table background, List<String> features, ClassifierTrainer trainer,
            int folds, long seed) {
        return TwoSampleTraining.run(signal, background, features, trainer, folds, seed);
    }

    /**
     * CWoLa hunting: signal-region events against the events of the two neighbouring sidebands of
     * the given width. Works when the features do not depend on the resonant variable; the
     * resonant variable itself must not be among the features.
     */
    public static KFold.Result cwola(Table events, SignalRegion region, double sidebandWidth, List<String> features,
            ClassifierTrainer trainer, int folds, long seed) {
        requireResonantNotAFeature(region, features);
        return TwoSampleTraining.run(region.inside(events), region.sidebands(events, sidebandWidth), features, trainer, folds, seed);
    }

    /** CWoLa's precondition: the resonant variable separates signal region from sidebands trivially. */
    public static void requireResonantNotAFeature(SignalRegion region, List<String> features) {
        if (features.contains(region.variable())) {
            throw new UserException("CWoLa: the resonant variable '" + region.variable()
                    + "' must not be a classifier feature (it separates SR from sidebands trivially); drop it from --features");
        }
    }
}
