package org.anomalia.events.method;

import org.anomalia.data.Table;
import org.anomalia.events.density.Cathode;
import org.anomalia.events.density.CathodeSettings;

/**
 * CATHODE on one window: the sideband flow (sidebands of the given width, ≤ 0 = every event
 * outside the window), samples in the signal region, the k-fold data-versus-samples classifier.
 * Signal-region rows are scored out of fold; every other row (never trained on) by the mean of the
 * fold ensembles. The template is the first run's samples, scored out of fold; at other masses the
 * flow's samples there, scored by the fold ensembles.
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
        SidebandSplit s = SidebandSplit.of(w, sidebandWidth);
        Cathode.Result r = Cathode.run(s.signalRows(), s.signalMasses(), s.sidebandRows(), s.sidebandMasses(), w.region().low(), w.region().high(),
                settings, seed);
        return new SignalRegionOutOfFold(w, r.dataScores()) {
            @Override
            public double[] score(Table events) {
                return r.score(events.toRows(s.features()));
            }

            @Override
            public double[] templateScores() {
                return TemplateScores.outOfFold(r.runs(), s.signalRegion().rows(), r.samples());
            }

            @Override
            public double[] templateScoresAt(double[] masses, long seed) {
                return r.score(Cathode.sampleAt(r.density(), masses, seed).x());
            }
        };
    }
}
