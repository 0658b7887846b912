package org.anomalia.flavour.theory;

/**
 * The angular coefficients J_i(q²) in the theory convention of 0811.1214 from the helicity
 * amplitudes, with the full muon mass (spec 5.1; the exact reduction of flavio's general
 * G-basis formula for equal lepton masses and no tensor amplitudes).
 */
public final class AngularCoefficients {
    public static final int J1S = 0, J1C = 1, J2S = 2, J2C = 3, J3 = 4, J4 = 5, J5 = 6, J6S = 7, J6C = 8, J7 = 9,
            J8 = 10, J9 = 11;
    public static final int COUNT = 12;
    public static final String[] NAMES = {"1s", "1c", "2s", "2c", "3", "4", "5", "6s", "6c", "7", "8", "9"};

    private AngularCoefficients() {
    }

    /** Adds weight·J_i(q²) to out[i]. */
    public static void add(HelicityAmplitudes h, double q2, double mB, double mV, double mMu, double weight,
                           double[] out) {
        double b2 = 1 - 4 * mMu * mMu / q2;
        double beta = Math.sqrt(b2);
        double mlr = 2 * mMu / Math.sqrt(q2); // √(1−β²)
        double k = weight * Math.sqrt(HelicityAmplitudes.lambda(mB, mV, q2)) * beta * q2
                / (1536 * Math.PI * Math.PI * Math.PI * mB * mB * mB);
        double vp2 = h.vp.abs2();
        double vm2 = h.vm.abs2();
        double ap2 = h.ap.abs2();
        double am2 = h.am.abs2();
        double v02 = h.v0.abs2();
        double a02 = h.a0.abs2();
        Complex vpm = h.vp.plus(h.vm);
        Complex vmm = h.vp.minus(h.vm);
        Complex apm = h.ap.plus(h.am);
        Complex amm = h.ap.minus(h.am);
        out[J1S] += k * ((8 - 2 * b2) * (vp2 + vm2) + 6 * b2 * (ap2 + am2));
        out[J1C] += k * ((16 - 8 * b2) * v02 + 8 * b2 * a02 + 16 * h.p.abs2() + 16 * b2 * h.s.abs2());
        out[J2S] += 2 * b2 * k * (vp2 + vm2 + ap2 + am2);
        out[J2C] += -8 * b2 * k * (v02 + a02);
        out[J3] += -8 * b2 * k * (reMulConj(h.vp, h.vm) + reMulConj(h.ap, h.am));
        out[J4] += -4 * b2 * k * (reMulConj(h.v0, vpm) + reMulConj(h.a0, apm));
        out[J5] += 8 * beta * k * (reMulConj(h.a0, vmm) + reMulConj(h.v0, amm) + mlr * reMulConj(h.s, vpm));
        out[J6S] += 16 * beta * k * (reMulConj(h.vm, h.am) - reMulConj(h.vp, h.ap));
        out[J6C] += 32 * beta * mlr * k * reMulConj(h.v0, h.s);
        out[J7] += 8 * beta * k * (imMulConj(h.v0, apm) + imMulConj(h.a0, vpm) + mlr * imMulConj(h.s, vmm));
        out[J8] += -4 * b2 * k * (imMulConj(h.v0, vmm) + imMulConj(h.a0, amm));
        out[J9] += 8 * b2 * k * (imMulConj(h.vp, h.vm) + imMulConj(h.ap, h.am));
    }

    /** Re(a b*). */
    private static double reMulConj(Complex a, Complex b) {
        return a.re * b.re + a.im * b.im;
    }

    /** Im(a b*). */
    private static double imMulConj(Complex a, Complex b) {
        return a.im * b.re - a.re * b.im;
    }

    /** dΓ/dq² = 3/4(2J1s + J1c) − 1/4(2J2s + J2c). */
    public static double rate(double[] j) {
        return 0.75 * (2 * j[J1S] + j[J1C]) - 0.25 * (2 * j[J2S] + j[J2C]);
    }
}
