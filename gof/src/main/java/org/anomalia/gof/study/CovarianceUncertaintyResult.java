package org.anomalia.gof.study;

import org.anomalia.numerics.stats.Quantiles;
import java.util.List;
import java.util.Map;

/**
 * Each method's p-value with the published covariance ({@code nominal}) and over the drawn covariance
 * matrices ({@code perDraw}, one array per method, same order of draws), with median and 68 % band.
 */
public record CovarianceUncertaintyResult(CovarianceUncertainty spec, int draws, long seed, Map<String, String> labels,
                                          Map<String, Double> nominal, Map<String, double[]> perDraw, List<Double> chi2PerDraw,
                                          double seconds) {
    public Quantiles band(String method) {
        return Quantiles.band68(perDraw.get(method));
    }
}
