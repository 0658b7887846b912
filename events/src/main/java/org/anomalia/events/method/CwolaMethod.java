package org.anomalia.events.method;

import org.anomalia.events.baselines.Baselines;
import org.anomalia.events.classify.ClassifierTrainer;

/**
 * CWoLa hunting on one window: signal-region data against the data in the two neighbouring
 * sidebands of the given width, with event weights from the named column (null = 1 each).
 */
public record CwolaMethod(ClassifierTrainer trainer, int folds, double sidebandWidth, String weight) implements WindowMethod {
    @Override
    public String name() {
        return "cwola";
    }

    @Override
    public FittedMethod fit(Window w, long seed) {
        Baselines.requireResonantNotAFeature(w.region(), w.features());
        boolean[] sb = RowScores.sidebandRows(w, sidebandWidth);
        return TwoSampleMethod.fit(w, w.inRegion(), sb, w.region().sidebands(w.data(), sidebandWidth), weight, trainer, folds, seed);
    }
}
