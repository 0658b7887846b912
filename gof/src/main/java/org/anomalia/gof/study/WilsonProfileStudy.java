package org.anomalia.gof.study;

import org.anomalia.numerics.stats.Quantiles;
import org.anomalia.gof.Seeds;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.theory.Complex;
import org.anomalia.gof.GofAnalysis;
import org.anomalia.numerics.stats.ChiSquared;
import org.anomalia.numerics.stats.Significance;

/**
 * −2 log p(x | C) on a grid of one or two Wilson coefficients, with the Gaussian approximation and the
 * exact marginal likelihood side by side ({@link PointLikelihood}); best fit, 1σ/2σ intervals by Wilks'
 * theorem and by toys generated at the best fit, and the Standard Model's pull. Every grid point uses
 * the same parameter draws ν (common random numbers), so the profile is smooth in C.
 */
public final class WilsonProfileStudy {
    /** Theory draws x(ν, C): the same seed gives the same ν at every point. */
    public interface Theory {
        double[][] draw(NewPhysics point, int n, long seed);
    }

    public static final String GAUSSIAN = "gaussian", MARGINAL = "marginal";
    static final long THEORY_STREAM = 301, TOY_THEORY_STREAM = 302, TOY_NOISE_STREAM = 303;
    /** Coverage of 1σ and 2σ (two-sided Gaussian). */
    static final double CL1 = 0.682689492137086, CL2 = 0.954499736103642;

    private WilsonProfileStudy() {}

    public static NewPhysics point(List<GridAxis> axes, double[] coordinates) {
        NewPhysics np = NewPhysics.SM;
        for (int a = 0; a < axes.size(); a++) np = np.with(axes.get(a).coefficient(), Complex.real(coordinates[a]));
        return np;
    }

    public static double[][] grid(List<GridAxis> axes) {
        int n = 1;
        for (GridAxis a : axes) n *= a.points();
        double[][] g = new double[n][axes.size()];
        for (int k = 0; k < n; k++) {
            int rest = k;
            for (int a = axes.size() - 1; a >= 0; a--) {
                g[k][a] = axes.get(a).value(rest % axes.get(a).points());
                rest /= axes.get(a).points();
            }
        }
        return g;
    }

    public static ProfileResult run(List<GridAxis> axes, Theory theory, double[] measured, double[][] expCovariance, int samples, int toys,
                                    long seed, PrintStream log) {
        long t0 = System.nanoTime();
        double[][] grid = grid(axes);
        long theorySeed = Seeds.derive(seed, THEORY_STREAM);
        PointLikelihood[] like = new PointLikelihood[grid.length];
        for (int k = 0; k < grid.length; k++) {
            NewPhysics np = point(axes, grid[k]);
            like[k] = new PointLikelihood(theory.draw(np, samples, theorySeed), expCovariance, np.toString());
            if ((k + 1) % Math.max(1, grid.length / 10) == 0 || k == grid.length - 1) {
                log.printf("profile: %d/%d grid points (%.0f s)%n", k + 1, grid.length, (System.nanoTime() - t0) / 1e9);
            }
        }
        PointLikelihood sm = new PointLikelihood(theory.draw(NewPhysics.SM, samples, theorySeed), expCovariance, "SM");
        Map<String, ProfileResult.Curve> curves = new LinkedHashMap<>();
        for (String method : List.of(GAUSSIAN, MARGINAL)) {
            double[] v = evaluate(like, measured, method);
            int best = ProfileIntervals.argmin(v);
            double[] crit = toyCriticalValues(axes, grid, like, best, theory, expCovariance, toys, seed, method);
            double wilks1 = ChiSquared.inverseSurvival(1 - CL1, axes.size()), wilks2 = ChiSquared.inverseSurvival(1 - CL2, axes.size());
            double smValue = evaluateOne(sm, measured, method);
            double smDelta = smValue - v[best];
            double smPull = Significance.zFromP(ChiSquared.survival(Math.max(0, smDelta), axes.size()) / 2);
            if (axes.size() == 1) smPull = Math.sqrt(Math.max(0, smDelta));
            List<ProfileResult.Axis> perAxis = new ArrayList<>();
            double[] bestFit = new double[axes.size()];
            // Per-axis profiles use the 1-D critical values (one coefficient of interest, the other profiled).
            double w1 = ChiSquared.inverseSurvival(1 - CL1, 1), w2 = ChiSquared.inverseSurvival(1 - CL2, 1);
            for (int a = 0; a < axes.size(); a++) {
                ProfileResult.Axis ax = axisProfile(axes, grid, v, a, w1, w2, axes.size() == 1 ? crit[0] : Double.NaN,
                        axes.size() == 1 ? crit[1] : Double.NaN);
                perAxis.add(ax);
                bestFit[a] = ax.bestFit();
            }
            double ess = method.equals(MARGINAL) ? like[best].effectiveDraws(measured) : Double.NaN;
            double[] essPerPoint = new double[grid.length];
            for (int k = 0; k < grid.length; k++) essPerPoint[k] = method.equals(MARGINAL) ? like[k].effectiveDraws(measured) : Double.NaN;
            curves.put(method, new ProfileResult.Curve(method, method.equals(GAUSSIAN) ? "Gaussian approximation (Λth re-estimated per point)"
                    : "exact marginal likelihood (average over theory draws)", v, bestFit, v[best], smValue, smDelta, smPull, perAxis,
                    crit[0], crit[1], wilks1, wilks2, ess, essPerPoint));
            log.printf("profile %s: best fit %s, -2logL min %.3f, SM delta %.3f (pull %.2f sigma), toy critical values %.2f / %.2f (Wilks %.2f / %.2f)%n",
                    method, Arrays.toString(bestFit), v[best], smDelta, smPull, crit[0], crit[1], wilks1, wilks2);
        }
        return new ProfileResult(axes, samples, toys, seed, grid, curves, (System.nanoTime() - t0) / 1e9);
    }

    static double[] evaluate(PointLikelihood[] like, double[] x, String method) {
        double[] v = new double[like.length];
        for (int k = 0; k < like.length; k++) v[k] = evaluateOne(like[k], x, method);
        return v;
    }

    static double evaluateOne(PointLikelihood l, double[] x, String method) {
        return method.equals(GAUSSIAN) ? l.gaussian(x) : l.marginal(x);
    }

    /**
     * Toys at the best-fit grid point: pseudo-data x = x(ν, Ĉ) + L·w with fresh ν and w; for each toy the
     * whole grid is evaluated and Δ at the true point taken. Their 68.3 % and 95.4 % quantiles replace
     * Wilks' critical values where the likelihood is not Gaussian.
     */
    static double[] toyCriticalValues(List<GridAxis> axes, double[][] grid, PointLikelihood[] like, int best, Theory theory,
                                      double[][] expCovariance, int toys, long seed, String method) {
        if (toys < 1) return new double[] {Double.NaN, Double.NaN};
        double[][] rows = theory.draw(point(axes, grid[best]), toys, Seeds.derive(seed, TOY_THEORY_STREAM));
        double[][] data = GofAnalysis.smear(rows, expCovariance, "experimental covariance", Seeds.derive(seed, TOY_NOISE_STREAM));
        double[] delta = new double[toys];
        for (int t = 0; t < toys; t++) {
            double[] v = evaluate(like, data[t], method);
            double min = Double.POSITIVE_INFINITY;
            for (double u : v) min = Math.min(min, u);
            delta[t] = v[best] - min;
        }
        Arrays.sort(delta);
        return new double[] {Quantiles.at(delta, CL1), Quantiles.at(delta, CL2)};
    }

    static ProfileResult.Axis axisProfile(List<GridAxis> axes, double[][] grid, double[] v, int axis, double w1, double w2,
                                          double t1, double t2) {
        GridAxis a = axes.get(axis);
        double[] x = new double[a.points()], prof = new double[a.points()];
        Arrays.fill(prof, Double.POSITIVE_INFINITY);
        for (int i = 0; i < x.length; i++) x[i] = a.value(i);
        for (int k = 0; k < grid.length; k++) {
            int i = (int) Math.round((grid[k][axis] - a.from()) / (a.to() - a.from()) * (a.points() - 1));
            prof[i] = Math.min(prof[i], v[k]);
        }
        double min = Double.POSITIVE_INFINITY;
        for (double p : prof) min = Math.min(min, p);
        double[] delta = new double[prof.length];
        for (int i = 0; i < delta.length; i++) delta[i] = prof[i] - min;
        return new ProfileResult.Axis(a.coefficient(), x, delta, ProfileIntervals.refinedMinimum(x, prof),
                ProfileIntervals.below(x, delta, w1), ProfileIntervals.below(x, delta, w2),
                Double.isNaN(t1) ? List.of() : ProfileIntervals.below(x, delta, t1),
                Double.isNaN(t2) ? List.of() : ProfileIntervals.below(x, delta, t2));
    }
}
