package org.anomalia.events.method;

import org.anomalia.data.Table;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.numerics.UserException;

/**
 * The idealized detector on one window: signal-region data against the window's
 * {@link Window#referenceBackground pure-background sample} restricted to the signal region —
 * what CATHODE would reach with a perfect background model. Only for simulated data.
 */
public record IdealizedMethod(ClassifierTrainer trainer, int folds, String weight) implements WindowMethod {
    @Override
    public String name() {
        return "idealized";
    }

    @Override
    public FittedMethod fit(Window w, long seed) {
        if (w.referenceBackground() == null) {
            throw new UserException("idealized: needs a pure-background sample (--background FILE)");
        }
        Table bg = w.region().inside(w.referenceBackground());
        return TwoSampleMethod.fit(w, w.inRegion(), null, bg, weight, trainer, folds, seed);
    }
}
