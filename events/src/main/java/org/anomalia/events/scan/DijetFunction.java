package org.anomalia.events.scan;

/**
 * The dijet function family f(x) = p0 (1−x)^p1 / x^(p2 + p3 ln x + p4 ln² x), x = m/√s, with 3, 4 or
 * 5 parameters (the higher ones zero). f is a density in x: the expected count in a bin [m1, m2) is
 * ∫ f dx over x ∈ [m1/√s, m2/√s). ln f is linear in (ln p0, p1, …, p4) with the basis
 * φ(x) = (1, ln(1−x), −ln x, −ln² x, −ln³ x), which the fit uses.
 */
public final class DijetFunction {
    /** Fewest and most parameters of the family. */
    public static final int MIN_ORDER = 3;
    public static final int MAX_ORDER = 5;
    /** √s of the LHC Run 2 in TeV, the default scale. */
    public static final double SQRT_S_13TEV = 13.0;

    // 4-point Gauss-Legendre on [−1, 1]
    static final double[] NODES = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    static final double[] WEIGHTS = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};

    private DijetFunction() {
    }

    /** φ(x) of the first {@code order} parameters. */
    static double[] basis(double x, int order) {
        double l = Math.log(x);
        double[] phi = new double[order];
        phi[0] = 1;
        phi[1] = Math.log1p(-x);
        phi[2] = -l;
        if (order > 3) phi[3] = -l * l;
        if (order > 4) phi[4] = -l * l * l;
        return phi;
    }

    /** f(x) for p = (p0, p1, p2[, p3[, p4]]). */
    public static double value(double x, double[] p) {
        double[] phi = basis(x, p.length);
        double s = Math.log(p[0]);
        for (int j = 1; j < p.length; j++) s += p[j] * phi[j];
        return Math.exp(s);
    }

    /** ∫ f dx over [m1, m2) in the resonant variable's units (x = m/√s), by Gauss-Legendre on 4 sub-intervals. */
    public static double integral(double m1, double m2, double sqrtS, double[] p) {
        double sum = 0;
        int parts = 4;
        double h = (m2 - m1) / parts;
        for (int k = 0; k < parts; k++) {
            double a = m1 + k * h;
            for (int q = 0; q < NODES.length; q++) {
                double m = a + h / 2 * (1 + NODES[q]);
                sum += WEIGHTS[q] * value(m / sqrtS, p);
            }
        }
        return sum * h / 2 / sqrtS;
    }
}
