package org.anomalia.events.scan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskFunction;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.numerics.random.Seeds;
import org.anomalia.numerics.stats.CountingSignificance;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.anomalia.numerics.stats.GrossVitells;
import org.anomalia.numerics.stats.Significance;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The look-elsewhere effect of a scan, two ways side by side.
 *
 * <p><b>Toys</b> (fit-level pseudo-experiments): each toy Poisson-fluctuates, bin by bin, the
 * background-only fit of the whole post-cut spectrum of every window and cut, redoes the masked fit
 * with its F-test and the local Z of every window, and keeps the maximum (per cut, and over all
 * cuts). The bins of one toy share one uniform number per bin across windows and cuts (inverse-CDF
 * draws), so windows that see the same spectrum (the bump hunt: all of them) see the same toy, and
 * post-cut spectra of neighbouring windows fluctuate together as far as their expectations agree.
 * The global p is the fraction of toys whose maximum reaches the observed one.
 *
 * <p><b>Gross–Vitells</b>: the mean number of upcrossings of the reference level z0 by the Z-curves
 * (one curve per cut and window width, windows by centre; on the same toys) extrapolated to the
 * observed maximum, p = p_local + ⟨N(z0)⟩ exp(−(Z² − z0²)/2).
 *
 * <p>For methods with a background template the template estimate's local Z gets the same two
 * answers (scopes "template, …") from toys that draw each window's count from its template estimate.
 */
public final class LookElsewhere {
    private LookElsewhere() {
    }

    /** One global answer: observed maximum local Z, the toy p (with its bound flag) and Z, the GV p and Z. */
    public record Answer(String scope, double maxLocalZ, int bestWindow, int toys, long toysAtLeast, double toyP, boolean toyBound, double toyZ,
                         double meanUpcrossings, double gvP, double gvZ) implements Serializable {
    }

    /** What one toy found: the maximum Z per cut and overall, upcrossings per cut, and fits that failed. */
    record ToyResult(double[] maxPerCut, double maxOverall, int[] upcrossingsPerCut, int failedFits) implements Serializable {
    }

    /** The answers per cut (scope "kept 0.1") and over all cuts (scope "all cuts"), plus the number of failed toy fits. */
    public record Result(List<Answer> answers, long failedToyFits, double referenceZ) implements Serializable {
    }

    public static Result run(List<WindowOutcome> windows, ScanSettings s, TaskEngine engine, TaskProgress progress) {
        int cuts = s.cuts().length;
        double[][] observed = new double[windows.size()][cuts];
        for (int w = 0; w < windows.size(); w++) {
            for (int c = 0; c < cuts; c++) observed[w][c] = windows.get(w).cuts().get(c).z();
        }
        List<Integer> toyIds = new ArrayList<>();
        for (int t = 0; t < s.toys(); t++) toyIds.add(t);
        List<ScanWindow> ws = windows.stream().map(WindowOutcome::window).toList();
        double[][][] truth = new double[windows.size()][cuts][];
        for (int w = 0; w < windows.size(); w++) {
            for (int c = 0; c < cuts; c++) truth[w][c] = windows.get(w).cuts().get(c).backgroundOnly();
        }
        ToyFunction fn = new ToyFunction(ws, truth, s);
        List<ToyResult> toys = s.toys() == 0 ? List.of() : engine.map(toyIds, fn, progress);
        List<Answer> answers = new ArrayList<>(answers("", observed, toys, windows.size(), s));
        long failed = toys.stream().mapToLong(ToyResult::failedFits).sum();
        // CATHODE-like methods: the template estimate's local Z gets its own look-elsewhere correction
        double[][] tb = new double[windows.size()][cuts];
        double[][] ts = new double[windows.size()][cuts];
        double[][] tz = new double[windows.size()][cuts];
        boolean anyTemplate = false;
        for (int w = 0; w < windows.size(); w++) {
            for (int c = 0; c < cuts; c++) {
                CutOutcome o = windows.get(w).cuts().get(c);
                tb[w][c] = o.template() == null ? Double.NaN : o.template().b();
                ts[w][c] = o.template() == null ? Double.NaN : o.template().sigmaB();
                tz[w][c] = o.templateZ();
                anyTemplate |= Double.isFinite(o.templateZ());
            }
        }
        if (anyTemplate) {
            List<ToyResult> ttoys = s.toys() == 0 ? List.of() : engine.map(toyIds, new TemplateToyFunction(ws, tb, ts, s), progress);
            answers.addAll(answers("template, ", tz, ttoys, windows.size(), s));
        }
        return new Result(answers, failed, s.referenceZ());
    }

    /** Per cut and over all cuts: the observed maximum against the toys' maxima, and Gross–Vitells from their upcrossings. */
    private static List<Answer> answers(String prefix, double[][] observed, List<ToyResult> toys, int nWindows, ScanSettings s) {
        int cuts = s.cuts().length;
        List<Answer> answers = new ArrayList<>();
        for (int c = 0; c <= cuts; c++) {
            boolean overall = c == cuts;
            double best = Double.NEGATIVE_INFINITY;
            int bestWindow = -1;
            for (int w = 0; w < nWindows; w++) {
                for (int cc = overall ? 0 : c; cc < (overall ? cuts : c + 1); cc++) {
                    if (observed[w][cc] > best) {
                        best = observed[w][cc];
                        bestWindow = w;
                    }
                }
            }
            String scope = prefix + (overall ? "all cuts" : "kept " + s.cuts()[c]);
            if (toys.isEmpty() || bestWindow < 0) {
                answers.add(new Answer(scope, best, bestWindow, 0, 0, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            double[] maxima = new double[toys.size()];
            double up = 0;
            for (int t = 0; t < toys.size(); t++) {
                ToyResult r = toys.get(t);
                maxima[t] = overall ? r.maxOverall() : r.maxPerCut()[c];
                if (Double.isNaN(maxima[t])) maxima[t] = Double.NEGATIVE_INFINITY;
                if (overall) {
                    for (int u : r.upcrossingsPerCut()) up += u;
                } else {
                    up += r.upcrossingsPerCut()[c];
                }
            }
            EmpiricalPValue p = EmpiricalPValue.of(best, maxima);
            double meanUp = up / toys.size();
            double gv = GrossVitells.globalP(best, s.referenceZ(), meanUp);
            answers.add(new Answer(scope, best, bestWindow, toys.size(), p.exceeding(), p.pOrBound(), p.isBound(), p.z(), meanUp, gv,
                    Significance.zFromP(gv)));
        }
        return answers;
    }

    /** Upcrossings of z0 by the Z-curves of one cut: one curve per window width (in bins), windows by centre. */
    static int upcrossings(List<ScanWindow> windows, double[] z, double z0) {
        Map<Integer, List<Integer>> byWidth = new LinkedHashMap<>();
        for (int w = 0; w < windows.size(); w++) {
            byWidth.computeIfAbsent(windows.get(w).toBin() - windows.get(w).fromBin(), k -> new ArrayList<>()).add(w);
        }
        int n = 0;
        for (List<Integer> group : byWidth.values()) {
            group.sort((a, b) -> Double.compare(windows.get(a).centre(), windows.get(b).centre()));
            double[] curve = new double[group.size()];
            for (int i = 0; i < curve.length; i++) {
                double v = z[group.get(i)];
                curve[i] = Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
            }
            n += GrossVitells.upcrossings(curve, z0);
        }
        return n;
    }

    /** One toy: a pure function of its index and the scan's seed. */
    static final class ToyFunction implements TaskFunction<Integer, ToyResult> {
        private final List<ScanWindow> windows;
        private final double[][][] truth;
        private final ScanSettings s;

        ToyFunction(List<ScanWindow> windows, double[][][] truth, ScanSettings s) {
            this.windows = windows;
            this.truth = truth;
            this.s = s;
        }

        @Override
        public ToyResult apply(Integer toy) {
            Binning bins = s.binning();
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(s.toySeed(toy));
            double[] u = new double[bins.bins()];
            for (int i = 0; i < u.length; i++) u[i] = rng.nextDouble();
            SpectrumFit fit = new SpectrumFit(bins, s.sqrtS());
            int cuts = s.cuts().length;
            double[] maxPerCut = new double[cuts];
            Arrays.fill(maxPerCut, Double.NEGATIVE_INFINITY);
            int[] up = new int[cuts];
            int failed = 0;
            double[] z = new double[windows.size()];
            for (int c = 0; c < cuts; c++) {
                Arrays.fill(z, Double.NaN);
                for (int w = 0; w < windows.size(); w++) {
                    double[] mu = truth[w][c];
                    if (mu == null) continue;
                    double[] n = new double[mu.length];
                    for (int i = 0; i < n.length; i++) n[i] = mu[i] > 0 ? PoissonDistribution.of(mu[i]).inverseCumulativeProbability(u[i]) : 0;
                    ScanWindow win = windows.get(w);
                    boolean[] use = new boolean[n.length];
                    for (int i = 0; i < n.length; i++) use[i] = !win.covers(bins, i);
                    FitResult r = FitOrder.select(fit, n, use, s.alpha()).chosen();
                    if (!r.converged()) {
                        failed++;
                        continue;
                    }
                    double[] b = r.sum(win.fromBin(), win.toBin());
                    double obs = 0;
                    for (int i = win.fromBin(); i < win.toBin(); i++) obs += n[i];
                    if (b[0] > 0) z[w] = CountingSignificance.profile(obs, b[0], b[1]);
                    if (z[w] > maxPerCut[c]) maxPerCut[c] = z[w];
                }
                up[c] = upcrossings(windows, z, s.referenceZ());
            }
            double overall = Double.NEGATIVE_INFINITY;
            for (double v : maxPerCut) overall = Math.max(overall, v);
            return new ToyResult(maxPerCut, overall, up, failed);
        }
    }

    /**
     * One template toy: in every window the count is drawn from Poisson(b_template) and the estimate
     * from its auxiliary measurement (τb events, τ = b/σ², the model of the local Z: without it a σ_b
     * comparable to √b makes the toys' Z narrower than N(0, 1) and the global p far too small); two
     * uniform numbers per window, shared by the cuts. Windows are drawn independently:
     * overlapping windows share events in the data, so this ignores a positive correlation and the
     * global p comes out conservative (too large).
     */
    static final class TemplateToyFunction implements TaskFunction<Integer, ToyResult> {
        /** Auxiliary counts above this are so precise that the estimate is held fixed (σ_b ≪ √b). */
        static final double AUXILIARY_EXACT = 1e9;

        private final List<ScanWindow> windows;
        private final double[][] b;
        private final double[][] sigma;
        private final ScanSettings s;

        TemplateToyFunction(List<ScanWindow> windows, double[][] b, double[][] sigma, ScanSettings s) {
            this.windows = windows;
            this.b = b;
            this.sigma = sigma;
            this.s = s;
        }

        @Override
        public ToyResult apply(Integer toy) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(s.seed(), "template-toy", toy));
            double[] u = new double[windows.size()];
            double[] uAux = new double[windows.size()];
            for (int i = 0; i < u.length; i++) {
                u[i] = rng.nextDouble();
                uAux[i] = rng.nextDouble();
            }
            int cuts = s.cuts().length;
            double[] maxPerCut = new double[cuts];
            Arrays.fill(maxPerCut, Double.NEGATIVE_INFINITY);
            int[] up = new int[cuts];
            double[] z = new double[windows.size()];
            for (int c = 0; c < cuts; c++) {
                Arrays.fill(z, Double.NaN);
                for (int w = 0; w < windows.size(); w++) {
                    if (!(b[w][c] > 0) || !Double.isFinite(sigma[w][c])) continue;
                    double n = PoissonDistribution.of(b[w][c]).inverseCumulativeProbability(u[w]);
                    // the estimate fluctuates too, as the local Z's model has it: an auxiliary count of τb, τ = b/σ²
                    double tau = b[w][c] / (sigma[w][c] * sigma[w][c]);
                    double bHat = b[w][c];
                    if (tau * b[w][c] < AUXILIARY_EXACT) bHat = PoissonDistribution.of(tau * b[w][c]).inverseCumulativeProbability(uAux[w]) / tau;
                    if (!(bHat > 0)) continue;
                    z[w] = CountingSignificance.profile(n, bHat, Math.sqrt(bHat / tau));
                    if (z[w] > maxPerCut[c]) maxPerCut[c] = z[w];
                }
                up[c] = upcrossings(windows, z, s.referenceZ());
            }
            double overall = Double.NEGATIVE_INFINITY;
            for (double v : maxPerCut) overall = Math.max(overall, v);
            return new ToyResult(maxPerCut, overall, up, 0);
        }
    }
}
