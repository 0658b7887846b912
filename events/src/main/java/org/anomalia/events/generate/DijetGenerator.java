package org.anomalia.events.generate;

import java.util.List;
import org.anomalia.data.Table;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Draws LHCO-like dijet events from {@link DijetModel}: a smoothly falling QCD mjj spectrum whose
 * jet substructure ({@link DijetShape}: calibrated or toy) drifts with mjj, plus an optional resonance. Columns as in the LHCO R&D
 * signal-region files: mjj, mj1 (lighter jet mass), delta_mj (heavier minus lighter), tau21_j1,
 * tau21_j2 (of the lighter and heavier jet), label (1 = signal). Same seed, same events.
 */
public final class DijetGenerator {
    public static final List<String> COLUMNS = List.of("mjj", "mj1", "delta_mj", "tau21_j1", "tau21_j2", "label");
    public static final List<String> FEATURES = List.of("mj1", "delta_mj", "tau21_j1", "tau21_j2");

    private static final int CDF_GRID = 4096;

    private final DijetModel model;
    private final double[] grid;
    private final double[] cdf;

    public DijetGenerator(DijetModel model) {
        this.model = model;
        // Tabulated CDF of the dijet function (Simpson per cell) for inverse-transform sampling.
        grid = new double[CDF_GRID + 1];
        cdf = new double[CDF_GRID + 1];
        double h = (model.mjjMax() - model.mjjMin()) / CDF_GRID;
        for (int i = 0; i <= CDF_GRID; i++) {
            grid[i] = model.mjjMin() + i * h;
            if (i > 0) {
                double a = grid[i - 1];
                double b = grid[i];
                cdf[i] = cdf[i - 1] + h / 6 * (DijetModel.mjjDensity(a) + 4 * DijetModel.mjjDensity((a + b) / 2)
                        + DijetModel.mjjDensity(b));
            }
        }
        for (int i = 0; i <= CDF_GRID; i++) {
            cdf[i] /= cdf[CDF_GRID];
        }
    }

    public DijetModel model() {
        return model;
    }

    /** Fraction of the background mjj spectrum inside [lo, hi]. */
    public double backgroundFraction(double lo, double hi) {
        return cdfAt(hi) - cdfAt(lo);
    }

    private double cdfAt(double m) {
        if (m <= grid[0]) {
            return 0;
        }
        if (m >= grid[CDF_GRID]) {
            return 1;
        }
        int i = (int) ((m - grid[0]) / (grid[1] - grid[0]));
        i = Math.min(i, CDF_GRID - 1);
        double t = (m - grid[i]) / (grid[i + 1] - grid[i]);
        return cdf[i] + t * (cdf[i + 1] - cdf[i]);
    }

    /** Expected number of signal events over the whole range for the model's S/B in the SR. */
    public int signalEvents() {
        double bInSr = model.backgroundEvents() * backgroundFraction(model.srLow(), model.srHigh());
        NormalDistribution peak = NormalDistribution.of(model.signalMass(), model.signalWidth());
        double inSr = peak.probability(model.srLow(), model.srHigh());
        double inRange = peak.probability(model.mjjMin(), model.mjjMax());
        return (int) Math.round(model.signalToBackground() * bInSr / inSr * inRange);
    }

    public Table generate(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ContinuousSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int nb = model.backgroundEvents();
        int ns = signalEvents();
        int n = nb + ns;
        double[][] rows = new double[n][];
        for (int i = 0; i < nb; i++) {
            rows[i] = background(rng, gauss);
        }
        for (int i = nb; i < n; i++) {
            rows[i] = signal(rng, gauss);
        }
        // Shuffle so that signal is spread through the file like in real data.
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double[] t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        return Table.ofRows("generated(seed=" + seed + ")", COLUMNS, rows);
    }

    private double[] background(UniformRandomProvider rng, ContinuousSampler gauss) {
        double mjj = sampleMjj(rng.nextDouble());
        return row(mjj, model.shape().jets().background(rng, gauss, mjj), 0);
    }

    private double[] signal(UniformRandomProvider rng, ContinuousSampler gauss) {
        double mjj;
        do {
            mjj = model.signalMass() + model.signalWidth() * gauss.sample();
        } while (mjj < model.mjjMin() || mjj > model.mjjMax());
        return row(mjj, model.shape().jets().signal(rng, gauss, mjj, model), 1);
    }

    private static double[] row(double mjj, double[] jets, int label) {
        return new double[] {mjj, jets[0], jets[1], jets[2], jets[3], label};
    }

    /** Inverse transform of the tabulated CDF, linear within a grid cell. */
    double sampleMjj(double u) {
        int lo = 0;
        int hi = CDF_GRID;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] <= u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (u - cdf[lo]) / (cdf[hi] - cdf[lo]);
        return grid[lo] + t * (grid[hi] - grid[lo]);
    }
}
