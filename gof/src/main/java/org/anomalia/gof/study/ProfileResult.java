package org.anomalia.gof.study;

import java.util.List;
import java.util.Map;

/**
 * A likelihood profile on a grid of Wilson coefficients, for each method ("gaussian", "marginal"):
 * −2 log p(x | C) at every grid point (row-major: the last axis varies fastest) and what follows from it. For the
 * marginal likelihood {@code effectiveDraws} says how many theory draws carry the average at each point:
 * where it falls to a few, the plain average overestimates −2 log p (far from the data).
 */
public record ProfileResult(List<GridAxis> axes, int samplesPerPoint, int toys, long seed, double[][] grid,
                            Map<String, Curve> curves, double seconds) {
    /** One method's profile. */
    public record Curve(String method, String label, double[] minus2LogL, double[] bestFit, double minimum,
                        double smMinus2LogL, double smDelta, double smPull,
                        List<Axis> perAxis, double toyCritical68, double toyCritical95, double wilksCritical68, double wilksCritical95,
                        double effectiveDrawsAtBestFit, double[] effectiveDraws) {}

    /** The profile along one coefficient (minimised over the other, for two) with its intervals. */
    public record Axis(String coefficient, double[] values, double[] delta, double bestFit,
                       List<ProfileIntervals.Interval> wilks1, List<ProfileIntervals.Interval> wilks2,
                       List<ProfileIntervals.Interval> toys1, List<ProfileIntervals.Interval> toys2) {}
}
