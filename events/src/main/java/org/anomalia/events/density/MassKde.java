package org.anomalia.events.density;

import java.util.SplittableRandom;
import org.anomalia.numerics.UserException;

/**
 * A one-dimensional Gaussian kernel density estimate of the resonant variable (CATHODE draws the
 * mass of its background samples from such a KDE of the signal-region data). Bandwidth by Scott's
 * rule, h = σ n^(−1/5). Samples are confined to [low, high) by redrawing, so that the sampled
 * masses stay inside the signal region like the data they imitate.
 */
public final class MassKde {
    private final double[] values;
    private final double bandwidth;

    public MassKde(double[] values, double bandwidth) {
        if (values.length < 2) throw new UserException("mass KDE: needs at least 2 values, got " + values.length);
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) throw new UserException("mass KDE: bandwidth must be positive, got " + bandwidth);
        this.values = values.clone();
        this.bandwidth = bandwidth;
    }

    /** A KDE with Scott's bandwidth σ n^(−1/5). */
    public static MassKde scott(double[] values) {
        int n = values.length;
        if (n < 2) throw new UserException("mass KDE: needs at least 2 values, got " + n);
        double mean = 0;
        for (double v : values) mean += v / n;
        double var = 0;
        for (double v : values) var += (v - mean) * (v - mean) / (n - 1);
        return new MassKde(values, Math.sqrt(var) * Math.pow(n, -0.2));
    }

    public double bandwidth() {
        return bandwidth;
    }

    /** The (unconfined) density at m: mean of the kernels. */
    public double density(double m) {
        double s = 0;
        for (double v : values) {
            double z = (m - v) / bandwidth;
            s += Math.exp(-0.5 * z * z);
        }
        return s / (values.length * bandwidth * Math.sqrt(2 * Math.PI));
    }

    /** n draws confined to [low, high): a random data value plus kernel noise, redrawn when outside. */
    public double[] sample(int n, double low, double high, long seed) {
        if (!(high > low)) throw new IllegalArgumentException("mass KDE: empty interval [" + low + ", " + high + ")");
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double m;
            int tries = 0;
            do {
                if (++tries > 10_000) {
                    throw new UserException("mass KDE: the data's masses lie outside [" + low + ", " + high + "); check the signal region");
                }
                m = values[rng.nextInt(values.length)] + bandwidth * rng.nextGaussian();
            } while (!(m >= low && m < high));
            out[i] = m;
        }
        return out;
    }
}
