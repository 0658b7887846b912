package org.anomalia.events.method;

import org.anomalia.data.Table;

/** A method fitted on one window: larger score = more anomalous. */
public interface FittedMethod {
    /**
     * Scores of the window's data rows selected by {@code rows} (in data order): rows the method
     * trained on are scored by models that did not see them (out of fold) where the method has
     * folds, the rest by the whole fitted method.
     */
    double[] dataScores(boolean[] rows);

    /** Scores of events that were not part of the window's data (same columns as the data). */
    double[] score(Table events);

    /**
     * Scores of the sampled background in the signal region (out of fold), or null for methods
     * without a background template ({@link WindowMethod#hasBackgroundTemplate}).
     */
    default double[] templateScores() {
        return null;
    }

    /**
     * Scores of background sampled by the method's own background model at the given values of the
     * resonant variable, scored as events the method never trained on; null for methods without a
     * background template. The scan draws them next to the window, where the data are background,
     * to see how far the template and the data disagree after a cut there (the template's closure).
     */
    default double[] templateScoresAt(double[] masses, long seed) {
        return null;
    }

    /** All data rows selected. */
    static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }
}
