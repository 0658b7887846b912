package org.anomalia.events.method;

import org.anomalia.data.Table;

/**
 * A fitted method whose k-fold classifiers trained on the window's signal-region rows: those rows get their
 * out-of-fold scores, every other data row (never trained on) the fold ensembles' score from {@link #score}.
 */
abstract class SignalRegionOutOfFold implements FittedMethod {
    private final Window window;
    private final int[] trained;
    private final double[] outOfFold;

    /** @param outOfFold the signal-region rows' out-of-fold scores, in data order */
    SignalRegionOutOfFold(Window window, double[] outOfFold) {
        this.window = window;
        this.trained = RowScores.positions(window.inRegion(), 0, RowScores.none(window.data().rows()));
        this.outOfFold = outOfFold;
    }

    @Override
    public double[] dataScores(boolean[] rows) {
        return RowScores.compose(window.data(), rows, trained, outOfFold, this::score);
    }

    @Override
    public abstract double[] score(Table events);
}
