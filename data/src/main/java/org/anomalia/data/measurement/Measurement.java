package org.anomalia.data.measurement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.MultivariateNormal;

/**
 * A Gaussian measurement of several observables: names, central values and the experimental
 * covariance Λexp (double precision). Validated on construction: consistent sizes, finite
 * numbers, a symmetric and positive-definite covariance (the error names the source and field and
 * gives the smallest eigenvalue). Immutable.
 */
public final class Measurement {
    private final String source;
    private final List<ObservableKey> keys;
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final double[] central;
    private final double[][] covariance;

    private Measurement(String source, List<ObservableKey> keys, double[] central, double[][] covariance) {
        this.source = source;
        this.keys = List.copyOf(keys);
        this.names = keys.stream().map(ObservableKey::label).toList();
        this.central = central;
        this.covariance = covariance;
        for (int i = 0; i < names.size(); i++) {
            if (index.put(names.get(i), i) != null) {
                throw new UserException(source + ": observable '" + names.get(i) + "' appears twice; each must be measured once");
            }
        }
    }

    /** A measurement of plainly named observables. */
    public static Measurement of(String source, List<String> observables, double[] central, double[][] covariance) {
        return ofKeys(source, observables.stream().map(ObservableKey::of).toList(), central, covariance);
    }

    /**
     * A measurement with structured keys; {@code source} names the file (and field) in messages.
     *
     * @throws UserException if sizes differ, numbers are not finite, or the covariance is not symmetric positive definite
     */
    public static Measurement ofKeys(String source, List<ObservableKey> keys, double[] central, double[][] covariance) {
        int n = keys.size();
        if (n == 0) throw new UserException(source + ": no observables");
        if (central.length != n) {
            throw new UserException(source + ": field 'central' has " + central.length + " values but there are "
                    + n + " observables");
        }
        if (covariance.length != n) {
            throw new UserException(source + ": field 'covariance' has " + covariance.length + " rows but there are "
                    + n + " observables");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(central[i])) {
                throw new UserException(source + ": field 'central' entry " + (i + 1) + " ('" + keys.get(i).label()
                        + "') is not a finite number");
            }
            if (covariance[i].length != n) {
                throw new UserException(source + ": field 'covariance' row " + (i + 1) + " has " + covariance[i].length
                        + " entries, expected " + n);
            }
        }
        double[][] cov = new double[n][];
        for (int i = 0; i < n; i++) cov[i] = covariance[i].clone();
        // Symmetry, finiteness and positive definiteness, with the smallest eigenvalue in the message.
        MultivariateNormal.cholesky(cov, source + " field 'covariance'");
        return new Measurement(source, keys, central.clone(), cov);
    }

    /** Several independent measurements as one, with a block-diagonal covariance (no correlation between parts). */
    public static Measurement blockDiagonal(String source, List<Measurement> parts) {
        List<ObservableKey> keys = new ArrayList<>();
        for (Measurement m : parts) keys.addAll(m.keys);
        int n = keys.size();
        double[] c = new double[n];
        double[][] cov = new double[n][n];
        int off = 0;
        for (Measurement m : parts) {
            for (int i = 0; i < m.size(); i++) {
                c[off + i] = m.central[i];
                System.arraycopy(m.covariance[i], 0, cov[off + i], off, m.size());
            }
            off += m.size();
        }
        return new Measurement(source, keys, c, cov);
    }

    public String source() {
        return source;
    }

    public int size() {
        return names.size();
    }

    /** Entry names (labels of the keys), in order. */
    public List<String> observables() {
        return names;
    }

    public List<ObservableKey> keys() {
        return keys;
    }

    public double[] central() {
        return central.clone();
    }

    public double central(int i) {
        return central[i];
    }

    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) c[i] = covariance[i].clone();
        return c;
    }

    public double covariance(int i, int j) {
        return covariance[i][j];
    }

    public double sigma(int i) {
        return Math.sqrt(covariance[i][i]);
    }

    public double[][] correlation() {
        int n = size();
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) r[i][j] = covariance[i][j] / (sigma(i) * sigma(j));
        }
        return r;
    }

    /** The position of an entry; an unknown name lists the available ones. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new UserException(source + ": no observable '" + name + "'; available: " + String.join(", ", names));
        }
        return i;
    }

    /** The named entries in the given order (the marginal of the Gaussian). */
    public Measurement select(List<String> wanted) {
        int[] idx = wanted.stream().mapToInt(this::indexOf).toArray();
        List<ObservableKey> k = new ArrayList<>();
        double[] c = new double[idx.length];
        double[][] cov = new double[idx.length][idx.length];
        for (int a = 0; a < idx.length; a++) {
            k.add(keys.get(idx[a]));
            c[a] = central[idx[a]];
            for (int b = 0; b < idx.length; b++) cov[a][b] = covariance[idx[a]][idx[b]];
        }
        return new Measurement(source, k, c, cov);
    }

    /** The same measurement with Λexp multiplied by {@code factor} (future precision studies). */
    public Measurement withCovarianceScaled(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new UserException("covariance scale factor must be a positive number, got " + factor);
        }
        double[][] cov = covariance();
        for (double[] row : cov) {
            for (int j = 0; j < row.length; j++) row[j] *= factor;
        }
        return new Measurement(source, keys, central.clone(), cov);
    }

    /** The same numbers under new keys (for example a physics module's own names), in the same order. */
    public Measurement withKeys(List<ObservableKey> newKeys) {
        if (newKeys.size() != size()) throw new IllegalArgumentException("expected " + size() + " keys");
        return new Measurement(source, newKeys, central.clone(), covariance());
    }

    @Override
    public String toString() {
        return "Measurement(" + source + ", " + size() + " observables)";
    }
}
