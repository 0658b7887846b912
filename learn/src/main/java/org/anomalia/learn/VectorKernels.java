package org.anomalia.learn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matmul with the JDK Vector API, register-blocked: a tile of 4 rows × 2 vectors of C stays in
 * registers while p runs over k (per step: 2 loads of B, 4 broadcasts of A, 8 fused multiply-adds).
 * Column tails use one vector, then 128-bit vectors, then scalars. Every path uses fused
 * multiply-add in the same p order, so an element's value does not depend on which tile or
 * thread computed it. Loaded only through reflection from {@link Kernels}, so a JVM without the
 * incubator module never links this class.
 */
final class VectorKernels implements MatmulKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> S4 = FloatVector.SPECIES_128;
    private static final int L = S.length();
    private static final int L4 = S4.length();

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void rows(float[] a, int ars, int acs, float[] b, float[] c, int n, int k,
                     int i0, int i1, boolean accumulate) {
        int i = i0;
        for (; i + 4 <= i1; i += 4) rows4(a, i * ars, ars, acs, b, c, i * n, n, k, accumulate);
        for (; i < i1; i++) row1(a, i * ars, acs, b, c, i * n, n, k, accumulate);
    }

    private static void rows4(float[] a, int a0, int ars, int acs, float[] b, float[] c, int c0, int n, int k, boolean acc) {
        int a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            FloatVector x00 = load(S, c, c0 + j, acc), x01 = load(S, c, c0 + j + L, acc);
            FloatVector x10 = load(S, c, c1 + j, acc), x11 = load(S, c, c1 + j + L, acc);
            FloatVector x20 = load(S, c, c2 + j, acc), x21 = load(S, c, c2 + j + L, acc);
            FloatVector x30 = load(S, c, c3 + j, acc), x31 = load(S, c, c3 + j + L, acc);
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
        for (; j + L <= n; j += L) {
            FloatVector x0 = load(S, c, c0 + j, acc), x1 = load(S, c, c1 + j, acc);
            FloatVector x2 = load(S, c, c2 + j, acc), x3 = load(S, c, c3 + j, acc);
            for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += n) {
                FloatVector bv = FloatVector.fromArray(S, b, bp);
                x0 = FloatVector.broadcast(S, a[a0 + ap]).fma(bv, x0);
                x1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, x1);
                x2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, x2);
                x3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, x3);
            }
            x0.intoArray(c, c0 + j);
            x1.intoArray(c, c1 + j);
            x2.intoArray(c, c2 + j);
            x3.intoArray(c, c3 + j);
        }
        if (L > L4) {
            for (; j + L4 <= n; j += L4) {
                FloatVector x0 = load(S4, c, c0 + j, acc), x1 = load(S4, c, c1 + j, acc);
                FloatVector x2 = load(S4, c, c2 + j, acc), x3 = load(S4, c, c3 + j, acc);
                for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += n) {
                    FloatVector bv = FloatVector.fromArray(S4, b, bp);
                    x0 = FloatVector.broadcast(S4, a[a0 + ap]).fma(bv, x0);
                    x1 = FloatVector.broadcast(S4, a[a1 + ap]).fma(bv, x1);
                    x2 = FloatVector.broadcast(S4, a[a2 + ap]).fma(bv, x2);
                    x3 = FloatVector.broadcast(S4, a[a3 + ap]).fma(bv, x3);
                }
                x0.intoArray(c, c0 + j);
                x1.intoArray(c, c1 + j);
                x2.intoArray(c, c2 + j);
                x3.intoArray(c, c3 + j);
            }
        }
        for (; j < n; j++) {
            float x0 = acc ? c[c0 + j] : 0f, x1 = acc ? c[c1 + j] : 0f;
            float x2 = acc ? c[c2 + j] : 0f, x3 = acc ? c[c3 + j] : 0f;
            for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += n) {
                float bv = b[bp];
                x0 = Math.fma(a[a0 + ap], bv, x0);
                x1 = Math.fma(a[a1 + ap], bv, x1);
                x2 = Math.fma(a[a2 + ap], bv, x2);
                x3 = Math.fma(a[a3 + ap], bv, x3);
            }
            c[c0 + j] = x0;
            c[c1 + j] = x1;
            c[c2 + j] = x2;
            c[c3 + j] = x3;
        }
    }

    private static void row1(float[] a, int a0, int acs, float[] b, float[] c, int c0, int n, int k, boolean acc) {
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            FloatVector x0 = load(S, c, c0 + j, acc), x1 = load(S, c, c0 + j + L, acc);
            for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += n) {
                FloatVector v = FloatVector.broadcast(S, a[a0 + ap]);
                x0 = v.fma(FloatVector.fromArray(S, b, bp), x0);
                x1 = v.fma(FloatVector.fromArray(S, b, bp + L), x1);
            }
            x0.intoArray(c, c0 + j);
            x1.intoArray(c, c0 + j + L);
        }
        for (; j + L <= n; j += L) {
            FloatVector x0 = load(S, c, c0 + j, acc);
            for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += n) {
                x0 = FloatVector.broadcast(S, a[a0 + ap]).fma(FloatVector.fromArray(S, b, bp), x0);
            }
            x0.intoArray(c, c0 + j);
        }
        if (L > L4) {
            for (; j + L4 <= n; j += L4) {
                FloatVector x0 = load(S4, c, c0 + j, acc);
                for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += n) {
                    x0 = FloatVector.broadcast(S4, a[a0 + ap]).fma(FloatVector.fromArray(S4, b, bp), x0);
                }
                x0.intoArray(c, c0 + j);
            }
        }
        for (; j < n; j++) {
            float x0 = acc ? c[c0 + j] : 0f;
            for (int p = 0, ap = 0, bp = j; p < k; p++, ap += acs, bp += n) x0 = Math.fma(a[a0 + ap], b[bp], x0);
            c[c0 + j] = x0;
        }
    }

    private static FloatVector load(VectorSpecies<Float> s, float[] c, int offset, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(s, c, offset) : FloatVector.zero(s);
    }
}
