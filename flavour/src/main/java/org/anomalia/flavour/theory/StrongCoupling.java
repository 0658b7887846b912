package org.anomalia.flavour.theory;

/**
 * α_s(μ) in the MS-bar scheme with 3-loop running and 2-loop decoupling at the fixed thresholds
 * 4.8 GeV (b) and 1.3 GeV (c), as RunDec does it for flavio (spec 1.3, Appendix B). The
 * renormalisation-group equation is integrated numerically: a closed-form Λ expansion would be
 * off by 1e-4.
 */
public final class StrongCoupling {
    public static final double MZ = 91.1876;
    public static final double B_THRESHOLD = 4.8;
    public static final double C_THRESHOLD = 1.3;
    /** Target step in ln μ of the Runge–Kutta integration (error well below 1e-10 relative). */
    private static final double STEP = 0.05;

    private final double alpha5AtB;
    private final double alpha4AtB;
    private final double alpha4AtC;
    private final double alpha3AtC;

    public StrongCoupling(double alphaSAtMZ) {
        alpha5AtB = run(alphaSAtMZ, MZ, B_THRESHOLD, 5);
        alpha4AtB = decoupleDown(alpha5AtB);
        alpha4AtC = run(alpha4AtB, B_THRESHOLD, C_THRESHOLD, 4);
        alpha3AtC = decoupleDown(alpha4AtC);
    }

    /** α_s with 5 active flavours at μ (any μ; below 4.8 GeV it is the 5-flavour coupling continued). */
    public double alpha5(double mu) {
        return mu == B_THRESHOLD ? alpha5AtB : run(alpha5AtB, B_THRESHOLD, mu, 5);
    }

    public double alpha4(double mu) {
        if (mu == B_THRESHOLD) {
            return alpha4AtB;
        }
        return mu == C_THRESHOLD ? alpha4AtC : run(alpha4AtC, C_THRESHOLD, mu, 4);
    }

    public double alpha3(double mu) {
        return run(alpha3AtC, C_THRESHOLD, mu, 3);
    }

    /** α_s^(nf−1) = α_s^(nf) (1 − 7/24 a²), a = α_s^(nf)/π: on-shell decoupling at μ = M. */
    static double decoupleDown(double alpha) {
        double a = alpha / Math.PI;
        return alpha * (1 - 7.0 / 24.0 * a * a);
    }

    static double beta0(int nf) {
        return (11 - 2.0 * nf / 3) / 4;
    }

    static double beta1(int nf) {
        return (102 - 38.0 * nf / 3) / 16;
    }

    static double beta2(int nf) {
        return (2857.0 / 2 - 5033.0 * nf / 18 + 325.0 * nf * nf / 54) / 64;
    }

    /** Solves da/d ln μ = −2(β0a² + β1a³ + β2a⁴), a = α_s/π, from μ0 to μ1 with classical Runge–Kutta. */
    static double run(double alpha0, double mu0, double mu1, int nf) {
        if (mu0 == mu1) {
            return alpha0;
        }
        double b0 = beta0(nf);
        double b1 = beta1(nf);
        double b2 = beta2(nf);
        double t = Math.log(mu1 / mu0);
        int n = Math.max(4, (int) Math.ceil(Math.abs(t) / STEP));
        double h = t / n;
        double a = alpha0 / Math.PI;
        for (int i = 0; i < n; i++) {
            double k1 = rhs(a, b0, b1, b2);
            double k2 = rhs(a + h / 2 * k1, b0, b1, b2);
            double k3 = rhs(a + h / 2 * k2, b0, b1, b2);
            double k4 = rhs(a + h * k3, b0, b1, b2);
            a += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return a * Math.PI;
    }

    private static double rhs(double a, double b0, double b1, double b2) {
        double a2 = a * a;
        return -2 * a2 * (b0 + a * (b1 + a * b2));
    }
}
