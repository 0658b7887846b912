package org.anomalia.events.scan;

/** Cholesky solves of the small (≤ 5 × 5) symmetric systems of the spectrum fit. */
final class Linear {
    private Linear() {
    }

    /** Solves (F + λ diag F) x = g, or null when the matrix is not positive definite. */
    static double[] solve(double[][] f, double[] g, double lambda) {
        int k = g.length;
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) a[i][j] = f[i][j] + (i == j ? lambda * f[i][i] : 0);
        double[][] l = cholesky(a);
        if (l == null) return null;
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double s = g[i];
            for (int j = 0; j < i; j++) s -= l[i][j] * y[j];
            y[i] = s / l[i][i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = y[i];
            for (int j = i + 1; j < k; j++) s -= l[j][i] * x[j];
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** F⁻¹ column by column, or null when F is not positive definite. */
    static double[][] inverse(double[][] f) {
        int k = f.length;
        double[][] inv = new double[k][k];
        for (int c = 0; c < k; c++) {
            double[] e = new double[k];
            e[c] = 1;
            double[] col = solve(f, e, 0);
            if (col == null) return null;
            for (int r = 0; r < k; r++) inv[r][c] = col[r];
        }
        return inv;
    }

    private static double[][] cholesky(double[][] a) {
        int k = a.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) s -= l[i][m] * l[j][m];
                if (i == j) {
                    if (!(s > 0)) return null;
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
