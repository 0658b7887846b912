package org.anomalia.flavour.theory;

import org.anomalia.flavour.ParameterPoint;

/**
 * B → K* form factors in the BSZ z-expansion to second order (Bharucha–Straub–Zwicky,
 * arXiv:1503.05534; spec 3): F(q²) = 1/(1 − q²/m_R²) Σ_k a_k [z(q²) − z(0)]^k. The constraints
 * A12(0) ∝ A0(0) and T2(0) = T1(0) fix a0_A12 and a0_T2 at every parameter point.
 */
public final class BszFormFactors {
    /** Output order of {@link #at}. */
    public static final int V = 0, A0 = 1, A1 = 2, A12 = 3, T1 = 4, T2 = 5, T23 = 6;
    public static final String[] NAMES = {"V", "A0", "A1", "A12", "T1", "T2", "T23"};

    /** Parameter names "B->K* BSZ a{k}_{F}" (built once). */
    private static final String[][] COEFFICIENT_NAMES = new String[7][3];

    static {
        for (int f = 0; f < 7; f++) {
            for (int k = 0; k < 3; k++) {
                COEFFICIENT_NAMES[f][k] = "B->K* BSZ a" + k + "_" + NAMES[f];
            }
        }
    }

    private final double[][] a = new double[7][3];
    private final double[] poleMass2 = new double[7];
    private final double tPlus;
    private final double sqrtTPlusMinusT0;
    private final double z0;

    public BszFormFactors(ParameterPoint p, double mB, double mV) {
        for (int f = 0; f < 7; f++) {
            for (int k = 0; k < 3; k++) {
                boolean derived = k == 0 && (f == A12 || f == T2);
                a[f][k] = derived ? 0 : p.get(COEFFICIENT_NAMES[f][k]);
            }
        }
        a[A12][0] = (mB * mB - mV * mV) / (8 * mB * mV) * a[A0][0];
        a[T2][0] = a[T1][0];
        double m0 = p.get("B->K* BCL m0");
        double m1m = p.get("B->K* BCL m1-");
        double m1p = p.get("B->K* BCL m1+");
        double[] poles = {m1m, m0, m1p, m1p, m1m, m1p, m1p};
        for (int f = 0; f < 7; f++) {
            poleMass2[f] = poles[f] * poles[f];
        }
        tPlus = (mB + mV) * (mB + mV);
        double tMinus = (mB - mV) * (mB - mV);
        double t0 = tPlus * (1 - Math.sqrt(1 - tMinus / tPlus));
        sqrtTPlusMinusT0 = Math.sqrt(tPlus - t0);
        z0 = z(0);
    }

    private double z(double q2) {
        double r = Math.sqrt(tPlus - q2);
        return (r - sqrtTPlusMinusT0) / (r + sqrtTPlusMinusT0);
    }

    /** The seven form factors at q², in the order V, A0, A1, A12, T1, T2, T23. */
    public void at(double q2, double[] out) {
        double dz = z(q2) - z0;
        for (int f = 0; f < 7; f++) {
            double[] c = a[f];
            out[f] = (c[0] + dz * (c[1] + dz * c[2])) / (1 - q2 / poleMass2[f]);
        }
    }
}
