package org.anomalia.events.method;

import java.util.List;
import org.anomalia.data.Table;

/**
 * A window as the density methods take it: its signal region and its sidebands (of a given width, ≤ 0 = every
 * event outside the window), each as feature rows and values of the resonant variable.
 */
record SidebandSplit(Table signalRegion, Table sidebands, List<String> features, String variable) {
    static SidebandSplit of(Window w, double sidebandWidth) {
        return new SidebandSplit(w.signalRegion(), w.region().sidebands(w.data(), sidebandWidth), w.features(), w.region().variable());
    }

    double[][] signalRows() {
        return signalRegion.toRows(features);
    }

    double[] signalMasses() {
        return signalRegion.column(variable);
    }

    double[][] sidebandRows() {
        return sidebands.toRows(features);
    }

    double[] sidebandMasses() {
        return sidebands.column(variable);
    }
}
