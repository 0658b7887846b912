package org.anomalia.learn.flow;

/**
 * Monotonic rational-quadratic spline (Durkan et al. 2019, "Neural Spline Flows"), in double
 * precision, one scalar at a time. It is the reference the autodiff version is tested against and
 * the fast path for inversion, which needs no gradients.
 *
 * <p>K bins on [-B, B] in x and in y; knot derivatives are positive; the two end derivatives are 1,
 * so outside [-B, B] the transform continues as the identity ("linear tails") with log|det| = 0.
 * Within bin k, with ξ = (x - x_k)/w_k, s = h_k/w_k:
 * <pre>
 *   y = y_k + h_k (s ξ² + d_k ξ(1-ξ)) / (s + (d_k + d_{k+1} - 2s) ξ(1-ξ))
 *   dy/dx = s² (d_{k+1} ξ² + 2 s ξ(1-ξ) + d_k (1-ξ)²) / (s + (d_k + d_{k+1} - 2s) ξ(1-ξ))²
 * </pre>
 * The inverse solves the quadratic for ξ in its cancellation-free form ξ = 2c / (-b - √(b² - 4ac)).
 */
public final class RationalQuadraticSpline {
    /** Smallest bin width and height as a fraction of 2B, and smallest knot derivative (nflows' defaults). */
    public static final double MIN_BIN_WIDTH = 1e-3;
    public static final double MIN_BIN_HEIGHT = 1e-3;
    public static final double MIN_DERIVATIVE = 1e-3;

    /** The knots: x and y positions (K+1 each, from -B to B) and the derivatives there (K+1). */
    public record Knots(double[] xs, double[] ys, double[] ds) {
        public int bins() {
            return xs.length - 1;
        }

        public double bound() {
            return xs[xs.length - 1];
        }
    }

    private RationalQuadraticSpline() {}

    /**
     * Knots from unconstrained network outputs: K width logits, K height logits and K-1 inner
     * derivative pre-activations (softmax for widths and heights, softplus for derivatives).
     */
    public static Knots knots(double[] widthLogits, double[] heightLogits, double[] derivativeParams, double bound) {
        int k = widthLogits.length;
        if (heightLogits.length != k || derivativeParams.length != k - 1 || k < 1 || !(bound > 0)) {
            throw new IllegalArgumentException("spline needs K widths, K heights, K-1 derivatives and a positive bound");
        }
        double[] ds = new double[k + 1];
        ds[0] = 1;
        ds[k] = 1;
        for (int i = 1; i < k; i++) ds[i] = MIN_DERIVATIVE + softplus(derivativeParams[i - 1]);
        return new Knots(edges(widthLogits, MIN_BIN_WIDTH, bound), edges(heightLogits, MIN_BIN_HEIGHT, bound), ds);
    }

    /** Knot positions -B = e_0 < … < e_K = B from bin logits: softmax, floored at min, cumulated. */
    static double[] edges(double[] logits, double min, double bound) {
        int k = logits.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) max = Math.max(max, v);
        double sum = 0;
        double[] p = new double[k];
        for (int i = 0; i < k; i++) sum += p[i] = Math.exp(logits[i] - max);
        double[] e = new double[k + 1];
        e[0] = -bound;
        double cum = 0;
        for (int i = 0; i < k; i++) {
            cum += min + (1 - min * k) * p[i] / sum;
            e[i + 1] = -bound + 2 * bound * cum;
        }
        e[k] = bound;
        return e;
    }

    /** y = f(x) and log|f'(x)|, as {y, logAbsDet}. */
    public static double[] forward(Knots kn, double x) {
        double[] xs = kn.xs, ys = kn.ys, ds = kn.ds;
        if (!(x > xs[0] && x < xs[xs.length - 1])) return new double[] {x, 0};
        int k = bin(xs, x);
        double w = xs[k + 1] - xs[k], h = ys[k + 1] - ys[k], s = h / w;
        double xi = (x - xs[k]) / w, t = xi * (1 - xi);
        double denom = s + (ds[k] + ds[k + 1] - 2 * s) * t;
        double y = ys[k] + h * (s * xi * xi + ds[k] * t) / denom;
        double dnum = s * s * (ds[k + 1] * xi * xi + 2 * s * t + ds[k] * (1 - xi) * (1 - xi));
        return new double[] {y, Math.log(dnum) - 2 * Math.log(denom)};
    }

    /** x = f⁻¹(y) and log|(f⁻¹)'(y)| = -log|f'(x)|, as {x, logAbsDet}. */
    public static double[] inverse(Knots kn, double y) {
        double[] xs = kn.xs, ys = kn.ys, ds = kn.ds;
        if (!(y > ys[0] && y < ys[ys.length - 1])) return new double[] {y, 0};
        int k = bin(ys, y);
        double w = xs[k + 1] - xs[k], h = ys[k + 1] - ys[k], s = h / w;
        double dy = y - ys[k], sumD = ds[k] + ds[k + 1] - 2 * s;
        double a = h * (s - ds[k]) + dy * sumD;
        double b = h * ds[k] - dy * sumD;
        double c = -s * dy;
        double disc = Math.max(b * b - 4 * a * c, 0);
        double xi = 2 * c / (-b - Math.sqrt(disc));
        double x = xs[k] + xi * w;
        double t = xi * (1 - xi);
        double denom = s + sumD * t;
        double dnum = s * s * (ds[k + 1] * xi * xi + 2 * s * t + ds[k] * (1 - xi) * (1 - xi));
        return new double[] {x, -(Math.log(dnum) - 2 * Math.log(denom))};
    }

    /** Index k of the bin with e_k ≤ v < e_{k+1}, clamped to 0..K-1. */
    static int bin(double[] e, double v) {
        int lo = 0, hi = e.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (e[mid] <= v) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }
}
