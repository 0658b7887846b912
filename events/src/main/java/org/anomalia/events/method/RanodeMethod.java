package org.anomalia.events.method;

import org.anomalia.data.Table;
import org.anomalia.events.density.ConditionalDensity;
import org.anomalia.events.density.Ranode;
import org.anomalia.events.density.RanodeSettings;
import org.anomalia.numerics.UserException;

/**
 * R-ANODE on one window: the sideband flow (sidebands of the given width, ≤ 0 = all outside; the
 * same flow CATHODE trains for the same seed), frozen; the signal flow and signal fraction fitted on
 * the signal region. Like ANODE it scores the events it fitted on (no folds: the signal flow is
 * small and its epoch is chosen on held-out rows).
 */
public record RanodeMethod(RanodeSettings settings, double sidebandWidth) implements WindowMethod {
    @Override
    public String name() {
        return "ranode";
    }

    /** The fitted method and what it learnt. */
    public record Fitted(Window window, ConditionalDensity background, Ranode signal) implements FittedMethod {
        @Override
        public double[] dataScores(boolean[] rows) {
            return score(window.data().filter(rows));
        }

        @Override
        public double[] score(Table events) {
            double[][] x = events.toRows(window.features());
            return signal.score(x, background.logDensity(x, events.column(window.region().variable())));
        }

        /** The fitted signal fraction of the signal region. */
        public double signalFraction() {
            return signal.signalFraction();
        }

        /** Each start of the signal fit (w at the start and the end, held-out loss) and which was kept. */
        public String describeStarts() {
            return signal.describeStarts();
        }
    }

    @Override
    public Fitted fit(Window w, long seed) {
        SidebandSplit s = SidebandSplit.of(w, sidebandWidth);
        if (s.sidebands().rows() == 0) throw new UserException("R-ANODE: no events in the sidebands of " + w.region());
        // the seed CATHODE gives its sideband flow: the same seed trains the same background for both
        ConditionalDensity bg = ConditionalDensity.fit(s.sidebandRows(), s.sidebandMasses(), settings.background(), seed, "R-ANODE sideband flow");
        double[][] x = s.signalRows();
        Ranode signal = Ranode.fit(x, bg.logDensity(x, s.signalMasses()), settings,
                org.anomalia.numerics.random.Seeds.derive(seed, "ranode signal flow"));
        return new Fitted(w, bg, signal);
    }
}
