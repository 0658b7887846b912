package org.anomalia.flavour.theory;

import org.anomalia.flavour.NewPhysics;

/**
 * The total (SM + new physics) Wilson coefficients at μ_b for one CP set, as flavio's
 * {@code wctot_dict} builds them (spec 2.1, 2.7). The four-quark coefficients C1..C6 and C8eff are
 * the real SM values; the semileptonic and dipole ones are complex.
 */
public record WilsonCoefficients(double[] c1to6, double c8eff, Complex c7eff, Complex c7p, Complex c9, Complex c10,
                                 Complex c9p, Complex c10p) {
    /** y_i of C7eff = C7 + Σ y_i C_i (i = 3..6); index 0..3. */
    private static final double[] Y = {-1.0 / 3, -4.0 / 9, -20.0 / 3, -80.0 / 9};
    /** z_i of C8eff = C8 + Σ z_i C_i. */
    private static final double[] Z = {1, -1.0 / 6, 20, -10.0 / 3};
    /** Reference top mass of the C10 rescaling (m_t/173.1)^1.53 of Bobeth–Gorbahn–Stamou. */
    private static final double MT_REF = 173.1;

    public double c(int i) {
        return c1to6[i - 1];
    }

    /** The decay set (b → s μμ) at μ_b: SM from the table at the given top and quark masses plus new physics. */
    public static WilsonCoefficients total(double muB, double mt, double msOverMb, NewPhysics np) {
        double[] sm = SmWilsonTable.get().at(muB);
        double[] c16 = new double[6];
        System.arraycopy(sm, 0, c16, 0, 6);
        double c7effSm = sm[6];
        double c8effSm = sm[7];
        double c7Sm = c7effSm - dot(Y, c16);
        double c7pSm = msOverMb * c7Sm;
        double c10Sm = sm[9] * Math.pow(mt / MT_REF, 1.53);
        // NP shifts the non-effective C7; C7eff = C7 + Σ y_i C_i then moves one to one.
        Complex c7 = np.c7().plus(c7Sm);
        Complex c7eff = c7.plus(dot(Y, c16));
        return new WilsonCoefficients(c16, c8effSm, c7eff, np.c7p().plus(c7pSm), np.c9().plus(sm[8]),
                np.c10().plus(c10Sm), np.c9p(), np.c10p());
    }

    /** The SM non-effective C7 (for reference output). */
    public Complex c7NonEffective() {
        return c7eff.minus(dot(Y, c1to6));
    }

    /** The SM non-effective C8. */
    public double c8NonEffective() {
        return c8eff - dot(Z, c1to6);
    }

    /** The CP-conjugate set: every coefficient complex-conjugated. */
    public WilsonCoefficients conjugate() {
        return new WilsonCoefficients(c1to6, c8eff, c7eff.conj(), c7p.conj(), c9.conj(), c10.conj(), c9p.conj(),
                c10p.conj());
    }

    private static double dot(double[] w, double[] c16) {
        return w[0] * c16[2] + w[1] * c16[3] + w[2] * c16[4] + w[3] * c16[5];
    }
}
