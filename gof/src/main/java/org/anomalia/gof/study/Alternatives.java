package org.anomalia.gof.study;

import org.anomalia.gof.Seeds;
import java.util.List;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.anomalia.numerics.stats.SampleMoments;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** Builds the artificial anomalies: shifts of given Mahalanobis length in Λ = Λth + Λexp, and new-physics points. */
public final class Alternatives {
    static final long DIRECTION_STREAM = 202;

    private Alternatives() {}

    /** Λ = Λth + Λexp with Λth from the theory samples. */
    public static double[][] totalCovariance(double[][] theory, double[][] expCovariance) {
        double[][] c = SampleMoments.covariance(theory);
        for (int i = 0; i < c.length; i++) for (int j = 0; j < c.length; j++) c[i][j] += expCovariance[i][j];
        return c;
    }

    /**
     * Shifts δ = s·L·u with L·Lᵀ = Λ and u a unit vector, so δᵀΛ⁻¹δ = s². Every pseudo-experiment gets
     * its own random direction u (uniform on the sphere), the same one at every size.
     */
    public static Alternative randomDirections(double size, double[][] total, int n, long seed) {
        double[][] l = MultivariateNormal.cholesky(total, "theory + experimental covariance");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, DIRECTION_STREAM));
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = total.length;
        double[][] shifts = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] u = new double[d];
            double norm = 0;
            for (int j = 0; j < d; j++) {
                u[j] = g.sample();
                norm += u[j] * u[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) u[j] *= size / norm;
            shifts[i] = lowerTimes(l, u);
        }
        return Alternative.ofShifts("random direction", String.format("random direction, size %.3g", size), size, shifts);
    }

    /** The same shift for every pseudo-experiment: along v, scaled to Mahalanobis length s. */
    public static Alternative direction(double size, double[] v, double[][] total, int n, String label) {
        MultivariateNormal unit = MultivariateNormal.of(new double[v.length], total, "theory + experimental covariance");
        double length = Math.sqrt(unit.chi2(v));
        if (!(length > 0)) throw new UserException("--direction " + label + ": the direction is zero");
        double[] shift = v.clone();
        for (int j = 0; j < shift.length; j++) shift[j] *= size / length;
        double[][] shifts = new double[n][];
        for (int i = 0; i < n; i++) shifts[i] = shift;
        return Alternative.ofShifts("direction " + label, String.format("direction %s, size %.3g", label, size), size, shifts);
    }

    /** A direction given as NAME=WEIGHT,...; names not listed get weight 0. */
    public static double[] parseDirection(String text, List<String> observables) {
        double[] v = new double[observables.size()];
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) throw new UserException("--direction '" + part + "': write OBSERVABLE=WEIGHT,..., e.g. P5p_4_6=1,P5p_6_8=1");
            String name = part.substring(0, eq).trim();
            int k = observables.indexOf(name);
            if (k < 0) throw new UserException("--direction: unknown observable '" + name + "'; valid names: " + String.join(", ", observables));
            try {
                v[k] = Double.parseDouble(part.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new UserException("--direction " + name + ": '" + part.substring(eq + 1).trim() + "' is not a number");
            }
            if (!Double.isFinite(v[k])) throw new UserException("--direction " + name + ": the weight must be finite");
        }
        return v;
    }

    /** Mahalanobis length in Λ of the difference of the means of two theory samples. */
    public static double meanShiftLength(double[][] alternative, double[][] reference, double[][] total) {
        double[] a = SampleMoments.mean(alternative), r = SampleMoments.mean(reference);
        MultivariateNormal m = MultivariateNormal.of(r, total, "theory + experimental covariance");
        return Math.sqrt(m.chi2(a));
    }

    /** Alternatives from theory rows per new-physics point (rows paired with the null rows). */
    public static Alternative newPhysics(String family, String name, double size, double[][] theory, double[][] h0Theory, double[][] total) {
        return Alternative.ofTheory(family, name, size, meanShiftLength(theory, h0Theory, total), theory);
    }

    static double[] lowerTimes(double[][] l, double[] u) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) s += l[i][j] * u[j];
            out[i] = s;
        }
        return out;
    }

}
