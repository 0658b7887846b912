package org.anomalia.events.method;

import org.anomalia.data.Table;

/**
 * The baseline without any anomaly score (BumpHunter-style): every event scores 0, so the only
 * meaningful cut keeps everything and the scan looks at the plain resonant spectrum.
 */
public record BumpHuntMethod() implements WindowMethod {
    @Override
    public String name() {
        return "bumphunt";
    }

    @Override
    public FittedMethod fit(Window w, long seed) {
        return new FittedMethod() {
            @Override
            public double[] dataScores(boolean[] rows) {
                int n = 0;
                for (boolean b : rows) if (b) n++;
                return new double[n];
            }

            @Override
            public double[] score(Table events) {
                return new double[events.rows()];
            }
        };
    }
}
