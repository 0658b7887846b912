package org.anomalia.gof;

import org.anomalia.numerics.stats.BinomialInterval;

/**
 * How often the χ² of smeared null samples exceeds the χ²(n) critical value of nominal tail
 * probability α: equal to α when the Gaussian approximation holds.
 */
public record TailCalibration(double nominal, double criticalChi2, long exceeding, long n, BinomialInterval interval) {
    public double observed() {
        return (double) exceeding / n;
    }
}
