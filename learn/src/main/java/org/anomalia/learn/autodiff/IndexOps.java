package org.anomalia.learn.autodiff;

import org.anomalia.learn.Matrix;

/**
 * Index-based ops of the autodiff set, needed by spline flows and permutations: gather, cumulative
 * sum, reshape and the (non-differentiable) bin search. Static helpers over a {@link Tape}, built
 * with {@link Tape#alloc} and {@link Tape#record} like the tape's own ops.
 */
public final class IndexOps {
    private IndexOps() {}

    /**
     * out[r, j] = x[r, index[r·width + j]]: picks {@code width} entries from each row. Gradients
     * flow back to the picked entries (added up when one is picked twice).
     */
    public static Tensor gather(Tape tape, Tensor x, int[] index, int width) {
        int rows = x.rows(), cols = x.cols();
        if (index.length != rows * width) {
            throw new IllegalArgumentException("gather: " + index.length + " indices for " + rows + " rows × " + width);
        }
        Matrix y = tape.alloc(rows, width);
        float[] xv = x.value.data, yv = y.data;
        for (int r = 0; r < rows; r++) {
            for (int j = 0, o = r * width; j < width; j++) {
                int c = index[o + j];
                if (c < 0 || c >= cols) throw new IndexOutOfBoundsException("gather: column " + c + " of a " + x.value.shape() + " tensor");
                yv[o + j] = xv[r * cols + c];
            }
        }
        return tape.record(y, g -> {
            float[] gx = x.gradAcc().data;
            for (int r = 0; r < rows; r++) {
                for (int j = 0, o = r * width; j < width; j++) gx[r * cols + index[o + j]] += g.data[o + j];
            }
        }, x);
    }

    /** out[r, j] = x[r, columns[j]]: the same columns from every row (e.g. a feature permutation). */
    public static Tensor gatherCols(Tape tape, Tensor x, int[] columns) {
        int rows = x.rows(), cols = x.cols(), w = columns.length;
        for (int c : columns) {
            if (c < 0 || c >= cols) throw new IndexOutOfBoundsException("gatherCols: column " + c + " of a " + x.value.shape() + " tensor");
        }
        Matrix y = tape.alloc(rows, w);
        float[] xv = x.value.data, yv = y.data;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < w; j++) yv[r * w + j] = xv[r * cols + columns[j]];
        }
        return tape.record(y, g -> {
            float[] gx = x.gradAcc().data;
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < w; j++) gx[r * cols + columns[j]] += g.data[r * w + j];
            }
        }, x);
    }

    /** Running sum along each row: out[r, j] = Σ_{k ≤ j} x[r, k] (accumulated in double). */
    public static Tensor cumsum(Tape tape, Tensor x) {
        int rows = x.rows(), cols = x.cols();
        Matrix y = tape.alloc(rows, cols);
        float[] xv = x.value.data, yv = y.data;
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = 0, o = r * cols; j < cols; j++) {
                s += xv[o + j];
                yv[o + j] = (float) s;
            }
        }
        return tape.record(y, g -> {
            // d out[j] / d x[k] = 1 for j ≥ k: the gradient is the reversed running sum of g.
            float[] gx = x.gradAcc().data, gv = g.data;
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int j = cols - 1, o = r * cols; j >= 0; j--) {
                    s += gv[o + j];
                    gx[o + j] += (float) s;
                }
            }
        }, x);
    }

    /**
     * The same values in another shape with the same row-major order (e.g. batch×(f·k) to
     * (batch·f)×k so that each feature's parameters become one row).
     */
    public static Tensor reshape(Tape tape, Tensor x, int rows, int cols) {
        if ((long) rows * cols != x.value.size()) {
            throw new IllegalArgumentException("reshape: " + x.value.shape() + " cannot become " + rows + "x" + cols);
        }
        Matrix y = tape.alloc(rows, cols);
        System.arraycopy(x.value.data, 0, y.data, 0, y.size());
        return tape.record(y, g -> {
            float[] gx = x.gradAcc().data, gv = g.data;
            for (int i = 0; i < gv.length; i++) gx[i] += gv[i];
        }, x);
    }

    /**
     * For each row r, the bin k with edges[r, k] ≤ values[r, j] &lt; edges[r, k+1] among the
     * edges.cols − 1 bins, clamped to the first and last bin (values must be sorted along each row
     * of edges). Returns one index per value, row-major, ready for {@link #gather}. Piecewise
     * constant, so it has no gradient.
     */
    public static int[] searchsorted(Matrix edges, Matrix values) {
        if (edges.rows != values.rows || edges.cols < 2) {
            throw new IllegalArgumentException("searchsorted: edges " + edges.shape() + " for values " + values.shape());
        }
        int rows = values.rows, m = values.cols, e = edges.cols;
        int[] out = new int[rows * m];
        for (int r = 0; r < rows; r++) {
            int eo = r * e;
            for (int j = 0; j < m; j++) {
                float v = values.data[r * m + j];
                int lo = 0, hi = e - 2;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (edges.data[eo + mid] <= v) lo = mid;
                    else hi = mid - 1;
                }
                out[r * m + j] = lo;
            }
        }
        return out;
    }
}
