package org.anomalia.learn;

import java.util.Arrays;

/** A dense row-major 2-D float matrix: the one value type of the learning engine. */
public final class Matrix {
    public final int rows;
    public final int cols;
    /** Row-major storage, length rows*cols; element (r, c) at r*cols + c. */
    public final float[] data;

    public Matrix(int rows, int cols) {
        this(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    public Matrix(int rows, int cols, float[] data) {
        if (rows < 0 || cols < 0 || data.length != rows * cols) {
            throw new IllegalArgumentException("matrix " + rows + "x" + cols + " cannot hold " + data.length + " values");
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Rows of equal length as a matrix, narrowed to float (the engine trains in float32). */
    public static Matrix ofRows(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        Matrix m = new Matrix(rows.length, d);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != d) throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + d);
            for (int c = 0; c < d; c++) m.data[r * d + c] = (float) rows[r][c];
        }
        return m;
    }

    /** Rows of equal length as a matrix. */
    public static Matrix ofRows(float[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        Matrix m = new Matrix(rows.length, d);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != d) throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + d);
            System.arraycopy(rows[r], 0, m.data, r * d, d);
        }
        return m;
    }

    public float get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, float v) {
        data[r * cols + c] = v;
    }

    public int size() {
        return data.length;
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    public void fill(float v) {
        Arrays.fill(data, v);
    }

    public boolean sameShape(Matrix o) {
        return rows == o.rows && cols == o.cols;
    }

    public String shape() {
        return rows + "x" + cols;
    }

    @Override
    public String toString() {
        return "Matrix[" + shape() + "]";
    }
}
