package org.anomalia.flavour.theory;

import java.util.List;

/**
 * The two-loop functions F_1^(7), F_2^(7), F_1^(9), F_2^(9) of Greub–Pilipp–Schüpbach
 * (arXiv:0810.4077) with full charm-mass dependence, as the table shipped with flavio on the grid
 * μ/m_b × m_c²/m_b² × q²/m_b² (11 × 11 × 51), interpolated trilinearly in each real and imaginary
 * part (spec 2.5). The F^(9) columns hold ŝ·F^(9); the division by ŝ happens after interpolation.
 */
public final class NnloFGrid {
    private static final NnloFGrid INSTANCE = load();
    private static final int COLUMNS = 8;

    private final double[] muh;
    private final double[] z;
    private final double[] sh;
    /** data[((i*nz + j)*nsh + k)*8 + col], columns F17 re/im, ŝF19 re/im, F27 re/im, ŝF29 re/im. */
    private final double[] data;

    private NnloFGrid(double[] muh, double[] z, double[] sh, double[] data) {
        this.muh = muh;
        this.z = z;
        this.sh = sh;
        this.data = data;
    }

    public static NnloFGrid get() {
        return INSTANCE;
    }

    private static NnloFGrid load() {
        List<String[]> rows = Resources.csv("nnlo_F_functions_0810.4077.csv");
        int n = rows.size() - 1;
        double[] data = new double[n * COLUMNS];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        for (int r = 0; r < n; r++) {
            String[] f = rows.get(r + 1);
            a[r] = Double.parseDouble(f[0]);
            b[r] = Double.parseDouble(f[1]);
            c[r] = Double.parseDouble(f[2]);
            for (int col = 0; col < COLUMNS; col++) {
                data[r * COLUMNS + col] = Double.parseDouble(f[3 + col]);
            }
        }
        double[] sh = distinctPrefix(c);
        double[] z = distinctStrided(b, sh.length);
        double[] muh = distinctStrided(a, sh.length * z.length);
        if (muh.length * z.length * sh.length != n) {
            throw new IllegalStateException("F-function table is not a regular grid");
        }
        return new NnloFGrid(muh, z, sh, data);
    }

    private static double[] distinctPrefix(double[] v) {
        int n = 1;
        while (n < v.length && v[n] > v[n - 1]) {
            n++;
        }
        return java.util.Arrays.copyOf(v, n);
    }

    private static double[] distinctStrided(double[] v, int stride) {
        int n = v.length / stride;
        int m = 1;
        while (m < n && v[m * stride] > v[(m - 1) * stride]) {
            m++;
        }
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = v[i * stride];
        }
        return out;
    }

    /**
     * The grid reduced to one (μ̂, z₇) for F^(7) and one (μ̂, z₉) for F^(9) by the bilinear part of
     * the trilinear interpolation: what remains per q² is a linear interpolation in ŝ. One slice per
     * parameter point serves every q² node. Not thread-safe (rows are filled lazily): one per point and thread.
     */
    public Slice slice(double muHat, double z7, double z9) {
        return new Slice(muHat, z7, z9);
    }

    public final class Slice {
        /** [k*8 + q]: q = 0..3 F17 re/im, F27 re/im at z7; q = 4..7 ŝF19 re/im, ŝF29 re/im at z9. */
        private final double[] values = new double[sh.length * 8];
        /** Rows in ŝ are reduced on first use: a set of bins touches only part of the grid. */
        private final boolean[] ready = new boolean[sh.length];
        private final int i;
        private final double tx;
        private final int j7;
        private final double ty7;
        private final int j9;
        private final double ty9;

        private Slice(double muHat, double z7, double z9) {
            i = cell(muh, muHat);
            tx = (muHat - muh[i]) / (muh[i + 1] - muh[i]);
            j7 = cell(z, z7);
            ty7 = (z7 - z[j7]) / (z[j7 + 1] - z[j7]);
            j9 = cell(z, z9);
            ty9 = (z9 - z[j9]) / (z[j9 + 1] - z[j9]);
        }

        private void ensure(int k) {
            if (!ready[k]) {
                reduce(k, j7, ty7, 0, 0);
                reduce(k, j9, ty9, 2, 4);
                ready[k] = true;
            }
        }

        private void reduce(int k, int j, double ty, int off, int dst) {
            int nz = z.length;
            int ns = sh.length;
            for (int q = 0; q < 4; q++) {
                int col = off + (q < 2 ? q : q + 2);
                double acc = 0;
                for (int di = 0; di < 2; di++) {
                    double wx = di == 0 ? 1 - tx : tx;
                    for (int dj = 0; dj < 2; dj++) {
                        double wy = dj == 0 ? 1 - ty : ty;
                        acc += wx * wy * data[(((i + di) * nz + (j + dj)) * ns + k) * COLUMNS + col];
                    }
                }
                values[k * 8 + dst + q] = acc;
            }
        }

        /** {Re F17, Im F17, Re F27, Im F27} at ŝ. */
        public void f7(double sHat, double[] out) {
            linear(sHat, 0, out);
        }

        /** {Re F19, Im F19, Re F29, Im F29} at ŝ. */
        public void f9(double sHat, double[] out) {
            linear(sHat, 4, out);
            for (int q = 0; q < 4; q++) {
                out[q] /= sHat;
            }
        }

        private void linear(double w, int dst, double[] out) {
            int k = cell(sh, w);
            ensure(k);
            ensure(k + 1);
            double tw = (w - sh[k]) / (sh[k + 1] - sh[k]);
            for (int q = 0; q < 4; q++) {
                double v0 = values[k * 8 + dst + q];
                double v1 = values[(k + 1) * 8 + dst + q];
                out[q] = (1 - tw) * v0 + tw * v1;
            }
        }
    }

    private static int cell(double[] grid, double x) {
        int n = grid.length;
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (grid[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.min(lo, n - 2);
    }
}
