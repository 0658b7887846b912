package org.anomalia.flavour.theory;

/**
 * The CKM factors of b → s transitions from the "tree" inputs |V_us|, |V_ub|, |V_cb|, γ via the
 * standard parametrisation (spec 1.6). The CP-conjugate set is built by flipping the sign of γ and
 * repeating the same construction, as flavio does (this is not exactly the complex conjugate).
 *
 * @param xiT  ξ_t = V_tb V_ts*
 * @param epsU ε_u = ξ_u/ξ_t with ξ_u = V_ub V_us*
 */
public record Ckm(Complex xiT, Complex epsU) {

    public static Ckm fromTree(double vus, double vub, double vcb, double gamma) {
        double s13 = vub;
        double c13 = Math.sqrt(1 - s13 * s13);
        double s12 = vus / c13;
        double s23 = vcb / c13;
        double c12 = Math.sqrt(1 - s12 * s12);
        double c23 = Math.sqrt(1 - s23 * s23);
        double k = s13 * (s23 / c23) / (s12 / c12);
        double sg = Math.sin(gamma);
        double delta = Math.atan((1 - k * k) / (1 / Math.tan(gamma) - k * Math.sqrt(1 / (sg * sg) - k * k)));
        Complex eid = new Complex(Math.cos(delta), Math.sin(delta));
        Complex vub3 = eid.conj().times(s13);
        Complex vus3 = Complex.real(s12 * c13);
        Complex vts = eid.times(-s12 * c23 * s13).minus(c12 * s23);
        double vtb = c23 * c13;
        Complex xiT = vts.conj().times(vtb);
        Complex xiU = vub3.times(vus3.conj());
        return new Ckm(xiT, xiU.div(xiT));
    }
}
