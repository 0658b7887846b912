package org.anomalia.numerics.matrices;

/** Products of lower-triangular factors, the two operations the samplers need. */
final class TriangularProducts {
    private TriangularProducts() {}

    /** L·M for lower-triangular L and M (the result is lower triangular). */
    static double[][] lowerTimesLower(double[][] l, double[][] m) {
        int d = l.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = j; k <= i; k++) s += l[i][k] * m[k][j];
                out[i][j] = s;
            }
        }
        return out;
    }

    /** F·Fᵀ for lower-triangular F, exactly symmetric. */
    static double[][] lowerTimesTranspose(double[][] f) {
        int d = f.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) s += f[i][k] * f[j][k];
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }
}
