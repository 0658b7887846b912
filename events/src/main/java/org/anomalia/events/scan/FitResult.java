package org.anomalia.events.scan;

/**
 * One dijet fit: the order (number of parameters), p = (p0 … p_{order−1}) with their covariance,
 * the Poisson deviance over the fitted bins, and per bin (all bins, fitted or not) the expected
 * count μ and ∂μ/∂η in the fit's internal parameters with η's covariance, so that any sum of bins
 * gets its uncertainty. {@code converged} false always comes with a {@code warning}.
 */
public record FitResult(int order, double[] parameters, double[][] covariance, double deviance, int fittedBins, boolean converged,
                        int iterations, String warning, double[] expected, double[][] jacobian, double[][] internalCovariance) {

    static FitResult failed(int order, int bins, String warning) {
        return new FitResult(order, null, null, Double.NaN, bins, false, 0, warning, null, null, null);
    }

    /** Degrees of freedom of the fit: fitted bins − parameters. */
    public int degreesOfFreedom() {
        return fittedBins - order;
    }

    /** Expected count in bins [from, to) and its uncertainty from the fit (σ² = aᵀ C a, a = Σ ∂μ/∂η). */
    public double[] sum(int from, int to) {
        double b = 0;
        double[] a = new double[order];
        for (int i = from; i < to; i++) {
            b += expected[i];
            for (int j = 0; j < order; j++) a[j] += jacobian[i][j];
        }
        double v = 0;
        for (int u = 0; u < order; u++) for (int w = 0; w < order; w++) v += a[u] * internalCovariance[u][w] * a[w];
        return new double[] {b, Math.sqrt(Math.max(0, v))};
    }
}
