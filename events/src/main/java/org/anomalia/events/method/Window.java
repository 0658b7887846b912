package org.anomalia.events.method;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.SignalRegion;

/**
 * What a method sees of one window: the data over the whole resonant range (each method takes
 * its own sidebands from it), the signal region and the features.
 */
public record Window(Table data, SignalRegion region, List<String> features) {

    /** Which data rows lie in the signal region. */
    public boolean[] inRegion() {
        double[] m = data.column(region.variable());
        boolean[] in = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            in[i] = region.contains(m[i]);
        }
        return in;
    }

    /** The signal-region data (in data order). */
    public Table signalRegion() {
        return region.inside(data);
    }
}
