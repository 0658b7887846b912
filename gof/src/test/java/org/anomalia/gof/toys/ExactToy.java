package org.anomalia.gof.toys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.anomalia.gof.GofAnalysis;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A theory whose smeared likelihood is known exactly, to check p-values against. Parameters are
 * standard normal; the predictions are x(θ, η) = μ(θ) + A(θ)·η with θ entering non-linearly (one or
 * two components) and η linearly. Smeared with diagonal errors σ, x′ given θ is Gaussian with
 * covariance A·Aᵀ + diag(σ²), so η integrates out in closed form (Woodbury), and
 * p(x) = ∫ φ(θ) N(x; μ(θ), A·Aᵀ + diag σ²) dθ is a one- or two-dimensional integral done by the
 * trapezoidal rule on a fine grid (exponentially accurate for smooth integrands once the spacing is
 * well below the posterior width; {@link #minusLogDensity(double[], int)} lets tests halve it). The
 * exact p-value of a point is the fraction of fresh smeared draws whose exact −log p is at least the
 * point's.
 */
public final class ExactToy {
    /** The non-linear map: fills μ(θ) and the n×k matrix A(θ). */
    public interface Theory {
        void predict(double[] theta, double[] mu, double[][] a);
    }

    /** Where the integrand over θ is not negligible for a point x: [lo, hi] per θ component (prior range by default). */
    public interface Box {
        double[][] of(double[] x, double[] sigma);
    }

    /** Integrand below e^-60 of the prior's peak: far enough for a standard normal. */
    public static final double PRIOR_RANGE = 11;

    private final String name;
    private final List<String> observables;
    private final int thetaDims;
    private final int etaDims;
    private final Theory theory;
    private final Box box;
    private final double[] sigma;
    private final int nodes;

    ExactToy(String name, List<String> observables, int thetaDims, int etaDims, Theory theory, Box box, double[] sigma, int nodes) {
        this.name = name;
        this.observables = List.copyOf(observables);
        this.thetaDims = thetaDims;
        this.etaDims = etaDims;
        this.theory = theory;
        this.box = box;
        this.sigma = sigma.clone();
        this.nodes = nodes;
    }

    /** The same theory with every experimental error multiplied by s (s &lt; 1: future precision). */
    public ExactToy withErrorsScaled(double s) {
        double[] scaled = sigma.clone();
        for (int i = 0; i < scaled.length; i++) scaled[i] *= s;
        return new ExactToy(name + ", errors × " + s, observables, thetaDims, etaDims, theory, box, scaled, nodes);
    }

    /** Quadrature nodes per θ component of the default grid. */
    public int nodes() {
        return nodes;
    }

    public String name() {
        return name;
    }

    public List<String> observables() {
        return observables;
    }

    public int dimension() {
        return observables.size();
    }

    public double[] sigma() {
        return sigma.clone();
    }

    public double[][] expCovariance() {
        double[][] c = new double[sigma.length][sigma.length];
        for (int i = 0; i < sigma.length; i++) c[i][i] = sigma[i] * sigma[i];
        return c;
    }

    /** n unsmeared theory predictions x(θ, η) for parameters drawn from their standard normal prior. */
    public double[][] draw(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = dimension();
        double[] theta = new double[thetaDims], eta = new double[etaDims], mu = new double[d];
        double[][] a = new double[d][etaDims];
        double[][] out = new double[n][];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < thetaDims; k++) theta[k] = g.sample();
            for (int k = 0; k < etaDims; k++) eta[k] = g.sample();
            theory.predict(theta, mu, a);
            double[] x = mu.clone();
            for (int i = 0; i < d; i++) for (int k = 0; k < etaDims; k++) x[i] += a[i][k] * eta[k];
            out[r] = x;
        }
        return out;
    }

    /** n smeared draws x′ = x + σ·w: samples of the null hypothesis itself. */
    public double[][] drawSmeared(int n, long seed) {
        return GofAnalysis.smear(draw(n, seed), expCovariance(), name, seed ^ 0x2545F4914F6CDD1DL);
    }

    /** Exact −log p(x) by quadrature with the toy's default grid. */
    public double minusLogDensity(double[] x) {
        return minusLogDensity(x, nodes);
    }

    /** Exact −log p(x) of each row, in parallel. */
    public double[] minusLogDensity(double[][] rows) {
        return IntStream.range(0, rows.length).parallel().mapToDouble(i -> minusLogDensity(rows[i])).toArray();
    }

    /**
     * −log p(x) by the trapezoidal rule with {@code perDim} nodes per θ component. The grid starts on
     * the box of x and is refined (up to three times) to the bounding box of the nodes whose integrand
     * is within e^-45 of the largest, widened by one cell: narrow posteriors get fine spacing.
     */
    public double minusLogDensity(double[] x, int perDim) {
        double[][] b = box.of(x, sigma);
        Quadrature q = integrate(x, b, perDim);
        for (int pass = 0; pass < 3; pass++) {
            boolean shrinks = false;
            for (int k = 0; k < thetaDims; k++) shrinks |= q.significant[k][1] - q.significant[k][0] < 0.5 * (b[k][1] - b[k][0]);
            if (!shrinks) break;
            b = q.significant;
            q = integrate(x, b, perDim);
        }
        return q.minusLogDensity;
    }

    private record Quadrature(double minusLogDensity, double[][] significant) {}

    private Quadrature integrate(double[] x, double[][] b, int perDim) {
        int d = dimension();
        double[] h = new double[thetaDims];
        for (int k = 0; k < thetaDims; k++) h[k] = (b[k][1] - b[k][0]) / (perDim - 1);
        double[] theta = new double[thetaDims], mu = new double[d], r = new double[d];
        double[][] a = new double[d][etaDims];
        double[] inv = new double[d];
        double logDetSigma = 0;
        for (int i = 0; i < d; i++) {
            inv[i] = 1 / (sigma[i] * sigma[i]);
            logDetSigma += Math.log(sigma[i] * sigma[i]);
        }
        int total = 1;
        for (int k = 0; k < thetaDims; k++) total *= perDim;
        double[] logf = new double[total];
        int[][] index = new int[total][thetaDims];
        double max = Double.NEGATIVE_INFINITY;
        double[][] m = new double[etaDims][etaDims];
        double[] u = new double[etaDims];
        for (int node = 0; node < total; node++) {
            int rest = node;
            double logPrior = 0, logWeight = 0;
            for (int k = 0; k < thetaDims; k++) {
                int j = rest % perDim;
                rest /= perDim;
                index[node][k] = j;
                theta[k] = b[k][0] + j * h[k];
                logPrior += -0.5 * theta[k] * theta[k];
                if (j == 0 || j == perDim - 1) logWeight += Math.log(0.5); // trapezoid end points
            }
            theory.predict(theta, mu, a);
            double quad = 0;
            for (int i = 0; i < d; i++) {
                r[i] = x[i] - mu[i];
                quad += r[i] * r[i] * inv[i];
            }
            // Woodbury: (Σ + AAᵀ)⁻¹ = Σ⁻¹ − Σ⁻¹A (I + AᵀΣ⁻¹A)⁻¹ AᵀΣ⁻¹, det = det Σ · det(I + AᵀΣ⁻¹A)
            for (int p = 0; p < etaDims; p++) {
                double s = 0;
                for (int i = 0; i < d; i++) s += a[i][p] * inv[i] * r[i];
                u[p] = s;
                for (int q = 0; q <= p; q++) {
                    double t = p == q ? 1 : 0;
                    for (int i = 0; i < d; i++) t += a[i][p] * inv[i] * a[i][q];
                    m[p][q] = t;
                }
            }
            double[] quadAndLogDet = choleskyQuadAndLogDet(m, u);
            logf[node] = logWeight + logPrior - 0.5 * (quad - quadAndLogDet[0]) - 0.5 * quadAndLogDet[1];
            max = Math.max(max, logf[node]);
        }
        double sum = 0;
        double[][] significant = new double[thetaDims][];
        int[] lo = new int[thetaDims], hi = new int[thetaDims];
        Arrays.fill(lo, Integer.MAX_VALUE);
        Arrays.fill(hi, Integer.MIN_VALUE);
        for (int node = 0; node < total; node++) {
            sum += Math.exp(logf[node] - max);
            if (logf[node] > max - 45) {
                for (int k = 0; k < thetaDims; k++) {
                    lo[k] = Math.min(lo[k], index[node][k]);
                    hi[k] = Math.max(hi[k], index[node][k]);
                }
            }
        }
        for (int k = 0; k < thetaDims; k++) {
            significant[k] = new double[] {b[k][0] + Math.max(0, lo[k] - 1) * h[k], b[k][0] + Math.min(perDim - 1, hi[k] + 1) * h[k]};
        }
        double logVolume = 0;
        for (int k = 0; k < thetaDims; k++) logVolume += Math.log(h[k]);
        double logIntegral = max + Math.log(sum) + logVolume - 0.5 * thetaDims * Math.log(2 * Math.PI);
        double logNorm = -0.5 * d * Math.log(2 * Math.PI) - 0.5 * logDetSigma;
        return new Quadrature(-(logIntegral + logNorm), significant);
    }

    /** Cholesky of the small SPD m (overwritten): {uᵀ m⁻¹ u, log det m}. */
    private static double[] choleskyQuadAndLogDet(double[][] m, double[] u) {
        int k = u.length;
        double logDet = 0;
        for (int j = 0; j < k; j++) {
            double s = m[j][j];
            for (int p = 0; p < j; p++) s -= m[j][p] * m[j][p];
            double l = Math.sqrt(s);
            m[j][j] = l;
            logDet += 2 * Math.log(l);
            for (int i = j + 1; i < k; i++) {
                double t = m[i][j];
                for (int p = 0; p < j; p++) t -= m[i][p] * m[j][p];
                m[i][j] = t / l;
            }
        }
        double q = 0;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double s = u[i];
            for (int p = 0; p < i; p++) s -= m[i][p] * z[p];
            z[i] = s / m[i][i];
            q += z[i] * z[i];
        }
        return new double[] {q, logDet};
    }

    /**
     * Brute-force Monte Carlo check of the quadrature: −log of the mean of N(x; x(ν), diag σ²) over
     * {@code draws} prior draws, and its standard error in log from the effective sample size.
     */
    public double[] bruteForceMinusLogDensity(double[] x, int draws, long seed) {
        double[][] theory = draw(draws, seed);
        int d = dimension();
        double[] logw = new double[draws];
        double max = Double.NEGATIVE_INFINITY, logNorm = -0.5 * d * Math.log(2 * Math.PI);
        for (int i = 0; i < d; i++) logNorm -= Math.log(sigma[i]);
        for (int r = 0; r < draws; r++) {
            double q = 0;
            for (int i = 0; i < d; i++) {
                double z = (x[i] - theory[r][i]) / sigma[i];
                q += z * z;
            }
            logw[r] = -0.5 * q;
            max = Math.max(max, logw[r]);
        }
        double s = 0, s2 = 0;
        for (double v : logw) {
            double w = Math.exp(v - max);
            s += w;
            s2 += w * w;
        }
        double ess = s * s / s2;
        double relativeSe = Math.sqrt(Math.max(0, s2 / draws / (s / draws * s / draws) - 1) / draws);
        return new double[] {-(max + Math.log(s / draws) + logNorm), relativeSe, ess};
    }

    /** The exact null distribution of −log p(x′) from n fresh smeared draws (independent of every analysis seed used in tests). */
    public ExactNull exactNull(int n, long seed) {
        // computed once per JVM: several test classes ask for the same exact answers
        return EXACT_NULLS.computeIfAbsent(name + Arrays.toString(sigma) + "|" + n + "|" + seed,
                key -> new ExactNull(EmpiricalPValue.NullDistribution.of(minusLogDensity(drawSmeared(n, seed)))));
    }

    private static final java.util.Map<String, ExactNull> EXACT_NULLS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The exact answer: null values of the exact statistic, and p-values from them. */
    public final class ExactNull {
        private final EmpiricalPValue.NullDistribution distribution;

        ExactNull(EmpiricalPValue.NullDistribution distribution) {
            this.distribution = distribution;
        }

        public int size() {
            return distribution.size();
        }

        public double p(double[] x) {
            return (double) distribution.countAtLeast(minusLogDensity(x)) / distribution.size();
        }

        /** Binomial standard error of an exact p from this many null draws. */
        public double standardError(double p) {
            return Math.sqrt(p * (1 - p) / distribution.size());
        }

        /**
         * A point x0 + t·direction whose exact p is the target: t by bisection on −log p(x(t)) against
         * the null quantile (along a ray leaving the bulk, −log p grows with t).
         */
        public double[] pointWithP(double target, double[] x0, double[] direction) {
            double[] sorted = distribution.values();
            double q = sorted[(int) Math.min(sorted.length - 1, Math.round((1 - target) * sorted.length))];
            double lo = 0, hi = 1;
            while (minusLogDensity(along(x0, direction, hi)) < q) {
                lo = hi;
                hi *= 2;
                if (hi > 1e6) throw new IllegalArgumentException("the ray never reaches p = " + target);
            }
            for (int it = 0; it < 60; it++) {
                double mid = 0.5 * (lo + hi);
                if (minusLogDensity(along(x0, direction, mid)) < q) lo = mid; else hi = mid;
            }
            return along(x0, direction, hi);
        }
    }

    private static double[] along(double[] x0, double[] dir, double t) {
        double[] x = x0.clone();
        for (int i = 0; i < x.length; i++) x[i] += t * dir[i];
        return x;
    }

    /** The prediction at the prior's centre ν = 0: a point on the theory manifold, in the bulk, to start rays from. */
    public double[] centre() {
        double[] mu = new double[dimension()];
        theory.predict(new double[thetaDims], mu, new double[dimension()][etaDims]);
        return mu;
    }

    public GofProblem problem(double[] measured, int samples, long seed) {
        return new GofProblem(observables, measured, expCovariance(), draw(samples, seed), "toy measurement", name);
    }

    /** The generic inputs a user would pass: a measurement JSON (central values, errors) and a theory-samples CSV. */
    public void writeInputs(Path measurementJson, Path theoryCsv, double[] measured, int samples, long seed) {
        try {
            StringBuilder json = new StringBuilder("{\n  \"observables\": [");
            for (int i = 0; i < dimension(); i++) json.append(i > 0 ? ", " : "").append('"').append(observables.get(i)).append('"');
            json.append("],\n  \"central\": ").append(numbers(measured)).append(",\n  \"covariance\": [");
            double[][] c = expCovariance();
            for (int i = 0; i < c.length; i++) json.append(i > 0 ? ",\n    " : "\n    ").append(numbers(c[i]));
            json.append("\n  ]\n}\n");
            Files.writeString(measurementJson, json, StandardCharsets.UTF_8);
            try (Writer w = Files.newBufferedWriter(theoryCsv, StandardCharsets.UTF_8)) {
                w.write(String.join(",", observables));
                w.write('\n');
                for (double[] row : draw(samples, seed)) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < row.length; i++) line.append(i > 0 ? "," : "").append(row[i]);
                    w.write(line.append('\n').toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String numbers(double[] v) {
        List<String> s = new ArrayList<>();
        for (double x : v) s.add(Double.toString(x));
        return "[" + String.join(", ", s) + "]";
    }

    @Override public String toString() {
        return name + " (" + dimension() + " observables, σ = " + Arrays.toString(sigma) + ")";
    }
}
