package org.anomalia.events.method;

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
        SidebandSplit s = SidebandSplit.of(w, sidebandWidth);
        LaCathode.Result r = LaCathode.run(s.signalRows(), s.signalMasses(), s.sidebandRows(), s.sidebandMasses(), settings, seed);
        return new SignalRegionOutOfFold(w, r.dataScores()) {
            @Override
            public double[] score(Table events) {
                return r.score(events.toRows(s.features()), events.column(s.variable()));
            }

            @Override
            public double[] templateScores() {
                return TemplateScores.outOfFold(r.runs(), r.trainedRows(), r.draws());
            }

            @Override
            public double[] templateScoresAt(double[] masses, long seed) {
                // the score is a function of the latent alone: the template is N(0, I) at every mass
                return r.scoreLatents(LaCathode.standardNormal(masses.length, r.draws()[0].length, seed));
            }
        };
    }
}
