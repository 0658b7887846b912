package org.anomalia.flavour.theory;

/**
 * The four quark masses the decay needs (spec 1.5): m_b MS-bar at μ_b (in front of C7), the b and
 * c pole masses (loop functions, two-loop matrix elements) and m_s MS-bar at μ_b (SM C7′).
 * RunDec recipes: the running mass uses the truncated 3-loop c-function, the pole masses the
 * 2-loop relation, with flavio's flavour-number choice at the scale m(m).
 */
public record QuarkMasses(double mbAtMuB, double mbPole, double mcPole, double msAtMuB) {
    private static final double ZETA3 = 1.2020569031595942;
    private static final double ZETA2 = Math.PI * Math.PI / 6;
    /** flavio's thresholds that pick the number of flavours at a scale (not the decoupling scales). */
    private static final double FLAVIO_B_THRESHOLD = 4.18;
    private static final double FLAVIO_C_THRESHOLD = 1.275;

    /**
     * @param mbMb m_b(m_b), @param mcMc m_c(m_c), @param ms2 m_s(2 GeV), @param muB the scale μ_b.
     */
    public static QuarkMasses compute(double mbMb, double mcMc, double ms2, double muB, StrongCoupling as) {
        double a5mb = as.alpha5(mbMb);
        double mbMuB = mbMb * cFunction(as.alpha5(muB) / Math.PI, 5) / cFunction(a5mb / Math.PI, 5);
        double aPoleB = mbMb >= FLAVIO_B_THRESHOLD ? a5mb : as.alpha4(mbMb);
        double mbPole = poleMass(mbMb, aPoleB / Math.PI, 4);
        double aPoleC = mcMc < FLAVIO_C_THRESHOLD ? as.alpha3(mcMc) : as.alpha4(mcMc);
        double mcPole = poleMass(mcMc, aPoleC / Math.PI, 3);
        return new QuarkMasses(mbMuB, mbPole, mcPole, strangeMass(ms2, muB, as));
    }

    /** m_s(2 GeV) with 3 flavours up to μ_b = 4.8 GeV, decoupling upward at 1.3 and 4.8 GeV (RunDec mL2mH). */
    static double strangeMass(double ms2, double muB, StrongCoupling as) {
        double c = StrongCoupling.C_THRESHOLD;
        double b = StrongCoupling.B_THRESHOLD;
        if (muB != b) {
            throw new IllegalArgumentException("m_s running is implemented for mu_b = 4.8 GeV only");
        }
        double a3c = as.alpha3(c) / Math.PI;
        double m3 = ms2 * cFunction(a3c, 3) / cFunction(as.alpha3(2.0) / Math.PI, 3);
        double m4 = m3 * (1 - 89.0 / 432.0 * a3c * a3c);
        double a4b = as.alpha4(b) / Math.PI;
        double m4b = m4 * cFunction(a4b, 4) / cFunction(as.alpha4(c) / Math.PI, 4);
        return m4b * (1 - 89.0 / 432.0 * a4b * a4b);
    }

    /** Truncated 3-loop solution of the mass RGE: m(μ1)/m(μ0) = c(a(μ1))/c(a(μ0)). */
    static double cFunction(double x, int nf) {
        double b0 = StrongCoupling.beta0(nf);
        double bb1 = StrongCoupling.beta1(nf) / b0;
        double bb2 = StrongCoupling.beta2(nf) / b0;
        double g1 = (202.0 / 3 - 20.0 * nf / 9) / 16;
        double g2 = (1249 + (-2216.0 / 27 - 160.0 * ZETA3 / 3) * nf - 140.0 * nf * nf / 81) / 64;
        double c0 = 1 / b0;
        double c1 = g1 / b0;
        double c2 = g2 / b0;
        double d1 = c1 - bb1 * c0;
        return Math.pow(x, c0) * (1 + d1 * x + 0.5 * (d1 * d1 + c2 - bb1 * c1 + bb1 * bb1 * c0 - bb2 * c0) * x * x);
    }

    /** 2-loop MS-bar → pole relation at μ = m(m), without light-quark mass effects. */
    static double poleMass(double m, double a, int nl) {
        double cf = 4.0 / 3;
        double ca = 3;
        double tr = 0.5;
        double ln2 = Math.log(2);
        double k2 = 1111.0 / 384 * ca * cf - 71.0 / 128 * cf * cf - 143.0 / 96 * cf * tr - 71.0 / 96 * cf * tr * nl
                - 0.5 * ca * cf * ZETA2 + 15.0 / 8 * cf * cf * ZETA2 + 1.5 * ca * cf * ln2 * ZETA2
                - 3 * cf * cf * ln2 * ZETA2 + cf * tr * ZETA2 - 0.5 * cf * tr * nl * ZETA2
                - 3.0 / 8 * ca * cf * ZETA3 + 0.75 * cf * cf * ZETA3;
        return m * (1 + cf * a + k2 * a * a);
    }
}
