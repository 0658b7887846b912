package org.anomalia.events.method;

import java.util.Arrays;
import org.anomalia.data.Table;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.numerics.UserException;

/**
 * The idealized detector on one window: signal-region data against a pure-background sample of
 * the signal region — what CATHODE would reach with a perfect background model. Only for
 * simulated data. The background sample is its template, exact but for its own statistics, so
 * the scan's template estimate with this method measures how far a perfect background model
 * would carry a search, and whether the estimate itself is calibrated.
 *
 * @param background pure background over the scanned resonant range (null until a caller supplies
 *                   one: a scan study draws one per dataset from its generator, see {@link #withBackground})
 */
public record IdealizedMethod(ClassifierTrainer trainer, int folds, String weight, Table background) implements WindowMethod {
    @Override
    public String name() {
        return "idealized";
    }

    @Override
    public boolean hasBackgroundTemplate() {
        return true;
    }

    /** The same method with another pure-background sample. */
    public IdealizedMethod withBackground(Table b) {
        return new IdealizedMethod(trainer, folds, weight, b);
    }

    @Override
    public FittedMethod fit(Window w, long seed) {
        if (background == null) {
            throw new UserException("idealized: needs a pure-background sample (--background FILE)");
        }
        Table bg = w.region().inside(background);
        TwoSampleMethod.Fitted f = TwoSampleMethod.fit(w, w.inRegion(), null, bg, weight, trainer, folds, seed);
        double[] mass = background.column(w.region().variable());
        return new FittedMethod() {
            @Override
            public double[] dataScores(boolean[] rows) {
                return f.dataScores(rows);
            }

            @Override
            public double[] score(Table events) {
                return f.score(events);
            }

            @Override
            public double[] templateScores() {
                return f.zeroOutOfFold();
            }

            /** The background sample's own events between the lowest and highest mass asked for: the true spectrum there, not resampled. */
            @Override
            public double[] templateScoresAt(double[] masses, long seed) {
                if (masses.length == 0) return new double[0];
                double lo = Arrays.stream(masses).min().getAsDouble(), hi = Arrays.stream(masses).max().getAsDouble();
                boolean[] keep = new boolean[mass.length];
                for (int i = 0; i < mass.length; i++) keep[i] = mass[i] >= lo && mass[i] <= hi;
                return f.score(background.filter(keep));
            }
        };
    }

    @Override
    public String toString() {
        return "IdealizedMethod[trainer=" + trainer + ", folds=" + folds + ", weight=" + weight + ", background=" + background + "]";
    }
}
