package org.anomalia.flavour.sampling;

import java.util.List;
import java.util.OptionalLong;

/**
 * N prediction vectors (one row per parameter point, columns named like {@code P5p_4_6}) and,
 * optionally, the parameter values of each row. Stored row-major in flat double arrays.
 */
public final class PredictionSamples {
    private final List<String> columns;
    private final double[] values;
    private final List<String> parameterNames;
    private final double[] parameters;
    private final int rows;
    private final OptionalLong seed;

    PredictionSamples(List<String> columns, double[] values, List<String> parameterNames, double[] parameters,
                      int rows, OptionalLong seed) {
        this.columns = List.copyOf(columns);
        this.values = values;
        this.parameterNames = List.copyOf(parameterNames);
        this.parameters = parameters;
        this.rows = rows;
        this.seed = seed;
    }

    public List<String> columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int width() {
        return columns.size();
    }

    /** The seed of the parameter draws (empty when evaluated at given points). */
    public OptionalLong seed() {
        return seed;
    }

    public double get(int row, int column) {
        return values[row * columns.size() + column];
    }

    /** A copy of one row. */
    public double[] row(int row) {
        double[] r = new double[width()];
        System.arraycopy(values, row * width(), r, 0, width());
        return r;
    }

    /** All rows as arrays (a copy). */
    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) out[i] = row(i);
        return out;
    }

    /** Names of the stored parameter columns (empty unless requested). */
    public List<String> parameterNames() {
        return parameterNames;
    }

    public double parameter(int row, int k) {
        return parameters[row * parameterNames.size() + k];
    }

    /** Rows with a NaN or infinite prediction. */
    public int nonFiniteRows() {
        int bad = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width(); j++) {
                if (!Double.isFinite(get(i, j))) {
                    bad++;
                    break;
                }
            }
        }
        return bad;
    }

    public double[] mean() {
        double[] m = new double[width()];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m.length; j++) m[j] += get(i, j);
        }
        for (int j = 0; j < m.length; j++) m[j] /= rows;
        return m;
    }

    /** Population standard deviation (numpy's np.std, ddof = 0, as flavio's sm_uncertainty). */
    public double[] standardDeviation() {
        double[] m = mean();
        double[] s = new double[width()];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < s.length; j++) {
                double d = get(i, j) - m[j];
                s[j] += d * d;
            }
        }
        for (int j = 0; j < s.length; j++) s[j] = Math.sqrt(s[j] / rows);
        return s;
    }

    /** Sample covariance with ddof = 1 (numpy's np.cov). */
    public double[][] covariance() {
        double[] m = mean();
        int w = width();
        double[][] c = new double[w][w];
        double[] d = new double[w];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < w; j++) d[j] = get(i, j) - m[j];
            for (int a = 0; a < w; a++) {
                for (int b = 0; b <= a; b++) c[a][b] += d[a] * d[b];
            }
        }
        for (int a = 0; a < w; a++) {
            for (int b = 0; b <= a; b++) {
                c[a][b] /= rows - 1;
                c[b][a] = c[a][b];
            }
        }
        return c;
    }
}
