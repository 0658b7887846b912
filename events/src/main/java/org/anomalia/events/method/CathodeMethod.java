package org.anomalia.events.method;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.density.Cathode;
import org.anomalia.events.density.CathodeSettings;

/**
 * CATHODE on one window: the sideband flow (sidebands of the given width, ≤ 0 = every event
 * outside the window), samples in the signal region, the k-fold data-versus-samples classifier.
 * Signal-region rows are scored out of fold; every other row (never trained on) by the mean of the
 * fold ensembles. The template is the first run's samples, scored out of fold.
 */
public record CathodeMethod(CathodeSettings settings, double sidebandWidth) implements WindowMethod {
    @Override
    public String name() {
        return "cathode";
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
        Cathode.Result r = Cathode.run(sr.toRows(f), sr.column(m), sb.toRows(f), sb.column(m), w.region().low(), w.region().high(),
                settings, seed);
        int[] trained = RowScores.positions(w.inRegion(), 0, RowScores.none(w.data().rows()));
        return new FittedMethod() {
            @Override
            public double[] dataScores(boolean[] rows) {
                return RowScores.compose(w.data(), rows, trained, r.dataScores(), this::score);
            }

            @Override
            public double[] score(Table events) {
                return r.score(events.toRows(f));
            }

            @Override
            public double[] templateScores() {
                return TemplateScores.outOfFold(r.runs(), sr.rows(), r.samples());
            }
        };
    }
}
