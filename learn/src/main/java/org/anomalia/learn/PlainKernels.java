package org.anomalia.learn;

import java.util.Arrays;

/**
 * Matmul in plain Java, shaped so that C2 auto-vectorizes the inner loop. C2 (JDK 17) does not
 * vectorize {@code c[co + j] += a * b[bo + j]} over one flat array, but it does vectorize the same
 * loop over separate row arrays; so each call copies B into per-thread row arrays and each C row
 * into a scratch row (O(k·n + m·n) copies against O(m·n·k) work). The inner loop takes four rows
 * of B per pass over the C row: one load and store of C per four multiply-adds.
 */
final class PlainKernels implements MatmulKernel {
    /** Per-thread scratch: B as row arrays and one C row. */
    private static final class Scratch {
        float[][] bRows = new float[0][];
        float[] cRow = new float[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public void rows(float[] a, int ars, int acs, float[] b, float[] c, int n, int k,
                     int i0, int i1, boolean accumulate) {
        Scratch s = SCRATCH.get();
        float[][] br = bRows(s, b, k, n);
        if (s.cRow.length < n) s.cRow = new float[n];
        float[] cr = s.cRow;
        for (int i = i0; i < i1; i++) {
            int co = i * n;
            if (accumulate) System.arraycopy(c, co, cr, 0, n);
            else Arrays.fill(cr, 0, n, 0f);
            int ao = i * ars;
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                axpy4(cr, br[p], br[p + 1], br[p + 2], br[p + 3], n,
                        a[ao + p * acs], a[ao + (p + 1) * acs], a[ao + (p + 2) * acs], a[ao + (p + 3) * acs]);
            }
            for (; p < k; p++) axpy1(cr, br[p], n, a[ao + p * acs]);
            System.arraycopy(cr, 0, c, co, n);
        }
    }

    private static float[][] bRows(Scratch s, float[] b, int k, int n) {
        if (s.bRows.length < k || (k > 0 && s.bRows[0].length < n)) {
            float[][] rows = new float[Math.max(k, s.bRows.length)][];
            int width = Math.max(n, s.bRows.length > 0 ? s.bRows[0].length : 0);
            for (int p = 0; p < rows.length; p++) rows[p] = new float[width];
            s.bRows = rows;
        }
        for (int p = 0; p < k; p++) System.arraycopy(b, p * n, s.bRows[p], 0, n);
        return s.bRows;
    }

    private static void axpy4(float[] c, float[] b0, float[] b1, float[] b2, float[] b3, int n,
                              float a0, float a1, float a2, float a3) {
        for (int j = 0; j < n; j++) c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
    }

    private static void axpy1(float[] c, float[] b0, int n, float a0) {
        for (int j = 0; j < n; j++) c[j] += a0 * b0[j];
    }
}
