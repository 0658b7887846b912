package org.anomalia.learn;

/**
 * Matmul in plain Java, shaped so that C2 auto-vectorizes the inner loop: one output row and four
 * rows of B per pass, a single store stream and unit-stride loads, with all offsets hoisted out of
 * the inner loop. Used when the Vector API module is absent or when forced.
 */
final class PlainKernels implements MatmulKernel {
    @Override
    public String name() {
        return "plain";
    }

    @Override
    public void rows(float[] a, int ars, int acs, float[] b, float[] c, int n, int k,
                     int i0, int i1, boolean accumulate) {
        for (int i = i0; i < i1; i++) {
            int co = i * n;
            if (!accumulate) java.util.Arrays.fill(c, co, co + n, 0f);
            int ao = i * ars;
            int p = 0;
            // Four rows of B per pass over the C row: one load/store of C per four multiply-adds.
            for (; p + 4 <= k; p += 4) {
                float a0 = a[ao + p * acs], a1 = a[ao + (p + 1) * acs];
                float a2 = a[ao + (p + 2) * acs], a3 = a[ao + (p + 3) * acs];
                axpy4(c, co, b, p * n, n, a0, a1, a2, a3);
            }
            for (; p < k; p++) axpy1(c, co, b, p * n, n, a[ao + p * acs]);
        }
    }

    private static void axpy4(float[] c, int co, float[] b, int b0, int n, float a0, float a1, float a2, float a3) {
        int b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
        for (int j = 0; j < n; j++) {
            c[co + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
        }
    }

    private static void axpy1(float[] c, int co, float[] b, int b0, int n, float a0) {
        for (int j = 0; j < n; j++) c[co + j] += a0 * b[b0 + j];
    }
}
