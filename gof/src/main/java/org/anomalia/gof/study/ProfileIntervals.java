package org.anomalia.gof.study;

import java.util.ArrayList;
import java.util.List;

/**
 * The set {c : Δ(c) ≤ k} of a profile Δ = −2 log L − min sampled on a 1-D grid, as intervals whose
 * ends are interpolated linearly between grid points. An end at the edge of the grid is open: the
 * interval may extend beyond it.
 */
public final class ProfileIntervals {
    /** One interval; {@code openLow}/{@code openHigh} when it reaches the edge of the grid. */
    public record Interval(double low, double high, boolean openLow, boolean openHigh) {}

    private ProfileIntervals() {}

    public static List<Interval> below(double[] x, double[] delta, double k) {
        List<Interval> out = new ArrayList<>();
        int n = x.length;
        int i = 0;
        while (i < n) {
            if (delta[i] > k) {
                i++;
                continue;
            }
            int start = i;
            while (i + 1 < n && delta[i + 1] <= k) i++;
            int end = i;
            double lo = start == 0 ? x[0] : cross(x[start - 1], delta[start - 1], x[start], delta[start], k);
            double hi = end == n - 1 ? x[n - 1] : cross(x[end], delta[end], x[end + 1], delta[end + 1], k);
            out.add(new Interval(lo, hi, start == 0, end == n - 1));
            i++;
        }
        return out;
    }

    private static double cross(double x0, double d0, double x1, double d1, double k) {
        return x0 + (k - d0) * (x1 - x0) / (d1 - d0);
    }

    /** The minimum of a sampled curve refined by the parabola through it and its neighbours (the grid point at an edge). */
    public static double refinedMinimum(double[] x, double[] v) {
        int m = argmin(v);
        if (m == 0 || m == x.length - 1) return x[m];
        double x0 = x[m - 1], x1 = x[m], x2 = x[m + 1], y0 = v[m - 1], y1 = v[m], y2 = v[m + 1];
        double den = (x0 - x1) * (x0 - x2) * (x1 - x2);
        double a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / den;
        double b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / den;
        if (!(a > 0)) return x1;
        double xm = -b / (2 * a);
        return Math.max(x0, Math.min(x2, xm));
    }

    public static int argmin(double[] v) {
        int m = 0;
        for (int i = 1; i < v.length; i++) if (v[i] < v[m]) m = i;
        return m;
    }
}
