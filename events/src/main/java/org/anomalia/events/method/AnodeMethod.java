package org.anomalia.events.method;

import org.anomalia.data.Table;
import org.anomalia.events.density.Anode;
import org.anomalia.events.density.FlowSettings;

/**
 * ANODE on one window: log p_data(x | m) fitted in the signal region minus log p_bg(x | m) fitted
 * on the sidebands (of the given width, ≤ 0 = all outside). The signal-region density is fitted
 * on the very events it scores (as ANODE is defined: no folds).
 */
public record AnodeMethod(FlowSettings flow, double sidebandWidth) implements WindowMethod {
    @Override
    public String name() {
        return "anode";
    }

    @Override
    public FittedMethod fit(Window w, long seed) {
        SidebandSplit s = SidebandSplit.of(w, sidebandWidth);
        Anode anode = Anode.fit(s.signalRows(), s.signalMasses(), s.sidebandRows(), s.sidebandMasses(), flow, seed);
        return new FittedMethod() {
            @Override
            public double[] dataScores(boolean[] rows) {
                return score(w.data().filter(rows));
            }

            @Override
            public double[] score(Table events) {
                return anode.score(events.toRows(s.features()), events.column(s.variable()));
            }
        };
    }
}
