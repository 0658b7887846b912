package org.anomalia.learn;

/**
 * Every hot loop of the engine. Placeholder with plain loops; the Vector API path, register
 * blocking and the thread split are added behind these same signatures.
 */
public final class Kernels {
    private Kernels() {}

    /** C = A·B (+ C if accumulate). A: m×k, B: k×n, C: m×n. */
    public static void matmul(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        int m = a.rows, k = a.cols, n = b.cols;
        float[] A = a.data, B = b.data, C = c.data;
        if (!accumulate) c.fill(0f);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float av = A[i * k + p];
                int bo = p * n, co = i * n;
                for (int j = 0; j < n; j++) C[co + j] += av * B[bo + j];
            }
        }
    }

    /** C = Aᵀ·B (+ C if accumulate). A: k×m, B: k×n, C: m×n. */
    public static void matmulTN(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        int k = a.rows, m = a.cols, n = b.cols;
        float[] A = a.data, B = b.data, C = c.data;
        if (!accumulate) c.fill(0f);
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < m; i++) {
                float av = A[p * m + i];
                int bo = p * n, co = i * n;
                for (int j = 0; j < n; j++) C[co + j] += av * B[bo + j];
            }
        }
    }

    /** C = A·Bᵀ (+ C if accumulate). A: m×k, B: n×k, C: m×n. */
    public static void matmulNT(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        int m = a.rows, k = a.cols, n = b.rows;
        float[] A = a.data, B = b.data, C = c.data;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                int ao = i * k, bo = j * k;
                for (int p = 0; p < k; p++) s += A[ao + p] * B[bo + p];
                C[i * n + j] = accumulate ? C[i * n + j] + s : s;
            }
        }
    }
}
