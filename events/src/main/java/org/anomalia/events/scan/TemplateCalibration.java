package org.anomalia.events.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a method's template estimate misses on background only, as a relative systematic error
 * per cut. A classifier trained against a sampled template finds where the sampler falls short of
 * the data, in the window, where the closure next to it does not see it; so the estimate's own σ_b
 * is too small, and on background-only data its pulls (n − b) / √(b + σ_b²) spread wider than 1.
 *
 * <p>From background-only scans (simulation), per cut: the δ ≥ 0 for which the mean squared pull
 * over every window, (n − b)² / (b + σ_stat² + δ²b²), is 1 — a moment estimate, as in a
 * random-effects meta-analysis. σ_stat is σ_b without the systematic the scans already carried.
 * Overlapping windows share events, so the pulls are correlated; the estimate is still unbiased in
 * the mean, its error larger than the count of windows suggests. Given to later scans of real data
 * ({@link ScanSettings#templateSystematic}), it is honest only if it was measured on a simulation
 * at least as hard as the data, and checked on background-only datasets it was not fitted on.
 */
public final class TemplateCalibration {
    private TemplateCalibration() {
    }

    /**
     * @param cut the fraction kept
     * @param windows window-cuts with a template estimate
     * @param meanSquaredPull their mean squared pull with the scans' own σ_b
     * @param systematic the relative systematic that brings it to 1 (0 when it already is at most 1)
     */
    public record Cut(double cut, int windows, double meanSquaredPull, double systematic) {}

    /** Per cut of the scans (which must share their cuts), from every window with a positive template estimate. */
    public static List<Cut> of(List<SpectrumScan.Result> backgroundOnly) {
        List<Cut> out = new ArrayList<>();
        if (backgroundOnly.isEmpty()) return out;
        double[] cuts = backgroundOnly.get(0).settings().cuts();
        for (int c = 0; c < cuts.length; c++) {
            List<double[]> rows = new ArrayList<>(); // n, b, σ_stat², σ_b²
            for (SpectrumScan.Result r : backgroundOnly) {
                double used = r.settings().templateSystematic(c);
                for (WindowOutcome w : r.windows()) {
                    TemplateEstimate t = w.cuts().get(c).template();
                    if (t == null || !(t.b() > 0) || !Double.isFinite(t.sigmaB())) continue;
                    double stat2 = Math.max(0, t.sigmaB() * t.sigmaB() - Math.pow(used * t.b(), 2));
                    rows.add(new double[] {t.n(), t.b(), stat2, t.sigmaB() * t.sigmaB()});
                }
            }
            if (rows.isEmpty()) {
                out.add(new Cut(cuts[c], 0, Double.NaN, Double.NaN));
                continue;
            }
            double own = 0;
            for (double[] x : rows) own += Math.pow(x[0] - x[1], 2) / (x[1] + x[3]);
            out.add(new Cut(cuts[c], rows.size(), own / rows.size(), solve(rows)));
        }
        return out;
    }

    /** The δ ≥ 0 at which the mean squared pull of rows {n, b, σ_stat²} is 1, by bisection (it falls monotonically with δ). */
    static double solve(List<double[]> rows) {
        if (meanSquaredPull(rows, 0) <= 1) return 0;
        double lo = 0, hi = 1;
        while (meanSquaredPull(rows, hi) > 1) hi *= 2;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (meanSquaredPull(rows, mid) > 1) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    private static double meanSquaredPull(List<double[]> rows, double delta) {
        double sum = 0;
        for (double[] x : rows) sum += Math.pow(x[0] - x[1], 2) / (x[1] + x[2] + delta * delta * x[1] * x[1]);
        return sum / rows.size();
    }
}
