package org.anomalia.flavour.theory;

/** α_e(μ): one-loop QED running from M_Z with 2 up-type, 3 down-type quarks and 3 leptons (spec 1.4). */
public final class ElectromagneticCoupling {
    private static final double BETA0 = -4.0 / 3 * (4.0 / 3 * 2 + 1.0 / 3 * 3 + 3);

    private ElectromagneticCoupling() {
    }

    public static double at(double alphaEAtMZ, double mu) {
        return alphaEAtMZ / (1 + alphaEAtMZ * BETA0 * Math.log(mu / StrongCoupling.MZ) / (2 * Math.PI));
    }
}
