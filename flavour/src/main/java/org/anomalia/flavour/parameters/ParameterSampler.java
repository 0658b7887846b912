package org.anomalia.flavour.parameters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.anomalia.numerics.random.Seeds;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws parameter points as flavio's {@code get_random_all} does for sm_uncertainty: every varied
 * parameter from its own distribution, Gaussians not truncated; parameters linked by a correlation
 * (the 19 BSZ coefficients, m_b/m_c/m_s) as one multivariate normal with x = μ + L z, L the Cholesky
 * factor of their covariance; fixed (delta) parameters at their central value; asymmetric widths as
 * flavio's AsymmetricNormalDistribution (a half-Gaussian on either side, chosen with probability
 * proportional to its width). Thread-safe: the state lives in {@link Draws}.
 */
public final class ParameterSampler {
    private final ParameterCatalog catalog;
    private final double[] central;
    private final List<Block> blocks = new ArrayList<>();
    private final int[] normalIndex;
    private final double[] normalSigma;
    private final int[] asymIndex;
    private final double[] asymPlus, asymMinus;

    /** A set of mutually correlated parameters drawn together. */
    private record Block(int[] index, double[][] lower) { }

    ParameterSampler(ParameterCatalog catalog) {
        this.catalog = catalog;
        int n = catalog.size();
        this.central = catalog.central().toArray();
        List<ParameterInfo> params = catalog.parameters();
        boolean[] seen = new boolean[n];
        List<Integer> normals = new ArrayList<>(), asyms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (seen[i] || !params.get(i).isRandom()) continue;
            int[] component = correlatedComponent(i, seen);
            if (component.length > 1) {
                blocks.add(new Block(component, factor(component)));
            } else if (params.get(i).errPlus() != params.get(i).errMinus()
                    && params.get(i).distribution() != Distribution.MULTIVARIATE_NORMAL) {
                asyms.add(i);
            } else {
                normals.add(i);
            }
        }
        normalIndex = normals.stream().mapToInt(Integer::intValue).toArray();
        normalSigma = normals.stream().mapToDouble(i -> params.get(i).sigma()).toArray();
        asymIndex = asyms.stream().mapToInt(Integer::intValue).toArray();
        asymPlus = asyms.stream().mapToDouble(i -> params.get(i).errPlus()).toArray();
        asymMinus = asyms.stream().mapToDouble(i -> params.get(i).errMinus()).toArray();
    }

    /** The random parameters reachable from {@code start} through non-zero correlations, in index order. */
    private int[] correlatedComponent(int start, boolean[] seen) {
        List<ParameterInfo> params = catalog.parameters();
        Deque<Integer> todo = new ArrayDeque<>();
        List<Integer> members = new ArrayList<>();
        todo.add(start);
        seen[start] = true;
        while (!todo.isEmpty()) {
            int i = todo.poll();
            members.add(i);
            for (int j = 0; j < catalog.size(); j++) {
                if (!seen[j] && catalog.correlation(i, j) != 0 && params.get(j).isRandom()) {
                    seen[j] = true;
                    todo.add(j);
                }
            }
        }
        return members.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private double[][] factor(int[] idx) {
        double[][] cov = new double[idx.length][idx.length];
        for (int a = 0; a < idx.length; a++) {
            for (int b = 0; b < idx.length; b++) cov[a][b] = catalog.covariance(idx[a], idx[b]);
        }
        return MultivariateNormal.cholesky(cov, "parameter covariance of {" + ParameterCatalog.describe(idx, catalog.parameters())
                + "} (" + catalog.correlationSource() + ")");
    }

    public ParameterCatalog catalog() {
        return catalog;
    }

    /** A reproducible stream of draws: the same (seed, stream) always gives the same sequence. */
    public Draws draws(long seed, long stream) {
        return new Draws(seed, stream);
    }

    /** Draws one point into {@code out} (catalog order). */
    void drawInto(UniformRandomProvider rng, NormalizedGaussianSampler gauss, double[] z, double[] out) {
        System.arraycopy(central, 0, out, 0, central.length);
        for (Block b : blocks) {
            int m = b.index.length;
            for (int k = 0; k < m; k++) z[k] = gauss.sample();
            for (int k = 0; k < m; k++) {
                double[] row = b.lower[k];
                double s = 0;
                for (int j = 0; j <= k; j++) s += row[j] * z[j];
                out[b.index[k]] += s;
            }
        }
        for (int k = 0; k < normalIndex.length; k++) {
            out[normalIndex[k]] += normalSigma[k] * gauss.sample();
        }
        for (int k = 0; k < asymIndex.length; k++) {
            // flavio: pick the side with probability err_minus/(err_plus+err_minus) for below, then |N(0, σ_side)|.
            double below = asymMinus[k] / (asymPlus[k] + asymMinus[k]);
            if (rng.nextDouble() > below) {
                out[asymIndex[k]] += Math.abs(asymPlus[k] * gauss.sample());
            } else {
                out[asymIndex[k]] -= Math.abs(asymMinus[k] * gauss.sample());
            }
        }
    }


    /** One random stream of parameter points; not thread-safe (use one per thread or block). */
    public final class Draws {
        private final UniformRandomProvider rng;
        private final NormalizedGaussianSampler gauss;
        private final double[] z;

        private Draws(long seed, long stream) {
            this.rng = RandomSource.XO_SHI_RO_256_PP.create(Seeds.state(seed, stream, 4));
            this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            int maxBlock = blocks.stream().mapToInt(b -> b.index.length).max().orElse(0);
            this.z = new double[maxBlock];
        }

        /** Fills {@code out} (length = catalog size) with the next point. */
        public void nextInto(double[] out) {
            drawInto(rng, gauss, z, out);
        }

        public ParameterValues next() {
            double[] v = new double[central.length];
            nextInto(v);
            return new ParameterValues(catalog, v);
        }
    }
}
