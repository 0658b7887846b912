package org.anomalia.learn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The elementwise loops with the JDK Vector API, one full-width species (as {@code VectorKernels}:
 * mixing narrower species slows both down). Per element the same float operations as
 * {@code PlainElementwise} in the same order, so the results are bit-identical; the last
 * n mod L elements run the scalar loop. C2 does not vectorize the plain versions of the row-wise
 * loops (bias add, column sums): their offset arithmetic hides that the arrays do not overlap.
 * Loaded only through reflection from {@link Kernels}.
 */
final class VectorElementwise implements ElementwiseKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final float TWO_126 = 0x1p126f;

    /** Per-thread scratch: the bias repeated to a whole number of vectors. */
    private static final ThreadLocal<float[]> PATTERN = ThreadLocal.withInitial(() -> new float[0]);

    @Override
    public void addRowVector(float[] x, float[] b, float[] y, int rows, int cols) {
        int n = rows * cols;
        int bound = S.loopBound(n);
        if (bound > 0) {
            // The whole matrix as one flat array: element i gets b[i mod cols]. The bias repeated
            // over lcm(cols, L) elements makes that a vector at offset (i mod period) for every i
            // that is a multiple of L.
            int period = cols / gcd(cols, L) * L;
            float[] pattern = b;
            if (period != cols) {
                pattern = PATTERN.get();
                if (pattern.length < period) {
                    pattern = new float[period];
                    PATTERN.set(pattern);
                }
                for (int o = 0; o < period; o += cols) System.arraycopy(b, 0, pattern, o, cols);
            }
            for (int i = 0, q = 0; i < bound; i += L) {
                FloatVector.fromArray(S, x, i).add(FloatVector.fromArray(S, pattern, q)).intoArray(y, i);
                q += L;
                if (q == period) q = 0;
            }
        }
        for (int i = bound; i < n; i++) y[i] = x[i] + b[i % cols];
    }

    @Override
    public void sumRowsInto(float[] g, float[] s, int rows, int cols) {
        int wide = cols - cols % L;
        // L columns at a time, summed down the rows in a register: each column's order is unchanged.
        for (int c = 0; c < wide; c += L) {
            FloatVector acc = FloatVector.fromArray(S, s, c);
            for (int r = 0, o = c; r < rows; r++, o += cols) acc = acc.add(FloatVector.fromArray(S, g, o));
            acc.intoArray(s, c);
        }
        if (wide == cols) return;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = wide; c < cols; c++) s[c] += g[o + c];
        }
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        int bound = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        for (int i = 0; i < bound; i += L) FloatVector.fromArray(S, x, i).max(zero).intoArray(y, i);
        for (int i = bound; i < n; i++) y[i] = Math.max(x[i], 0f);
    }

    @Override
    public void reluBackward(float[] y, float[] gy, float[] gx, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector f = FloatVector.fromArray(S, y, i).mul(TWO_126).mul(TWO_126).min(1f);
            FloatVector.fromArray(S, gx, i).add(f.mul(FloatVector.fromArray(S, gy, i))).intoArray(gx, i);
        }
        for (int i = bound; i < n; i++) gx[i] += Math.min(y[i] * TWO_126 * TWO_126, 1f) * gy[i];
    }

    @Override
    public void axpy(float a, float[] gy, float[] gx, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector.fromArray(S, gx, i).add(FloatVector.fromArray(S, gy, i).mul(a)).intoArray(gx, i);
        }
        for (int i = bound; i < n; i++) gx[i] += a * gy[i];
    }

    @Override
    public void mulAdd(float[] gy, float[] d, float[] gx, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector p = FloatVector.fromArray(S, gy, i).mul(FloatVector.fromArray(S, d, i));
            FloatVector.fromArray(S, gx, i).add(p).intoArray(gx, i);
        }
        for (int i = bound; i < n; i++) gx[i] += gy[i] * d[i];
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int n, AdamUpdate u) {
        float b1 = u.beta1(), c1 = u.oneMinusBeta1(), b2 = u.beta2(), c2 = u.oneMinusBeta2();
        float l2 = u.l2(), shrink = u.shrink(), step = u.stepSize(), bc = u.sqrtBiasCorrection2(), e = u.eps();
        int bound = S.loopBound(n);
        for (int j = 0; j < bound; j += L) {
            FloatVector wj = FloatVector.fromArray(S, w, j);
            FloatVector gj = FloatVector.fromArray(S, g, j).add(wj.mul(l2));
            FloatVector mj = FloatVector.fromArray(S, m, j).mul(b1).add(gj.mul(c1));
            FloatVector vj = FloatVector.fromArray(S, v, j).mul(b2).add(gj.mul(c2).mul(gj));
            mj.intoArray(m, j);
            vj.intoArray(v, j);
            FloatVector denom = vj.lanewise(VectorOperators.SQRT).div(bc).add(e);
            wj.mul(shrink).sub(mj.mul(step).div(denom)).intoArray(w, j);
        }
        for (int j = bound; j < n; j++) {
            float gj = g[j] + l2 * w[j];
            m[j] = b1 * m[j] + c1 * gj;
            v[j] = b2 * v[j] + c2 * gj * gj;
            w[j] = shrink * w[j] - step * m[j] / ((float) Math.sqrt(v[j]) / bc + e);
        }
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
