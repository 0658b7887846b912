package org.anomalia.flavour.theory;

/**
 * The dilogarithm Li₂(z) = −∫₀^z ln(1−t)/t dt on the principal branch (cut along real z &gt; 1),
 * for real and complex arguments. Method: map z into |z| ≤ 1, Re z ≤ ½ with the inversion and
 * reflection identities, then sum the Bernoulli series in u = −ln(1−z), which converges fast there.
 */
public final class Dilogarithm {
    private static final double PI2_6 = Math.PI * Math.PI / 6;
    /** B_n / (n+1)! for n = 0, 1, 2, 4, 6, ... (odd n ≥ 3 vanish): coefficients of the series in u. */
    private static final double[] SERIES = seriesCoefficients(22);

    private Dilogarithm() {
    }

    /** Li₂ of a real argument x ≤ 1 (real result). */
    public static double li2(double x) {
        if (x > 1) {
            throw new IllegalArgumentException("real Li2 needs x <= 1, got " + x);
        }
        return li2(new Complex(x, 0)).re;
    }

    public static Complex li2(Complex z) {
        if (z.re == 1 && z.im == 0) {
            return new Complex(PI2_6, 0);
        }
        if (z.re == 0 && z.im == 0) {
            return Complex.ZERO;
        }
        if (z.abs2() > 1) {
            // Li2(z) = -π²/6 - ½ ln²(-z) - Li2(1/z)
            Complex l = z.negate().log();
            return inUnitDisk(z.reciprocal()).plus(l.square().times(0.5)).plus(PI2_6).negate();
        }
        return inUnitDisk(z);
    }

    private static Complex inUnitDisk(Complex z) {
        if (z.re > 0.5) {
            // Li2(z) = π²/6 - ln z ln(1-z) - Li2(1-z)
            Complex w = Complex.ONE.minus(z);
            return new Complex(PI2_6, 0).minus(z.log().times(w.log())).minus(series(w));
        }
        return series(z);
    }

    /** Σ B_n u^{n+1}/(n+1)! with u = −ln(1−z). */
    private static Complex series(Complex z) {
        Complex u = Complex.ONE.minus(z).log().negate();
        Complex u2 = u.square();
        // terms: u - u²/4 + Σ_k B_2k u^{2k+1}/(2k+1)!
        double sre = 0;
        double sim = 0;
        Complex p = u;
        for (int k = 0; k < SERIES.length; k++) {
            sre += SERIES[k] * p.re;
            sim += SERIES[k] * p.im;
            p = p.times(u2);
        }
        return new Complex(sre - u2.re / 4, sim - u2.im / 4);
    }

    /** c_k = B_{2k}/(2k+1)! for k = 0..n-1 (B_0 = 1), computed from the Bernoulli recurrence. */
    private static double[] seriesCoefficients(int n) {
        int m = 2 * n;
        double[] b = new double[m + 1];
        b[0] = 1;
        for (int j = 1; j <= m; j++) {
            double s = 0;
            double binom = 1; // C(j+1, k)
            for (int k = 0; k < j; k++) {
                s += binom * b[k];
                binom = binom * (j + 1 - k) / (k + 1);
            }
            b[j] = -s / (j + 1);
        }
        double[] c = new double[n];
        double fact = 1; // (2k+1)!
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                fact *= (2 * k) * (2 * k + 1);
            }
            c[k] = b[2 * k] / fact;
        }
        return c;
    }
}
