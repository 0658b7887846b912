package org.anomalia.events.scan;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Chooses the number of dijet parameters by Fisher's F-test, as the CMS dijet searches do: start
 * with 3, add a parameter while F = (D_k − D_{k+1}) / (D_{k+1} / (N − k − 1)) has p &lt; α under
 * F(1, N − k − 1) (D the Poisson deviance over the N fitted bins), stop at the first that does not
 * help. Each higher order also starts from the lower order's solution (extra parameter 0). An order
 * whose fit does not converge is never chosen; if none converges, the result is the failed 3-parameter
 * fit with its warning.
 */
public final class FitOrder {
    /** The default threshold: add a parameter when its F-test p-value is below 5 %. */
    public static final double DEFAULT_ALPHA = 0.05;

    private FitOrder() {
    }

    /** The chosen fit, every order tried, and the F-test p-values of each step (NaN where not computed). */
    public record Selection(FitResult chosen, List<FitResult> tried, double[] fTestP) {
    }

    public static Selection select(SpectrumFit fit, double[] counts, boolean[] use, double alpha) {
        return select(fit, counts, use, alpha, DijetFunction.MAX_ORDER);
    }

    public static Selection select(SpectrumFit fit, double[] counts, boolean[] use, double alpha, int maxOrder) {
        List<FitResult> tried = new ArrayList<>();
        double[] fp = new double[DijetFunction.MAX_ORDER + 1];
        java.util.Arrays.fill(fp, Double.NaN);
        FitResult chosen = null;
        FitResult previous = null;
        for (int k = DijetFunction.MIN_ORDER; k <= maxOrder; k++) {
            List<double[]> starts = new ArrayList<>();
            if (previous != null && previous.parameters() != null) starts.add(previous.parameters());
            FitResult r = fit.fit(counts, use, k, starts);
            tried.add(r);
            if (!r.converged()) {
                if (chosen != null) break;
                previous = r;
                continue;
            }
            if (chosen == null) {
                chosen = r;
                previous = r;
                continue;
            }
            int dof = r.degreesOfFreedom();
            double f = dof > 0 && r.deviance() > 0 ? (chosen.deviance() - r.deviance()) / (r.deviance() / dof) : 0;
            double p = dof > 0 ? (f > 0 ? FDistribution.of(1, dof).survivalProbability(f) : 1) : 1;
            fp[k] = p;
            if (p < alpha) {
                chosen = r;
                previous = r;
            } else {
                break;
            }
        }
        if (chosen == null) chosen = tried.get(0);
        return new Selection(chosen, tried, fp);
    }
}
