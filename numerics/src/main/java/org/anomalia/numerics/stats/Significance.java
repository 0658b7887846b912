package org.anomalia.numerics.stats;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * One-sided Gaussian significance: Z = Φ⁻¹(1 − p), computed as √2·erfc⁻¹(2p) so it stays finite and
 * accurate for tiny p (Z ≈ 37.05 at p = 1e-300), where 1 − p would round to 1.
 */
public final class Significance {
    private Significance() {}

    /** Z for a one-sided p-value in (0, 1]; negative when p &gt; 0.5. p = 0 gives +∞ (callers report a bound instead). */
    public static double zFromP(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("p-value must be in [0, 1], got " + p);
        if (p == 0) return Double.POSITIVE_INFINITY;
        if (p == 1) return Double.NEGATIVE_INFINITY;
        return Math.sqrt(2) * InverseErfc.value(2 * p);
    }

    /** The one-sided p-value of a significance Z: P(N(0,1) ≥ z) = erfc(z/√2)/2. */
    public static double pFromZ(double z) {
        return 0.5 * Erfc.value(z / Math.sqrt(2));
    }
}
