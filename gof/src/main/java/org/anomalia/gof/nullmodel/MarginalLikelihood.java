package org.anomalia.gof.nullmodel;

import org.anomalia.numerics.stats.MultivariateNormal;

/**
 * The exact smeared likelihood by Monte Carlo: since the smearing is Gaussian with known Λexp,
 * p(x) = ∫ N(x; x(ν), Λexp) p(ν) dν ≈ p̂(x) = (1/M) Σᵢ N(x; xᵢ, Λexp) over an integration set of
 * theory samples xᵢ, and the statistic is −log p̂(x). No model is trained; the integration set must
 * be disjoint from the samples that make its null distribution (else each null point finds itself
 * among the xᵢ and looks more likely than the data).
 *
 * <p>Whitening by the Cholesky factor of Λexp (L·Lᵀ = Λexp) once, y = L⁻¹(x − c) with c the mean of
 * the integration set (centred, so that float distances keep their digits), turns every term into
 * exp(−½|y − yᵢ|²)/((2π)^{n/2}|L|); {@link MarginalKernel} sums them. The effective sample size
 * ESS = (Σw)²/Σw² of the weights wᵢ ∝ N(x; xᵢ, Λexp) says how many integration points carry p̂(x):
 * the relative Monte Carlo error of p̂ is about 1/√ESS.
 */
public final class MarginalLikelihood implements TestStatistic {
    public static final String NAME = "marginal";

    /** −log p̂ and the effective sample size of each evaluated row. */
    public record Evaluation(double[] negLogDensity, double[] ess) {}

    private final MultivariateNormal whitening;
    private final MarginalKernel kernel;
    private final double constant;
    private final int threads;

    /**
     * @param integration   theory samples xᵢ (not smeared), disjoint from every null point
     * @param expCovariance Λexp
     * @param threads       threads of the kernel (the result does not depend on it)
     */
    public MarginalLikelihood(double[][] integration, double[][] expCovariance, int threads) {
        this(integration, expCovariance, threads, null);
    }

    MarginalLikelihood(double[][] integration, double[][] expCovariance, int threads, Boolean vector) {
        if (integration.length == 0) throw new IllegalArgumentException("empty integration set");
        int n = expCovariance.length;
        double[] centre = new double[n];
        for (double[] x : integration) for (int j = 0; j < n; j++) centre[j] += x[j];
        for (int j = 0; j < n; j++) centre[j] /= integration.length;
        this.whitening = MultivariateNormal.of(centre, expCovariance, "experimental covariance");
        double[][] whitened = whiten(integration);
        MarginalKernel k = vector == null ? new MarginalKernel(whitened)
                : vector ? MarginalKernel.vector(whitened) : MarginalKernel.plain(whitened);
        if (k == null) throw new IllegalStateException("the Vector API path needs --add-modules jdk.incubator.vector");
        this.kernel = k;
        this.constant = Math.log(integration.length) + whitening.logDetCholesky() + 0.5 * n * Math.log(2 * Math.PI);
        this.threads = Math.max(1, threads);
    }

    /** M, the size of the integration set. */
    public int integrationSize() {
        return kernel.size();
    }

    /** "vector" or "plain": the kernel path in use. */
    public String kernelPath() {
        return kernel.path();
    }

    @Override public String name() { return NAME; }

    @Override public String label() { return "marginal likelihood −log p̂ (M = " + kernel.size() + ")"; }

    @Override public boolean estimatesNegLogDensity() { return true; }

    @Override
    public double[] evaluate(double[][] rows) {
        return evaluateWithEss(rows).negLogDensity();
    }

    public Evaluation evaluateWithEss(double[][] rows) {
        double[][] sums = kernel.logSums(whiten(rows), threads);
        double[] v = new double[rows.length], ess = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = constant - sums[0][i];
            ess[i] = Math.exp(2 * sums[0][i] - sums[1][i]);
        }
        return new Evaluation(v, ess);
    }

    private double[][] whiten(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = whitening.whiten(rows[i]);
        return out;
    }
}
