package org.anomalia.learn;

/**
 * One implementation of the matmul inner loops, over a range of output rows so that rows can be
 * split across threads. Every output element is a fixed-order sum over p = 0..k-1, independent of
 * the row range a call covers: the same inputs give bit-identical outputs however rows are split.
 */
interface MatmulKernel {
    /** Short name for logs and benchmarks ("vector-512", "plain"). */
    String name();

    /**
     * For rows i in [i0, i1): C[i][j] = (accumulate ? C[i][j] : 0) + Σ_p A(i, p)·B[p][j], where
     * A(i, p) = a[i*aRowStride + p*aColStride], B is row-major k×n and C is row-major with n columns.
     * The strides let one kernel serve A·B (aRowStride = k, aColStride = 1) and Aᵀ·B (1, m).
     */
    void rows(float[] a, int aRowStride, int aColStride, float[] b, float[] c, int n, int k,
              int i0, int i1, boolean accumulate);
}
