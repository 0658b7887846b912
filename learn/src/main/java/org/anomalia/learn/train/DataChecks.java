package org.anomalia.learn.train;

import org.anomalia.learn.Matrix;
import org.anomalia.numerics.UserException;

/** Input validation shared by the models. */
public final class DataChecks {
    private DataChecks() {}

    /** Throws a UserException naming the first NaN/Inf entry (row and column counted from 0). */
    public static void requireFinite(Matrix m, String what) {
        for (int i = 0; i < m.size(); i++) {
            float v = m.data[i];
            if (!Float.isFinite(v)) {
                throw new UserException(what + ": row " + (i / m.cols) + ", column " + (i % m.cols) + " is " + v
                        + "; remove or impute non-finite values before training");
            }
        }
    }

    /** Throws a UserException unless the data has the expected number of columns. */
    public static void requireColumns(Matrix m, int columns, String what) {
        if (m.cols != columns) throw new UserException(what + ": expected " + columns + " columns, got " + m.cols);
    }

    public static void requireRows(Matrix m, int atLeast, String what) {
        if (m.rows < atLeast) throw new UserException(what + ": needs at least " + atLeast + " rows, got " + m.rows);
    }
}
