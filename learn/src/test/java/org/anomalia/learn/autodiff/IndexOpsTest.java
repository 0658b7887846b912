package org.anomalia.learn.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.anomalia.learn.Matrix;
import org.junit.jupiter.api.Test;

/** Forward values and finite-difference gradients (double reference, h = 1e-6) of the index ops. */
class IndexOpsTest {
    private static final int ROWS = 4, COLS = 5;
    private static final int[] PICK = {4, 0, 0, 2, 1, 1, 3, 3, 2, 0, 4, 4}; // 4 rows × 3, repeats included
    private static final int[] PERM = {3, 1, 4, 0, 2};

    private static double[] gatherRef(double[] x) {
        double[] y = new double[ROWS * 3];
        for (int r = 0; r < ROWS; r++) for (int j = 0; j < 3; j++) y[r * 3 + j] = x[r * COLS + PICK[r * 3 + j]];
        return y;
    }

    private static double[] gatherColsRef(double[] x) {
        double[] y = new double[ROWS * COLS];
        for (int r = 0; r < ROWS; r++) for (int j = 0; j < COLS; j++) y[r * COLS + j] = x[r * COLS + PERM[j]];
        return y;
    }

    private static double[] cumsumRef(double[] x) {
        double[] y = new double[x.length];
        for (int r = 0; r < ROWS; r++) {
            double s = 0;
            for (int j = 0; j < COLS; j++) y[r * COLS + j] = s += x[r * COLS + j];
        }
        return y;
    }

    /** Checks op against ref: values, then analytic vs central-difference gradient of Σ w ⊙ op(x). */
    private static void check(String name, BiFunction<Tape, Tensor, Tensor> op, Function<double[], double[]> ref) {
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        Matrix m = new Matrix(ROWS, COLS);
        double[] x = new double[m.size()];
        for (int i = 0; i < x.length; i++) x[i] = m.data[i] = (float) rng.nextDouble(-2, 2);
        Tape tape = new Tape();
        Tensor in = tape.leaf(m);
        Tensor out = op.apply(tape, in);
        double[] y = ref.apply(x);
        assertEquals(y.length, out.value.size(), name + " size");
        for (int i = 0; i < y.length; i++) assertEquals(y[i], out.value.data[i], 1e-5 * (1 + Math.abs(y[i])), name + " value " + i);
        Matrix w = new Matrix(out.rows(), out.cols());
        for (int i = 0; i < w.size(); i++) w.data[i] = (float) rng.nextDouble(-1, 1);
        tape.backward(out, w);
        double h = 1e-6;
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + h;
            double up = dot(w, ref.apply(x));
            x[i] = keep - h;
            double down = dot(w, ref.apply(x));
            x[i] = keep;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, in.grad().data[i], 1e-4 * (1 + Math.abs(fd)), name + " gradient " + i);
        }
    }

    private static double dot(Matrix w, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += w.data[i] * y[i];
        return s;
    }

    @Test
    void gatherPicksPerRowAndSumsRepeatedGradients() {
        check("gather", (t, x) -> IndexOps.gather(t, x, PICK, 3), IndexOpsTest::gatherRef);
    }

    @Test
    void gatherColsPermutes() {
        check("gatherCols", (t, x) -> IndexOps.gatherCols(t, x, PERM), IndexOpsTest::gatherColsRef);
    }

    @Test
    void cumsumAlongRows() {
        check("cumsum", IndexOps::cumsum, IndexOpsTest::cumsumRef);
    }

    @Test
    void reshapeKeepsOrder() {
        check("reshape then cumsum", (t, x) -> IndexOps.cumsum(t, IndexOps.reshape(t, x, 10, 2)), x -> {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = i % 2 == 0 ? x[i] : x[i - 1] + x[i];
            return y;
        });
        assertThrows(IllegalArgumentException.class, () -> IndexOps.reshape(new Tape(), new Tape().leaf(new Matrix(2, 3)), 4, 2));
    }

    @Test
    void searchsortedFindsBinsAndClampsAtTheEnds() {
        Matrix edges = new Matrix(2, 4, new float[] {-1, 0, 0.5f, 1, 0, 1, 2, 3});
        Matrix values = new Matrix(2, 5, new float[] {-2, -1, 0.25f, 0.5f, 7, 0, 0.999f, 1, 2.5f, 3});
        assertArrayEquals(new int[] {0, 0, 1, 2, 2, 0, 0, 1, 2, 2}, IndexOps.searchsorted(edges, values));
    }
}
