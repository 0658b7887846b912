package org.anomalia.numerics.stats;

import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/** The χ²(n) distribution with exact upper tails: the survival function is the regularized gamma Q, never 1 − cdf. */
public final class ChiSquared {
    private ChiSquared() {}

    /** P(X ≥ x) for X ~ χ²(dof); accurate relative precision deep into the tail (down to the smallest double). */
    public static double survival(double x, double dof) {
        requireDof(dof);
        if (Double.isNaN(x)) throw new IllegalArgumentException("chi2 is NaN");
        if (x <= 0) return 1.0;
        if (x == Double.POSITIVE_INFINITY) return 0.0;
        return RegularizedGamma.Q.value(dof / 2, x / 2);
    }

    /** Probability density of χ²(dof) at x. */
    public static double density(double x, double dof) {
        requireDof(dof);
        return ChiSquaredDistribution.of(dof).density(x);
    }

    /** The x with survival(x, dof) = p (the critical value at tail probability p). */
    public static double inverseSurvival(double p, double dof) {
        requireDof(dof);
        return ChiSquaredDistribution.of(dof).inverseSurvivalProbability(p);
    }

    private static void requireDof(double dof) {
        if (!(dof > 0)) throw new IllegalArgumentException("chi2 degrees of freedom must be positive, got " + dof);
    }
}
