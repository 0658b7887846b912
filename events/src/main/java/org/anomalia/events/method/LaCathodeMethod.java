package org.anomalia.events.method;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.density.LaCathode;

/**
 * LaCATHODE on one window: the sideband flow (the same seed trains the same flow as CATHODE's),
 * signal-region latents z = f(x; m) against N(0, I) draws with the k-fold classifier. Signal-region
 * rows are scored out of fold; every other row by the fold ensembles applied to its own latent
 * f(x; m) at its own m.
 *
 * <p>It has a background template: the N(0, I) draws. They are exactly the latent images of CATHODE's
 * background samples (x = f⁻¹(z; m) with z ~ N(0, I), m from the KDE), and the score of an event is
 * a function of its latent alone, so the fraction of draws that pass a cut estimates the fraction of
 * signal-region background that passes it under the same condition as CATHODE's template: that the
 * flow's background model is right in the window. The draws' scores are out of fold.
 */
public record LaCathodeMethod(CathodeSettings settings, double sidebandWidth) implements WindowMethod {
    @Override
    public String name() {
        return "lacathode";
    }

    @Override
    public boolean hasBackgroundTemplate() {
        return true;
    }

    @Override
    public FittedMethod fit(Window w, long seed) {
        Table sr = w.signalRegion();
        Table sb = w.region().sidebands(w.data(), sidebandWidth);
        List<String> f = w.features();
        String m = w.region().variable();
        LaCathode.Result r = LaCathode.run(sr.toRows(f), sr.column(m), sb.toRows(f), sb.column(m), settings, seed);
        int[] trained = RowScores.positions(w.inRegion(), 0, RowScores.none(w.data().rows()));
        return new FittedMethod() {
            @Override
            public double[] dataScores(boolean[] rows) {
                return RowScores.compose(w.data(), rows, trained, r.dataScores(), this::score);
            }

            @Override
            public double[] score(Table events) {
                return r.score(events.toRows(f), events.column(m));
            }

            @Override
            public double[] templateScores() {
                return TemplateScores.outOfFold(r.runs(), r.trainedRows(), r.draws());
            }
        };
    }
}
