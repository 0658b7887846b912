package org.anomalia.events.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a method's template estimate misses on background only, per cut: a scale on b and a
 * relative systematic on it. A classifier trained against a sampled template finds where the
 * sampler falls short of the data, in the window, where the closure next to it does not see it; so
 * on background-only data the estimate is biased low and its pulls (n − b) / √(b + σ_b²) spread
 * wider than 1.
 *
 * <p>From background-only scans (simulation), per cut over every window: the scale k = Σn / Σb (the
 * maximum-likelihood common factor for Poisson counts), and the δ ≥ 0 for which the mean squared
 * pull of the scaled estimate, (n − kb)² / (kb + k²σ_stat² + δ²k²b²), is 1 — a moment estimate, as
 * in a random-effects meta-analysis. σ_stat is σ_b without the systematic the scans carried; a
 * scale they carried is folded in. Overlapping windows share events, so the pulls are correlated;
 * the estimates stay unbiased in the mean, their errors larger than the count of windows suggests.
 * Given to later scans ({@link TemplateCorrection}), they are honest only if measured on a
 * simulation at least as hard as the data, with the same correction mode (closure or none), and
 * checked on background-only datasets they were not fitted on.
 */
public final class TemplateCalibration {
    private TemplateCalibration() {
    }

    /**
     * @param cut the fraction kept
     * @param windows window-cuts with a template estimate
     * @param meanSquaredPull their mean squared pull with the scans' own b and σ_b
     * @param scale the factor on b to carry (the scans' own times k)
     * @param systematic the relative systematic to carry (0 when the scaled pulls are already no wider than 1)
     */
    public record Cut(double cut, int windows, double meanSquaredPull, double scale, double systematic) {}

    /**
     * Per cut of the scans (which must share their cuts and correction), from every window with a positive template estimate;
     * empty when no window has a template (a method without one).
     */
    public static List<Cut> of(List<SpectrumScan.Result> backgroundOnly) {
        List<Cut> out = new ArrayList<>();
        boolean anyTemplate = backgroundOnly.stream().flatMap(r -> r.windows().stream()).flatMap(w -> w.cuts().stream())
                .anyMatch(c -> c.template() != null);
        if (!anyTemplate) return out;
        ScanSettings first = backgroundOnly.get(0).settings();
        double[] cuts = first.cuts();
        for (int c = 0; c < cuts.length; c++) {
            double usedScale = first.template().scale(c), usedSystematic = first.template().systematic(c);
            List<double[]> rows = new ArrayList<>(); // n, b, σ_stat²
            double own = 0, sumN = 0, sumB = 0;
            for (SpectrumScan.Result r : backgroundOnly) {
                for (WindowOutcome w : r.windows()) {
                    TemplateEstimate t = w.cuts().get(c).template();
                    if (t == null || !(t.b() > 0) || !Double.isFinite(t.sigmaB())) continue;
                    double stat2 = Math.max(0, t.sigmaB() * t.sigmaB() - Math.pow(usedSystematic * t.b(), 2));
                    rows.add(new double[] {t.n(), t.b(), stat2});
                    own += Math.pow(t.n() - t.b(), 2) / (t.b() + t.sigmaB() * t.sigmaB());
                    sumN += t.n();
                    sumB += t.b();
                }
            }
            if (rows.isEmpty() || !(sumN > 0)) {
                out.add(new Cut(cuts[c], rows.size(), Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            double k = sumN / sumB;
            List<double[]> scaled = rows.stream().map(x -> new double[] {x[0], k * x[1], k * k * x[2]}).toList();
            out.add(new Cut(cuts[c], rows.size(), own / rows.size(), usedScale * k, solve(scaled)));
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
