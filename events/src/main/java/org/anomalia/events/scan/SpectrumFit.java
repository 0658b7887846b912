package org.anomalia.events.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * A binned Poisson likelihood fit of the {@link DijetFunction} family to a spectrum, using only the
 * bins marked (the window masked out). Levenberg–Marquardt with Fisher scoring on the Poisson
 * deviance D = 2 Σ (μ − n + n ln(n/μ)); the bin expectations are 4-point Gauss–Legendre integrals of
 * f. Internally the parameters are those of a basis orthonormalized on the fitted bins with weights
 * n + 1 (ln f is linear in ln p0, p1 … p4), which keeps the strongly correlated dijet parameters
 * well conditioned. Several starts: a weighted least-squares fit of ln n, and any given parameter
 * vectors (the next-lower order's solution); the lowest converged deviance wins.
 *
 * <p>Converged means the Newton decrement gᵀF⁻¹g (half-deviance units) fell below 1e-10; otherwise
 * the result says so and carries a warning, never a silent number.
 */
public final class SpectrumFit implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    static final int MAX_ITERATIONS = 300;
    static final double DECREMENT = 1e-10;

    private final Binning binning;
    private final double sqrtS;
    /** Per bin: quadrature weights (including the bin width in x) and basis at the nodes (MAX_ORDER). */
    private final double[][] weights;
    private final double[][][] phi;
    private final double[][] centreBasis;

    public SpectrumFit(Binning binning, double sqrtS) {
        this.binning = binning;
        this.sqrtS = sqrtS;
        int q = DijetFunction.NODES.length;
        weights = new double[binning.bins()][q];
        phi = new double[binning.bins()][q][];
        centreBasis = new double[binning.bins()][];
        for (int i = 0; i < binning.bins(); i++) {
            double a = binning.edge(i);
            double h = binning.edge(i + 1) - a;
            for (int k = 0; k < q; k++) {
                double m = a + h / 2 * (1 + DijetFunction.NODES[k]);
                weights[i][k] = DijetFunction.WEIGHTS[k] * h / 2 / sqrtS;
                phi[i][k] = DijetFunction.basis(m / sqrtS, DijetFunction.MAX_ORDER);
            }
            centreBasis[i] = DijetFunction.basis((a + h / 2) / sqrtS, DijetFunction.MAX_ORDER);
        }
        if (binning.low() <= 0 || binning.high() >= sqrtS) {
            throw new org.anomalia.numerics.UserException("the dijet fit needs 0 < m < sqrt(s) = " + sqrtS + "; the range is ["
                    + binning.low() + ", " + binning.high() + ")");
        }
    }

    public Binning binning() {
        return binning;
    }

    public double sqrtS() {
        return sqrtS;
    }

    /**
     * The fit of one order.
     *
     * @param counts events per bin
     * @param use bins the fit uses
     * @param starts extra starting parameter vectors p (any length ≤ order; missing ones 0)
     */
    public FitResult fit(double[] counts, boolean[] use, int order, List<double[]> starts) {
        if (order < DijetFunction.MIN_ORDER || order > DijetFunction.MAX_ORDER) throw new IllegalArgumentException("order " + order);
        int nUsed = 0;
        for (boolean u : use) if (u) nUsed++;
        if (nUsed <= order) {
            return FitResult.failed(order, nUsed, "fit-too-few-bins: " + nUsed + " bins outside the window for " + order + " parameters");
        }
        double[][] r = orthonormalizer(counts, use, order);
        if (r == null) return FitResult.failed(order, nUsed, "fit-degenerate-basis: the fitted bins do not determine " + order + " parameters");
        Problem pr = new Problem(counts, use, order, r);
        List<double[]> etas = new ArrayList<>();
        etas.add(pr.leastSquaresStart());
        for (double[] p : starts) etas.add(pr.toEta(p));
        Outcome best = null;
        for (double[] eta : etas) {
            Outcome o = pr.minimize(eta);
            if (o == null) continue;
            if (best == null || (o.converged && !best.converged) || (o.converged == best.converged && o.deviance < best.deviance)) best = o;
        }
        if (best == null) return FitResult.failed(order, nUsed, "fit-not-converged: no start gave a finite likelihood");
        return pr.result(best, nUsed);
    }

    /**
     * R of the weighted modified Gram–Schmidt φ(x_i)√w_i = Q R over the used bins (w = n + 1); null
     * when the columns are dependent.
     */
    private double[][] orthonormalizer(double[] counts, boolean[] use, int order) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (!use[i]) continue;
            double s = Math.sqrt(counts[i] + 1);
            double[] row = new double[order];
            for (int j = 0; j < order; j++) row[j] = centreBasis[i][j] * s;
            rows.add(row);
        }
        int n = rows.size();
        double[][] q = new double[order][n];
        for (int j = 0; j < order; j++) for (int i = 0; i < n; i++) q[j][i] = rows.get(i)[j];
        double[][] r = new double[order][order];
        for (int j = 0; j < order; j++) {
            for (int k = 0; k < j; k++) {
                double d = 0;
                for (int i = 0; i < n; i++) d += q[k][i] * q[j][i];
                r[k][j] = d;
                for (int i = 0; i < n; i++) q[j][i] -= d * q[k][i];
            }
            double norm = 0;
            for (int i = 0; i < n; i++) norm += q[j][i] * q[j][i];
            norm = Math.sqrt(norm);
            if (!(norm > 1e-12 * Math.sqrt(n))) return null;
            r[j][j] = norm;
            for (int i = 0; i < n; i++) q[j][i] /= norm;
        }
        return r;
    }

    private record Outcome(double[] eta, double deviance, boolean converged, int iterations) {
    }

    /** One fit problem: the data, the mask, and the map θ = R⁻¹η between internal and dijet parameters. */
    private final class Problem {
        final double[] n;
        final boolean[] use;
        final int k;
        final double[][] r;
        /** ψ = R⁻ᵀφ at every node of every bin. */
        final double[][][] psi;

        Problem(double[] n, boolean[] use, int k, double[][] r) {
            this.n = n;
            this.use = use;
            this.k = k;
            this.r = r;
            psi = new double[n.length][weights[0].length][];
            for (int i = 0; i < n.length; i++) {
                for (int q = 0; q < weights[i].length; q++) psi[i][q] = forward(phi[i][q]);
            }
        }

        /** Solves Rᵀψ = φ (Rᵀ lower triangular). */
        double[] forward(double[] f) {
            double[] y = new double[k];
            for (int j = 0; j < k; j++) {
                double s = f[j];
                for (int l = 0; l < j; l++) s -= r[l][j] * y[l];
                y[j] = s / r[j][j];
            }
            return y;
        }

        /** θ = R⁻¹η (back substitution). */
        double[] theta(double[] eta) {
            double[] t = new double[k];
            for (int j = k - 1; j >= 0; j--) {
                double s = eta[j];
                for (int l = j + 1; l < k; l++) s -= r[j][l] * t[l];
                t[j] = s / r[j][j];
            }
            return t;
        }

        double[] toEta(double[] p) {
            double[] theta = new double[k];
            theta[0] = Math.log(p[0]);
            for (int j = 1; j < Math.min(k, p.length); j++) theta[j] = p[j];
            double[] eta = new double[k];
            for (int j = 0; j < k; j++) for (int l = j; l < k; l++) eta[j] += r[j][l] * theta[l];
            return eta;
        }

        /** Weighted least squares of ln((n + 1)/Δx) on ψ at the bin centres: with ψ orthonormal in these weights, η_j = Σ w ψ_j y. */
        double[] leastSquaresStart() {
            double[] eta = new double[k];
            for (int i = 0; i < n.length; i++) {
                if (!use[i]) continue;
                double dx = (binning.edge(i + 1) - binning.edge(i)) / sqrtS;
                double y = Math.log((n[i] + 1) / dx);
                double[] p = forward(centreBasis[i]);
                for (int j = 0; j < k; j++) eta[j] += (n[i] + 1) * p[j] * y;
            }
            return eta;
        }

        /** μ of bin i and, if jac != null, ∂μ/∂η into jac. */
        double expected(int i, double[] eta, double[] jac) {
            double mu = 0;
            if (jac != null) java.util.Arrays.fill(jac, 0);
            for (int q = 0; q < weights[i].length; q++) {
                double s = 0;
                for (int j = 0; j < k; j++) s += psi[i][q][j] * eta[j];
                double f = weights[i][q] * Math.exp(s);
                mu += f;
                if (jac != null) for (int j = 0; j < k; j++) jac[j] += f * psi[i][q][j];
            }
            return mu;
        }

        double deviance(double[] eta) {
            double d = 0;
            for (int i = 0; i < n.length; i++) {
                if (!use[i]) continue;
                double mu = expected(i, eta, null);
                if (!(mu > 0) || !Double.isFinite(mu)) return Double.NaN;
                d += mu - n[i] + (n[i] > 0 ? n[i] * Math.log(n[i] / mu) : 0);
            }
            return 2 * d;
        }

        /** Gradient of D/2 into g and Fisher information into f. */
        void gradient(double[] eta, double[] g, double[][] f) {
            java.util.Arrays.fill(g, 0);
            for (double[] row : f) java.util.Arrays.fill(row, 0);
            double[] jac = new double[k];
            for (int i = 0; i < n.length; i++) {
                if (!use[i]) continue;
                double mu = expected(i, eta, jac);
                double c = 1 - n[i] / mu;
                for (int a = 0; a < k; a++) {
                    g[a] += c * jac[a];
                    for (int b = 0; b <= a; b++) f[a][b] += jac[a] * jac[b] / mu;
                }
            }
            for (int a = 0; a < k; a++) for (int b = a + 1; b < k; b++) f[a][b] = f[b][a];
        }

        Outcome minimize(double[] start) {
            double[] eta = start.clone();
            double d = deviance(eta);
            if (!Double.isFinite(d)) return null;
            double lambda = 1e-3;
            double[] g = new double[k];
            double[][] f = new double[k][k];
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                gradient(eta, g, f);
                double[] newton = Linear.solve(f, g, 0);
                if (newton != null) {
                    double dec = 0;
                    for (int j = 0; j < k; j++) dec += g[j] * newton[j];
                    if (dec >= 0 && dec < DECREMENT) return new Outcome(eta, d, true, it);
                }
                boolean stepped = false;
                while (lambda < 1e12) {
                    double[] step = Linear.solve(f, g, lambda);
                    if (step != null) {
                        double[] trial = new double[k];
                        for (int j = 0; j < k; j++) trial[j] = eta[j] - step[j];
                        double dt = deviance(trial);
                        if (Double.isFinite(dt) && dt <= d) {
                            eta = trial;
                            d = dt;
                            lambda = Math.max(lambda / 10, 1e-12);
                            stepped = true;
                            break;
                        }
                    }
                    lambda *= 10;
                }
                if (!stepped) return new Outcome(eta, d, false, it);
            }
            return new Outcome(eta, d, false, MAX_ITERATIONS);
        }

        FitResult result(Outcome o, int nUsed) {
            double[] g = new double[k];
            double[][] f = new double[k][k];
            gradient(o.eta, g, f);
            double[][] inv = Linear.inverse(f);
            double[] theta = theta(o.eta);
            double[] p = theta.clone();
            p[0] = Math.exp(theta[0]);
            double[] expected = new double[n.length];
            double[][] jac = new double[n.length][k];
            for (int i = 0; i < n.length; i++) expected[i] = expected(i, o.eta, jac[i]);
            // covariance of θ = R⁻¹ F⁻¹ R⁻ᵀ; of p0 by the delta method (∂p0/∂θ0 = p0)
            double[][] cov = null;
            if (inv != null) {
                double[][] rinv = new double[k][k];
                for (int c = 0; c < k; c++) {
                    double[] e = new double[k];
                    e[c] = 1;
                    double[] col = theta(e);
                    for (int j = 0; j < k; j++) rinv[j][c] = col[j];
                }
                cov = new double[k][k];
                for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) {
                    double s = 0;
                    for (int u = 0; u < k; u++) for (int v = 0; v < k; v++) s += rinv[a][u] * inv[u][v] * rinv[b][v];
                    cov[a][b] = s * (a == 0 ? p[0] : 1) * (b == 0 ? p[0] : 1);
                }
            }
            String warning = null;
            if (!o.converged) warning = "fit-not-converged: order " + k + " stopped after " + o.iterations + " iterations (deviance " + o.deviance + ")";
            else if (inv == null) warning = "fit-singular-covariance: order " + k + " has a singular Fisher matrix";
            return new FitResult(k, p, cov, o.deviance, nUsed, o.converged && inv != null, o.iterations, warning, expected, jac, inv);
        }
    }
}
