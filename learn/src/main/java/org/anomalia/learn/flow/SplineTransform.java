package org.anomalia.learn.flow;

import static org.anomalia.learn.flow.RationalQuadraticSpline.MIN_BIN_HEIGHT;
import static org.anomalia.learn.flow.RationalQuadraticSpline.MIN_BIN_WIDTH;
import static org.anomalia.learn.flow.RationalQuadraticSpline.MIN_DERIVATIVE;

import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.IndexOps;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/**
 * The rational-quadratic spline of {@link RationalQuadraticSpline} written with autodiff ops
 * (softmax, cumsum, searchsorted, gather), so that its parameters are trained by back-propagation.
 * Parameters per value: K width logits, K height logits, K−1 inner derivative pre-activations.
 * Values outside [−B, B] pass through unchanged (their parameters get no gradient).
 */
final class SplineTransform implements CouplingTransform {
    private final int bins;
    private final float bound;

    SplineTransform(int bins, double bound) {
        if (bins < 2 || !(bound > 0)) throw new IllegalArgumentException("spline needs ≥ 2 bins and a positive tail bound, got " + bins + ", " + bound);
        this.bins = bins;
        this.bound = (float) bound;
    }

    @Override
    public int paramsPerFeature() {
        return 3 * bins - 1;
    }

    @Override
    public FlowLayer.Step forward(Tape t, Tensor x, Tensor params) {
        int n = x.rows(), k = bins;
        float twoB = 2 * bound;
        // Bin sizes as fractions of 2B and knot positions from −B to B.
        Tensor w = fractions(t, t.sliceCols(params, 0, k), MIN_BIN_WIDTH);
        Tensor h = fractions(t, t.sliceCols(params, k, 2 * k), MIN_BIN_HEIGHT);
        Tensor zero = t.constant(filled(t, n, 1, 0f)), one = t.constant(filled(t, n, 1, 1f));
        Tensor xs = t.affine(t.concatCols(zero, IndexOps.cumsum(t, w)), twoB, -bound);
        Tensor ys = t.affine(t.concatCols(zero, IndexOps.cumsum(t, h)), twoB, -bound);
        Tensor ds = t.concatCols(one, t.addScalar(t.softplus(t.sliceCols(params, 2 * k, 3 * k - 1)), (float) MIN_DERIVATIVE), one);

        // Values outside the bound are moved to 0 (any inside point would do) and restored at the end.
        Matrix in = t.alloc(n, 1), out = t.alloc(n, 1);
        for (int r = 0; r < n; r++) {
            float v = x.value.data[r];
            in.data[r] = v > -bound && v < bound ? 1f : 0f;
            out.data[r] = 1f - in.data[r];
        }
        Tensor inside = t.constant(in), outside = t.constant(out);
        Tensor xin = t.mul(x, inside);
        int[] bin = IndexOps.searchsorted(xs.value, xin.value);
        int[] next = new int[n];
        for (int r = 0; r < n; r++) next[r] = bin[r] + 1;

        Tensor xk = IndexOps.gather(t, xs, bin, 1), yk = IndexOps.gather(t, ys, bin, 1);
        Tensor wk = t.scale(IndexOps.gather(t, w, bin, 1), twoB), hk = t.scale(IndexOps.gather(t, h, bin, 1), twoB);
        Tensor dk = IndexOps.gather(t, ds, bin, 1), dk1 = IndexOps.gather(t, ds, next, 1);

        Tensor xi = t.div(t.sub(xin, xk), wk);
        Tensor om = t.affine(xi, -1f, 1f);
        Tensor xi2 = t.square(xi), tt = t.mul(xi, om);
        Tensor s = t.div(hk, wk);
        Tensor denom = t.add(s, t.mul(t.sub(t.add(dk, dk1), t.scale(s, 2f)), tt));
        Tensor y = t.add(yk, t.div(t.mul(hk, t.add(t.mul(s, xi2), t.mul(dk, tt))), denom));
        Tensor dnum = t.mul(t.square(s), t.add(t.add(t.mul(dk1, xi2), t.mul(t.scale(s, 2f), tt)), t.mul(dk, t.square(om))));
        Tensor logDet = t.sub(t.log(dnum), t.scale(t.log(denom), 2f));
        return new FlowLayer.Step(t.add(t.mul(y, inside), t.mul(x, outside)), t.mul(logDet, inside));
    }

    /** Softmax along each row, floored: min + (1 − min·K)·softmax. */
    private static Tensor fractions(Tape t, Tensor logits, double min) {
        int n = logits.rows(), k = logits.cols();
        Matrix max = t.alloc(n, 1);
        for (int r = 0; r < n; r++) {
            float m = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) m = Math.max(m, logits.value.data[r * k + j]);
            max.data[r] = m;
        }
        // Subtracting the row maximum changes nothing in the softmax (nor its gradient) but keeps exp finite.
        Tensor e = t.exp(t.sub(logits, t.constant(max)));
        Tensor soft = t.div(e, t.sum(e, 1));
        return t.affine(soft, (float) (1 - min * k), (float) min);
    }

    private static Matrix filled(Tape t, int rows, int cols, float v) {
        Matrix m = t.alloc(rows, cols);
        m.fill(v);
        return m;
    }

    @Override
    public double[] inverse(double z, float[] p, int offset) {
        int k = bins;
        double[] w = new double[k], h = new double[k], d = new double[k - 1];
        for (int j = 0; j < k; j++) {
            w[j] = p[offset + j];
            h[j] = p[offset + k + j];
        }
        for (int j = 0; j < k - 1; j++) d[j] = p[offset + 2 * k + j];
        return RationalQuadraticSpline.inverse(RationalQuadraticSpline.knots(w, h, d, bound), z);
    }
}
