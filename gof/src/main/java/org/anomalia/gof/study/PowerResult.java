package org.anomalia.gof.study;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a power study: for each method the size check under H0, and for each alternative
 * the rejection rates at α = 0.05 and at 3σ.
 */
public record PowerResult(long seed, int pseudoExperiments, Map<String, String> labels, Map<String, SizeCheck> size,
                          Map<String, RejectionRate> sizeAt3Sigma, List<Point> points, double seconds) {
    /** One alternative's rates per method. */
    public record Point(Alternative alternative, Map<String, RejectionRate> atAlpha, Map<String, RejectionRate> at3Sigma) {}
}
