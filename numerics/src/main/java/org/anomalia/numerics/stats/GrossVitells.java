package org.anomalia.numerics.stats;

/**
 * The look-elsewhere effect by the upcrossing formula of Gross and Vitells (2010): for a scan whose
 * test statistic q = Z² is asymptotically χ² with one degree of freedom under the background-only
 * hypothesis (one-sided: excesses only), P(max Z ≥ z) ≈ p_local(z) + ⟨N(z0)⟩ exp(−(z² − z0²)/2),
 * where ⟨N(z0)⟩ is the mean number of upcrossings of the level z0 by the Z-curve, counted on a few
 * background-only toys at a low reference level where upcrossings are frequent.
 */
public final class GrossVitells {
    private GrossVitells() {
    }

    /** Upcrossings of {@code level} along {@code curve}: indices i with curve[i−1] &lt; level ≤ curve[i] (NaN points break the curve). */
    public static int upcrossings(double[] curve, double level) {
        int n = 0;
        for (int i = 1; i < curve.length; i++) {
            if (curve[i - 1] < level && curve[i] >= level) n++;
        }
        return n;
    }

    /** The global p-value of a maximum local significance z, from the mean upcrossings at z0. */
    public static double globalP(double z, double z0, double meanUpcrossingsAtZ0) {
        if (!(meanUpcrossingsAtZ0 >= 0)) throw new IllegalArgumentException("mean upcrossings must be >= 0, got " + meanUpcrossingsAtZ0);
        double local = Significance.pFromZ(z);
        return Math.min(1, local + meanUpcrossingsAtZ0 * Math.exp(-(z * z - z0 * z0) / 2));
    }
}
