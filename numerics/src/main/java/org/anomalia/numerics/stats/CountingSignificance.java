package org.anomalia.numerics.stats;

import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * Significance of n events observed where b are expected, with an uncertainty σ_b on b. Signed:
 * positive for an excess, negative for a deficit, so that a maximum over windows looks for excesses.
 *
 * <p>The background uncertainty enters as an auxiliary Poisson measurement m = τ b with τ = b/σ_b²
 * (the "on/off" problem). {@link #profile} is the asymptotic profile-likelihood answer
 * Z = √q0 with q0 = −2 ln λ(0), the background profiled under both hypotheses (closed form, Cowan's
 * "discovery sensitivity with background uncertainty"); {@link #zBi} is the frequentist
 * conditional answer of Cousins, Linnemann and Tucker, p = I_{1/(1+τ)}(n, m + 1).
 */
public final class CountingSignificance {
    private CountingSignificance() {
    }

    /** Plain Poisson likelihood ratio, b known: Z = ±√(2(n ln(n/b) − n + b)). */
    public static double poisson(double n, double b) {
        check(n, b, 0);
        double q = 2 * (xlogy(n, n / b) - n + b);
        return Math.copySign(Math.sqrt(Math.max(0, q)), n - b);
    }

    /** Profile-likelihood Z with σ_b (σ_b = 0 gives {@link #poisson}). */
    public static double profile(double n, double b, double sigmaB) {
        check(n, b, sigmaB);
        if (sigmaB == 0) return poisson(n, b);
        double s2 = sigmaB * sigmaB;
        // q0 = 2[ n ln(n(b+σ²)/(b²+nσ²)) − (b²/σ²) ln(1 + σ²(n−b)/(b(b+σ²))) ]
        double first = n == 0 ? 0 : n * Math.log(n * (b + s2) / (b * b + n * s2));
        double second = (b * b / s2) * Math.log1p(s2 * (n - b) / (b * (b + s2)));
        double q = 2 * (first - second);
        return Math.copySign(Math.sqrt(Math.max(0, q)), n - b);
    }

    /**
     * Z_Bi of Cousins, Linnemann and Tucker: the binomial p-value of n given n + m with
     * ρ = 1/(1+τ), τ = b/σ_b², m = τ b; one-sided, so n ≤ b gives Z ≤ 0.
     */
    public static double zBi(double n, double b, double sigmaB) {
        check(n, b, sigmaB);
        if (!(sigmaB > 0)) throw new IllegalArgumentException("Z_Bi needs sigma_b > 0");
        if (n == 0) return Significance.zFromP(1);
        double tau = b / (sigmaB * sigmaB);
        double m = tau * b;
        double p = RegularizedBeta.value(1 / (1 + tau), n, m + 1);
        return Significance.zFromP(Math.min(1, Math.max(0, p)));
    }

    private static double xlogy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }

    private static void check(double n, double b, double sigmaB) {
        if (!(n >= 0) || !(b > 0) || !(sigmaB >= 0) || !Double.isFinite(n + b + sigmaB)) {
            throw new IllegalArgumentException("counting significance needs n >= 0, b > 0, sigma_b >= 0; got n " + n + ", b " + b
                    + ", sigma_b " + sigmaB);
        }
    }
}
