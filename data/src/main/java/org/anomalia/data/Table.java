package org.anomalia.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.anomalia.numerics.UserException;

/**
 * A data set of named double columns of equal length, stored column by column. The source (usually
 * the file it came from) is kept so that error messages can name it.
 */
public final class Table implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> names;
    private final double[][] columns;

    public Table(String source, List<String> names, double[][] columns) {
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.length + " columns");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new UserException(source + ": column name '" + name + "' appears twice; rename one of them");
            }
        }
        int rows = columns.length == 0 ? 0 : columns[0].length;
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != rows) {
                throw new UserException(source + ": column '" + names.get(c) + "' has " + columns[c].length
                        + " rows but '" + names.get(0) + "' has " + rows + "; all columns must have the same length");
            }
        }
        this.source = source;
        this.names = List.copyOf(names);
        this.columns = columns;
    }

    /** A table from rows (row-major) with the given column names. */
    public static Table ofRows(String source, List<String> names, double[][] rows) {
        double[][] cols = new double[names.size()][rows.length];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != names.size()) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + names.size());
            }
            for (int c = 0; c < cols.length; c++) {
                cols[c][r] = rows[r][c];
            }
        }
        return new Table(source, names, cols);
    }

    /** Default names c0, c1, ... for files that carry none (plain .npy, unnamed HDF5 arrays). */
    public static List<String> defaultNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add("c" + i);
        }
        return names;
    }

    public String source() {
        return source;
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    public int columnCount() {
        return columns.length;
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    /** Index of a column; a user error listing the available columns when it does not exist. */
    public int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new UserException(source + ": no column '" + name + "'; available columns: " + String.join(", ", names));
        }
        return i;
    }

    /** The column's values (shared, not copied: do not modify). */
    public double[] column(String name) {
        return columns[indexOf(name)];
    }

    public double[] column(int index) {
        return columns[index];
    }

    public double get(int row, int column) {
        return columns[column][row];
    }

    /** The named columns, in the given order. */
    public Table select(List<String> selected) {
        double[][] cols = new double[selected.size()][];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = columns[indexOf(selected.get(i))];
        }
        return new Table(source, selected, cols);
    }

    /** All columns except the named ones (each of which must exist). */
    public Table drop(List<String> dropped) {
        for (String d : dropped) {
            indexOf(d);
        }
        List<String> kept = new ArrayList<>(names);
        kept.removeAll(dropped);
        return select(kept);
    }

    /** Same data under new names (for formats without names, such as .npy). */
    public Table renamed(List<String> newNames) {
        if (newNames.size() != columns.length) {
            throw new UserException(source + ": " + newNames.size() + " column names given (" + String.join(", ", newNames)
                    + ") but the file has " + columns.length + " columns");
        }
        return new Table(source, newNames, columns);
    }

    public Table withColumn(String name, double[] values) {
        List<String> n = new ArrayList<>(names);
        n.add(name);
        double[][] cols = Arrays.copyOf(columns, columns.length + 1);
        cols[columns.length] = values;
        return new Table(source, n, cols);
    }

    /** The rows whose flag is set, in order. */
    public Table filter(boolean[] keep) {
        if (keep.length != rows()) {
            throw new IllegalArgumentException("mask of " + keep.length + " for " + rows() + " rows");
        }
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        int[] idx = new int[n];
        for (int r = 0, j = 0; r < keep.length; r++) {
            if (keep[r]) {
                idx[j++] = r;
            }
        }
        return rows(idx);
    }

    /** The given rows, in the given order (repeats allowed). */
    public Table rows(int[] indices) {
        double[][] cols = new double[columns.length][indices.length];
        for (int c = 0; c < columns.length; c++) {
            double[] src = columns[c];
            double[] dst = cols[c];
            for (int i = 0; i < indices.length; i++) {
                dst[i] = src[indices[i]];
            }
        }
        return new Table(source, names, cols);
    }

    /** Rows from {@code from} (inclusive) to {@code to} (exclusive). */
    public Table slice(int from, int to) {
        if (from < 0 || to > rows() || from > to) {
            throw new UserException(source + ": rows " + from + ".." + to + " requested but the table has " + rows() + " rows");
        }
        double[][] cols = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            cols[c] = Arrays.copyOfRange(columns[c], from, to);
        }
        return new Table(source, names, cols);
    }

    /** This table's rows followed by the other's; the columns must have the same names. */
    public Table concat(Table other) {
        if (!names.equals(other.names)) {
            throw new UserException(other.source + ": columns " + other.names + " do not match " + source + " columns " + names);
        }
        double[][] cols = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            cols[c] = Arrays.copyOf(columns[c], rows() + other.rows());
            System.arraycopy(other.columns[c], 0, cols[c], rows(), other.rows());
        }
        return new Table(source, names, cols);
    }

    /** Row-major copy of the named columns as doubles (for statistics). */
    public double[][] toRows(List<String> selected) {
        double[][] cols = select(selected).columns;
        double[][] out = new double[rows()][cols.length];
        for (int c = 0; c < cols.length; c++) {
            for (int r = 0; r < out.length; r++) {
                out[r][c] = cols[c][r];
            }
        }
        return out;
    }

    /** Row-major copy of the named columns as floats (for training). */
    public float[][] toFloatRows(List<String> selected) {
        double[][] cols = select(selected).columns;
        float[][] out = new float[rows()][cols.length];
        for (int c = 0; c < cols.length; c++) {
            for (int r = 0; r < out.length; r++) {
                out[r][c] = (float) cols[c][r];
            }
        }
        return out;
    }

    /**
     * This table if every value is finite, else a user error naming the first bad row (0-based) and
     * column and how many rows are affected.
     */
    public Table requireFinite() {
        int bad = 0;
        int firstRow = -1;
        int firstCol = -1;
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columns.length; c++) {
                if (!Double.isFinite(columns[c][r])) {
                    if (bad == 0) {
                        firstRow = r;
                        firstCol = c;
                    }
                    bad++;
                    break;
                }
            }
        }
        if (bad > 0) {
            throw new UserException(source + ": " + bad + " row(s) hold non-finite values, first row " + firstRow
                    + " column '" + names.get(firstCol) + "' = " + columns[firstCol][firstRow]
                    + "; remove or fix those rows");
        }
        return this;
    }

    /** Checks that the named column holds only 0 and 1 (class labels). */
    public int[] labels(String name) {
        double[] v = column(name);
        int[] out = new int[v.length];
        for (int r = 0; r < v.length; r++) {
            if (v[r] == 0.0) {
                out[r] = 0;
            } else if (v[r] == 1.0) {
                out[r] = 1;
            } else {
                throw new UserException(source + ": label column '" + name + "' holds " + v[r] + " in row " + r
                        + "; labels must be 0 or 1");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Table[" + source + ", " + rows() + " rows, " + names + "]";
    }
}
