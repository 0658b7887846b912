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
    public static void add(HelicityAmplitudes amplitudes, double q2, double mB, double mV, double mMu, double weight,
                           double[] out) {
        double b2 = 1 - 4 * mMu * mMu / q2;
        double beta = Math.sqrt(b2);
        double mlr = 2 * mMu / Math.sqrt(q2); // √(1−β²)
        double k = weight * Math.sqrt(HelicityAmplitudes.lambda(mB, mV, q2)) * beta * q2
                / (1536 * Math.PI * Math.PI * Math.PI * mB * mB * mB);
        double[] h = amplitudes.values;
        double vpr = h[HelicityAmplitudes.VP], vpi = h[HelicityAmplitudes.VP + 1];
        double vmr = h[HelicityAmplitudes.VM], vmi = h[HelicityAmplitudes.VM + 1];
        double v0r = h[HelicityAmplitudes.V0], v0i = h[HelicityAmplitudes.V0 + 1];
        double apr = h[HelicityAmplitudes.AP], api = h[HelicityAmplitudes.AP + 1];
        double amr = h[HelicityAmplitudes.AM], ami = h[HelicityAmplitudes.AM + 1];
        double a0r = h[HelicityAmplitudes.A0], a0i = h[HelicityAmplitudes.A0 + 1];
        double pr = h[HelicityAmplitudes.P], pi = h[HelicityAmplitudes.P + 1];
        double sr = h[HelicityAmplitudes.S], si = h[HelicityAmplitudes.S + 1];
        double vp2 = vpr * vpr + vpi * vpi;
        double vm2 = vmr * vmr + vmi * vmi;
        double ap2 = apr * apr + api * api;
        double am2 = amr * amr + ami * ami;
        double v02 = v0r * v0r + v0i * v0i;
        double a02 = a0r * a0r + a0i * a0i;
        // sums and differences of the ± amplitudes
        double vsr = vpr + vmr, vsi = vpi + vmi, vdr = vpr - vmr, vdi = vpi - vmi;
        double asr = apr + amr, asi = api + ami, adr = apr - amr, adi = api - ami;
        out[J1S] += k * ((8 - 2 * b2) * (vp2 + vm2) + 6 * b2 * (ap2 + am2));
        out[J1C] += k * ((16 - 8 * b2) * v02 + 8 * b2 * a02 + 16 * (pr * pr + pi * pi) + 16 * b2 * (sr * sr + si * si));
        out[J2S] += 2 * b2 * k * (vp2 + vm2 + ap2 + am2);
        out[J2C] += -8 * b2 * k * (v02 + a02);
        out[J3] += -8 * b2 * k * (re(vpr, vpi, vmr, vmi) + re(apr, api, amr, ami));
        out[J4] += -4 * b2 * k * (re(v0r, v0i, vsr, vsi) + re(a0r, a0i, asr, asi));
        out[J5] += 8 * beta * k * (re(a0r, a0i, vdr, vdi) + re(v0r, v0i, adr, adi) + mlr * re(sr, si, vsr, vsi));
        out[J6S] += 16 * beta * k * (re(vmr, vmi, amr, ami) - re(vpr, vpi, apr, api));
        out[J6C] += 32 * beta * mlr * k * re(v0r, v0i, sr, si);
        out[J7] += 8 * beta * k * (im(v0r, v0i, asr, asi) + im(a0r, a0i, vsr, vsi) + mlr * im(sr, si, vdr, vdi));
        out[J8] += -4 * b2 * k * (im(v0r, v0i, vdr, vdi) + im(a0r, a0i, adr, adi));
        out[J9] += 8 * b2 * k * (im(vpr, vpi, vmr, vmi) + im(apr, api, amr, ami));
    }

    /** Re(a b*). */
    private static double re(double ar, double ai, double br, double bi) {
        return ar * br + ai * bi;
    }

    /** Im(a b*). */
    private static double im(double ar, double ai, double br, double bi) {
        return ai * br - ar * bi;
    }

    /** dΓ/dq² = 3/4(2J1s + J1c) − 1/4(2J2s + J2c). */
    public static double rate(double[] j) {
        return 0.75 * (2 * j[J1S] + j[J1C]) - 0.25 * (2 * j[J2S] + j[J2C]);
    }
}
