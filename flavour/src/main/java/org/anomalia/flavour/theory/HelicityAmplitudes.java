package org.anomalia.flavour.theory;

import static org.anomalia.flavour.theory.BszFormFactors.A0;
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
    public Complex v0 = Complex.ZERO, vp = Complex.ZERO, vm = Complex.ZERO;
    public Complex a0 = Complex.ZERO, ap = Complex.ZERO, am = Complex.ZERO;
    public Complex p = Complex.ZERO, s = Complex.ZERO;

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

        v0 = ni.times(c9m.times(mp * ff[A12]).plus(c7m.times(mb * ff[T23])).times(4 * mB * mV / (sqrtQ2 * mp)));
        a0 = ni.times(c10m.times(4 * mB * mV / sqrtQ2 * ff[A12]));
        Complex vecV = c9s.times(sl * ff[V]);
        Complex vecA = c9m.times(mp * mp * ff[A1]);
        Complex dipT1 = c7s.times(sl * ff[T1]);
        Complex dipT2 = c7m.times(dm2 * ff[T2]);
        vp = ni.times(vecV.minus(vecA).times(1 / (2 * mp)).plus(dipT1.minus(dipT2).times(mb / q2)));
        vm = ni.times(vecV.negate().minus(vecA).times(1 / (2 * mp)).plus(dipT1.negate().minus(dipT2).times(mb / q2)));
        Complex axV = c10s.times(sl * ff[V]);
        Complex axA = c10m.times(mp * mp * ff[A1]);
        ap = ni.times(axV.minus(axA).times(1 / (2 * mp)));
        am = ni.times(axV.negate().minus(axA).times(1 / (2 * mp)));
        p = ni.times(c10m.times(sl / 2 * 2 * mMu / q2 * ff[A0]));
        s = Complex.ZERO;
    }

    /** Adds the vector-amplitude corrections {+, −, 0}. */
    public void addVector(Complex plus, Complex minus, Complex zero) {
        vp = vp.plus(plus);
        vm = vm.plus(minus);
        v0 = v0.plus(zero);
    }

    /**
     * Low-q² (q² ≤ 9) subleading nuisance terms (spec 4.3): helicity-specific dipole shifts
     * Δ_λ = (a_λ + b_λ q²/m_B²) m_B/(2m_b), Δ_+ entering as C7′, Δ_0 and Δ_− as C7. Writes
     * {+, −, 0} into out.
     */
    public static void lowQ2Subleading(double q2, double mB, double mV, double mb, double[] ff, Complex norm0,
                                       Complex[] a, Complex[] b, Complex[] out) {
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
        out[0] = ni.times(dp.times(mb / q2 * tPlus));
        out[1] = ni.times(dm.times(-mb / q2 * tPlus));
        out[2] = ni.times(d0.times(4 * mB * mV * mb / (Math.sqrt(q2) * mp) * ff[T23]));
    }

    /** High-q² (q² &gt; 14) helicity-dependent constant δC9 shifts c_λ (spec 4.4). Writes {+, −, 0}. */
    public static void highQ2Subleading(double q2, double mB, double mV, double[] ff, Complex norm0, Complex[] c,
                                        Complex[] out) {
        double mp = mB + mV;
        double sl = Math.sqrt(lambda(mB, mV, q2));
        Complex ni = norm0.timesI();
        out[0] = ni.times(c[1].times((sl * ff[V] - mp * mp * ff[A1]) / (2 * mp)));
        out[1] = ni.times(c[2].times((-sl * ff[V] - mp * mp * ff[A1]) / (2 * mp)));
        out[2] = ni.times(c[0].times(4 * mB * mV / Math.sqrt(q2) * ff[A12]));
    }
}
