package org.anomalia.learn;

/**
 * The elementwise loops that, beside matmul, take most of a small network's training step (bias
 * add, ReLU and its backward, bias-gradient column sums, gradient accumulation, the Adam update).
 * Two implementations: plain Java ({@code PlainElementwise}) and the Vector API
 * ({@code VectorElementwise}). Both do the same float operations on each element in the same order
 * (no fused multiply-add, no reordered sums), so they give bit-identical results: the path changes
 * the speed, never the numbers.
 */
interface ElementwiseKernel {
    /** Each row of y = the same row of x plus the row vector b (y may be x). */
    void addRowVector(float[] x, float[] b, float[] y, int rows, int cols);

    /** s[c] += Σ_r g[r, c], summed in row order for each column. */
    void sumRowsInto(float[] g, float[] s, int rows, int cols);

    /** y[i] = max(x[i], 0). */
    void relu(float[] x, float[] y, int n);

    /** gx[i] += gy[i] where y[i] > 0 (y is the ReLU output). */
    void reluBackward(float[] y, float[] gy, float[] gx, int n);

    /** gx[i] += a·gy[i]. */
    void axpy(float a, float[] gy, float[] gx, int n);

    /** gx[i] += gy[i]·d[i]. */
    void mulAdd(float[] gy, float[] d, float[] gx, int n);

    /** One Adam update of the n weights w from their gradients g and moments m, v. */
    void adam(float[] w, float[] g, float[] m, float[] v, int n, AdamUpdate u);
}
