package org.anomalia.learn;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matmul with the JDK Vector API, register-blocked: a tile of 4 rows × 2 vectors of C stays in
 * registers while p runs over k (per step: 2 loads of B, 4 broadcasts of A, 8 fused multiply-adds).
 * The columns are cut into strips: 2-vector tiles, then one vector, then the last columns
 * (fewer than one vector) zero-padded to a full vector. Every strip uses fused multiply-add in
 * the same p order, so an element's value does not depend on which strip, tile or thread
 * computed it.
 *
 * <p>Each strip is its own method with one species: C2 compiles and intrinsifies them separately.
 * One method holding all strips grows past C2's inlining budget once every strip has run, and the
 * recompiled code boxes every vector (measured: 37 → 0.7 GFLOP/s). Loaded only through reflection
 * from {@link Kernels}, so a JVM without the incubator module never links this class.
 */
final class VectorKernels implements MatmulKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void rows(float[] a, int ars, int acs, float[] b, float[] c, int n, int k,
                     int i0, int i1, boolean accumulate) {
        // Without accumulate the register tiles start from zero instead of loading a zero-filled C:
        // fma(a, b, +0) is the same number either way, and C is written once instead of twice.
        int j2 = n - n % (2 * L);
        if (j2 > 0) {
            int i8 = i0 + (i1 - i0) / 8 * 8;
            if (i8 > i0) wide2x8(a, ars, acs, b, c, n, k, i0, i8, j2, accumulate);
            wide2(a, ars, acs, b, c, n, k, i8, i1, 0, j2, accumulate);
        }
        if (n - j2 >= L) wide1(a, ars, acs, b, n, c, n, k, i0, i1, j2, 0, accumulate);
        int jt = j2 + (n - j2) / L * L;
        if (n > jt) paddedTail(a, ars, acs, b, c, n, k, i0, i1, jt, accumulate);
    }

    /** Per-thread scratch for the padded column tail. */
    private static final class Pad {
        float[] b = new float[0];
        float[] c = new float[0];
    }

    private static final ThreadLocal<Pad> PAD = ThreadLocal.withInitial(Pad::new);

    /**
     * The last n − jt (< L) columns: copied into L-wide zero-padded scratch for B and C, computed
     * with full vectors, copied back. Narrower species are avoided on purpose: mixing 128-bit
     * vector code with the full-width kernels made both run 20–40× slower in the same JVM
     * (measured, JDK 17, AVX-512 and AVX2).
     */
    private static void paddedTail(float[] a, int ars, int acs, float[] b, float[] c, int n, int k, int i0, int i1, int jt,
                                   boolean accumulate) {
        int w = n - jt, rows = i1 - i0;
        Pad pad = PAD.get();
        if (pad.b.length < k * L) pad.b = new float[k * L];
        if (pad.c.length < rows * L) pad.c = new float[rows * L];
        float[] bp = pad.b, cp = pad.c;
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n + jt, bp, p * L, w);
            Arrays.fill(bp, p * L + w, (p + 1) * L, 0f);
        }
        if (accumulate) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, (i0 + r) * n + jt, cp, r * L, w);
                Arrays.fill(cp, r * L + w, (r + 1) * L, 0f);
            }
        }
        // A row i0 + r is padded row r: shift A's offset instead of the row index.
        wide1(a, ars, acs, bp, L, cp, L, k, i0, i1, 0, -i0, accumulate);
        for (int r = 0; r < rows; r++) System.arraycopy(cp, r * L, c, (i0 + r) * n + jt, w);
    }

    /**
     * Columns [0, j2) in tiles of 8 rows × 2 vectors (16 accumulators of the 32 AVX-512 registers:
     * per step 2 loads of B feed 16 fused multiply-adds). Rows [i0, i1) with i1 − i0 a multiple of 8.
     */
    private static void wide2x8(float[] a, int ars, int acs, float[] b, float[] c, int n, int k, int i0, int i1, int j2,
                                boolean acc) {
        for (int i = i0; i < i1; i += 8) {
            int a0 = i * ars, c0 = i * n;
            for (int j = 0; j < j2; j += 2 * L) {
                int cj = c0 + j;
                FloatVector x00 = start(c, cj, acc), x01 = start(c, cj + L, acc);
                FloatVector x10 = start(c, cj + n, acc), x11 = start(c, cj + n + L, acc);
                FloatVector x20 = start(c, cj + 2 * n, acc), x21 = start(c, cj + 2 * n + L, acc);
                FloatVector x30 = start(c, cj + 3 * n, acc), x31 = start(c, cj + 3 * n + L, acc);
                FloatVector x40 = start(c, cj + 4 * n, acc), x41 = start(c, cj + 4 * n + L, acc);
                FloatVector x50 = start(c, cj + 5 * n, acc), x51 = start(c, cj + 5 * n + L, acc);
                FloatVector x60 = start(c, cj + 6 * n, acc), x61 = start(c, cj + 6 * n + L, acc);
                FloatVector x70 = start(c, cj + 7 * n, acc), x71 = start(c, cj + 7 * n + L, acc);
                for (int p = 0, ap = a0, bp = j; p < k; p++, ap += acs, bp += n) {
                    FloatVector b0 = FloatVector.fromArray(S, b, bp);
                    FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
                    FloatVector v = FloatVector.broadcast(S, a[ap]);
                    x00 = v.fma(b0, x00);
                    x01 = v.fma(b1, x01);
                    v = FloatVector.broadcast(S, a[ap + ars]);
                    x10 = v.fma(b0, x10);
                    x11 = v.fma(b1, x11);
                    v = FloatVector.broadcast(S, a[ap + 2 * ars]);
                    x20 = v.fma(b0, x20);
                    x21 = v.fma(b1, x21);
                    v = FloatVector.broadcast(S, a[ap + 3 * ars]);
                    x30 = v.fma(b0, x30);
                    x31 = v.fma(b1, x31);
                    v = FloatVector.broadcast(S, a[ap + 4 * ars]);
                    x40 = v.fma(b0, x40);
                    x41 = v.fma(b1, x41);
                    v = FloatVector.broadcast(S, a[ap + 5 * ars]);
                    x50 = v.fma(b0, x50);
                    x51 = v.fma(b1, x51);
                    v = FloatVector.broadcast(S, a[ap + 6 * ars]);
                    x60 = v.fma(b0, x60);
                    x61 = v.fma(b1, x61);
                    v = FloatVector.broadcast(S, a[ap + 7 * ars]);
                    x70 = v.fma(b0, x70);
                    x71 = v.fma(b1, x71);
                }
                x00.intoArray(c, cj);
                x01.intoArray(c, cj + L);
                x10.intoArray(c, cj + n);
                x11.intoArray(c, cj + n + L);
                x20.intoArray(c, cj + 2 * n);
                x21.intoArray(c, cj + 2 * n + L);
                x30.intoArray(c, cj + 3 * n);
                x31.intoArray(c, cj + 3 * n + L);
                x40.intoArray(c, cj + 4 * n);
                x41.intoArray(c, cj + 4 * n + L);
                x50.intoArray(c, cj + 5 * n);
                x51.intoArray(c, cj + 5 * n + L);
                x60.intoArray(c, cj + 6 * n);
                x61.intoArray(c, cj + 6 * n + L);
                x70.intoArray(c, cj + 7 * n);
                x71.intoArray(c, cj + 7 * n + L);
            }
        }
    }

    /** Columns [j0, j1) in tiles of 2 vectors: 4 rows at a time, then single rows. */
    private static void wide2(float[] a, int ars, int acs, float[] b, float[] c, int n, int k, int i0, int i1, int j0, int j1,
                              boolean acc) {
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
            int c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
            for (int j = j0; j < j1; j += 2 * L) {
                FloatVector x00 = start(c, c0 + j, acc), x01 = start(c, c0 + j + L, acc);
                FloatVector x10 = start(c, c1 + j, acc), x11 = start(c, c1 + j + L, acc);
                FloatVector x20 = start(c, c2 + j, acc), x21 = start(c, c2 + j + L, acc);
                FloatVector x30 = start(c, c3 + j, acc), x31 = start(c, c3 + j + L, acc);
                for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += n) {
                    FloatVector b0 = FloatVector.fromArray(S, b, bp);
                    FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
                    FloatVector v = FloatVector.broadcast(S, a[a0 + ap]);
                    x00 = v.fma(b0, x00);
                    x01 = v.fma(b1, x01);
                    v = FloatVector.broadcast(S, a[a1 + ap]);
                    x10 = v.fma(b0, x10);
                    x11 = v.fma(b1, x11);
                    v = FloatVector.broadcast(S, a[a2 + ap]);
                    x20 = v.fma(b0, x20);
                    x21 = v.fma(b1, x21);
                    v = FloatVector.broadcast(S, a[a3 + ap]);
                    x30 = v.fma(b0, x30);
                    x31 = v.fma(b1, x31);
                }
                x00.intoArray(c, c0 + j);
                x01.intoArray(c, c0 + j + L);
                x10.intoArray(c, c1 + j);
                x11.intoArray(c, c1 + j + L);
                x20.intoArray(c, c2 + j);
                x21.intoArray(c, c2 + j + L);
                x30.intoArray(c, c3 + j);
                x31.intoArray(c, c3 + j + L);
            }
        }
        for (; i < i1; i++) {
            int a0 = i * ars, c0 = i * n;
            for (int j = j0; j < j1; j += 2 * L) {
                FloatVector x0 = start(c, c0 + j, acc), x1 = start(c, c0 + j + L, acc);
                for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += n) {
                    FloatVector v = FloatVector.broadcast(S, a[a0 + ap]);
                    x0 = v.fma(FloatVector.fromArray(S, b, bp), x0);
                    x1 = v.fma(FloatVector.fromArray(S, b, bp + L), x1);
                }
                x0.intoArray(c, c0 + j);
                x1.intoArray(c, c0 + j + L);
            }
        }
    }

    /**
     * One column tile of one vector at column j: B has row stride ldb, C row stride ldc, and C's
     * row for A row i is i + cShift. 8 rows per tile: 8 independent multiply-add chains hide the
     * FMA latency.
     */
    private static void wide1(float[] a, int ars, int acs, float[] b, int ldb, float[] c, int ldc, int k,
                              int i0, int i1, int j, int cShift, boolean acc) {
        int i = i0;
        for (; i + 8 <= i1; i += 8) {
            int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
            int a4 = a3 + ars, a5 = a4 + ars, a6 = a5 + ars, a7 = a6 + ars;
            int c0 = (i + cShift) * ldc + j, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
            int c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
            FloatVector x0 = start(c, c0, acc), x1 = start(c, c1, acc);
            FloatVector x2 = start(c, c2, acc), x3 = start(c, c3, acc);
            FloatVector x4 = start(c, c4, acc), x5 = start(c, c5, acc);
            FloatVector x6 = start(c, c6, acc), x7 = start(c, c7, acc);
            for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += ldb) {
                FloatVector bv = FloatVector.fromArray(S, b, bp);
                x0 = FloatVector.broadcast(S, a[a0 + ap]).fma(bv, x0);
                x1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, x1);
                x2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, x2);
                x3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, x3);
                x4 = FloatVector.broadcast(S, a[a4 + ap]).fma(bv, x4);
                x5 = FloatVector.broadcast(S, a[a5 + ap]).fma(bv, x5);
                x6 = FloatVector.broadcast(S, a[a6 + ap]).fma(bv, x6);
                x7 = FloatVector.broadcast(S, a[a7 + ap]).fma(bv, x7);
            }
            x0.intoArray(c, c0);
            x1.intoArray(c, c1);
            x2.intoArray(c, c2);
            x3.intoArray(c, c3);
            x4.intoArray(c, c4);
            x5.intoArray(c, c5);
            x6.intoArray(c, c6);
            x7.intoArray(c, c7);
        }
        for (; i < i1; i++) {
            int a0 = i * ars, c0 = (i + cShift) * ldc + j;
            FloatVector x0 = start(c, c0, acc);
            for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += ldb) {
                x0 = FloatVector.broadcast(S, a[a0 + ap]).fma(FloatVector.fromArray(S, b, bp), x0);
            }
            x0.intoArray(c, c0);
        }
    }

    /** A tile's starting value: C's current values when accumulating, else zero. */
    private static FloatVector start(float[] c, int offset, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(S, c, offset) : FloatVector.zero(S);
    }
}
