package org.anomalia.flavour.theory;

import static org.anomalia.flavour.theory.BszFormFactors.A1;
import static org.anomalia.flavour.theory.BszFormFactors.A12;
import static org.anomalia.flavour.theory.BszFormFactors.T1;
import static org.anomalia.flavour.theory.BszFormFactors.T2;
import static org.anomalia.flavour.theory.BszFormFactors.T23;
import static org.anomalia.flavour.theory.BszFormFactors.V;

/**
 * The helicity amplitudes H^V_{0,+,−}, H^A_{0,+,−}, H_P, H_S of one CP set at one q² (convention of
 * Gratrex–Hopfer–Zwicky 1506.03970 as in flavio; spec 4). They include the normalisation N.
 */
public final class HelicityAmplitudes {
    /** Positions of the amplitudes (real part at k, imaginary part at k + 1 of {@link #values}). */
    public static final int V0 = 0, VP = 2, VM = 4, A0 = 6, AP = 8, AM = 10, P = 12, S = 14;
    /** Stored as plain doubles so that the hot loop allocates nothing. */
    final double[] values = new double[16];

    public Complex get(int k) {
        return new Complex(values[k], values[k + 1]);
    }

    public void set(int k, Complex c) {
        values[k] = c.re;
        values[k + 1] = c.im;
    }

    private void add(int k, double re, double im) {
        values[k] += re;
        values[k + 1] += im;
    }

    /** Källén function λ(m_B², m_V², q²), set to 0 if rounding makes it negative. */
    public static double lambda(double mB, double mV, double q2) {
        double a = mB * mB;
        double b = mV * mV;
        double l = a * a + b * b + q2 * q2 - 2 * (a * b + b * q2 + a * q2);
        return Math.max(l, 0);
    }

    /**
     * Naive-factorisation amplitudes with effective coefficients (spec 4.1). mb is the MS-bar
     * m_b(μ_b), ff the form factors at q².
     */
    public void factorisable(double q2, double mB, double mV, double mb, double mMu, double[] ff, Complex norm,
                             Complex c7, Complex c7p, Complex c9, Complex c9p, Complex c10, Complex c10p) {
        double mp = mB + mV;
        double sqrtQ2 = Math.sqrt(q2);
        double sl = Math.sqrt(lambda(mB, mV, q2));
        double dm2 = mB * mB - mV * mV;
        Complex c9m = c9.minus(c9p);
        Complex c9s = c9.plus(c9p);
        Complex c7m = c7.minus(c7p);
        Complex c7s = c7.plus(c7p);
        Complex c10m = c10.minus(c10p);
        Complex c10s = c10.plus(c10p);
        Complex ni = norm.timesI();

        set(V0, ni.times(c9m.times(mp * ff[A12]).plus(c7m.times(mb * ff[T23])).times(4 * mB * mV / (sqrtQ2 * mp))));
        set(A0, ni.times(c10m.times(4 * mB * mV / sqrtQ2 * ff[BszFormFactors.A12])));
        Complex vecV = c9s.times(sl * ff[V]);
        Complex vecA = c9m.times(mp * mp * ff[A1]);
        Complex dipT1 = c7s.times(sl * ff[T1]);
        Complex dipT2 = c7m.times(dm2 * ff[T2]);
        set(VP, ni.times(vecV.minus(vecA).times(1 / (2 * mp)).plus(dipT1.minus(dipT2).times(mb / q2))));
        set(VM, ni.times(vecV.negate().minus(vecA).times(1 / (2 * mp)).plus(dipT1.negate().minus(dipT2).times(mb / q2))));
        Complex axV = c10s.times(sl * ff[V]);
        Complex axA = c10m.times(mp * mp * ff[A1]);
        set(AP, ni.times(axV.minus(axA).times(1 / (2 * mp))));
        set(AM, ni.times(axV.negate().minus(axA).times(1 / (2 * mp))));
        set(P, ni.times(c10m.times(sl / 2 * 2 * mMu / q2 * ff[BszFormFactors.A0])));
        values[S] = 0;
        values[S + 1] = 0;
    }

    /** Adds vector-amplitude corrections given as 6 doubles {+ re, im, − re, im, 0 re, im}. */
    public void addVector(double[] plusMinusZero) {
        add(VP, plusMinusZero[0], plusMinusZero[1]);
        add(VM, plusMinusZero[2], plusMinusZero[3]);
        add(V0, plusMinusZero[4], plusMinusZero[5]);
    }

    /**
     * Low-q² (q² ≤ 9) subleading nuisance terms (spec 4.3): helicity-specific dipole shifts
     * Δ_λ = (a_λ + b_λ q²/m_B²) m_B/(2m_b), Δ_+ entering as C7′, Δ_0 and Δ_− as C7. Writes
     * {+, −, 0} into out as {re, im} pairs.
     */
    public static void lowQ2Subleading(double q2, double mB, double mV, double mb, double[] ff, Complex norm0,
                                       Complex[] a, Complex[] b, double[] out) {
        double mp = mB + mV;
        double sl = Math.sqrt(lambda(mB, mV, q2));
        double dm2 = mB * mB - mV * mV;
        Complex ni = norm0.timesI();
        double f = mB / (2 * mb);
        double r = q2 / (mB * mB);
        Complex d0 = a[0].plus(b[0].times(r)).times(f);
        Complex dp = a[1].plus(b[1].times(r)).times(f);
        Complex dm = a[2].plus(b[2].times(r)).times(f);
        double tPlus = sl * ff[T1] + dm2 * ff[T2];
        put(out, 0, ni.times(dp.times(mb / q2 * tPlus)));
        put(out, 1, ni.times(dm.times(-mb / q2 * tPlus)));
        put(out, 2, ni.times(d0.times(4 * mB * mV * mb / (Math.sqrt(q2) * mp) * ff[T23])));
    }

    /** High-q² (q² &gt; 14) helicity-dependent constant δC9 shifts c_λ (spec 4.4). Writes {+, −, 0} as {re, im} pairs. */
    public static void highQ2Subleading(double q2, double mB, double mV, double[] ff, Complex norm0, Complex[] c,
                                        double[] out) {
        double mp = mB + mV;
        double sl = Math.sqrt(lambda(mB, mV, q2));
        Complex ni = norm0.timesI();
        put(out, 0, ni.times(c[1].times((sl * ff[V] - mp * mp * ff[A1]) / (2 * mp))));
        put(out, 1, ni.times(c[2].times((-sl * ff[V] - mp * mp * ff[A1]) / (2 * mp))));
        put(out, 2, ni.times(c[0].times(4 * mB * mV / Math.sqrt(q2) * ff[A12])));
    }

    private static void put(double[] out, int helicity, Complex c) {
        out[2 * helicity] = c.re;
        out[2 * helicity + 1] = c.im;
    }
}
