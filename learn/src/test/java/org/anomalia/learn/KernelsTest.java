package org.anomalia.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both matmul paths against a double-precision reference, against each other, and across thread counts. */
class KernelsTest {
    private static final int[] SIZES = {1, 3, 17, 63, 64, 65, 129, 256};
    private static final String[] ORIENTATIONS = {"NN", "TN", "NT"};

    /** Random (m, n, k) drawn from SIZES with a fixed seed, plus the engine's typical shapes. */
    private static List<int[]> shapes() {
        List<int[]> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 16; t++) {
            out.add(new int[] {SIZES[r.nextInt(SIZES.length)], SIZES[r.nextInt(SIZES.length)], SIZES[r.nextInt(SIZES.length)]});
        }
        for (int s : SIZES) out.add(new int[] {s, s, s == 256 ? 64 : s});
        out.add(new int[] {256, 64, 8});
        out.add(new int[] {256, 8, 64});
        out.add(new int[] {256, 4, 64});
        out.add(new int[] {256, 64, 4});
        out.add(new int[] {256, 10, 128});
        out.add(new int[] {2, 5, 0});   // k = 0: C is zero (or unchanged when accumulating)
        return out;
    }

    @Test
    void vectorPathIsAvailableUnderSurefire() {
        // surefire passes --add-modules jdk.incubator.vector; without it this path silently degrades
        assertTrue(Kernels.vectorAvailable(), "Vector API path not loaded");
        assertTrue(Kernels.describe().startsWith("vector-"), Kernels.describe());
    }

    @Test
    void plainPathMatchesDoubleReference() {
        checkAgainstReference(Kernels.variant("plain", 1));
    }

    @Test
    void vectorPathMatchesDoubleReference() {
        checkAgainstReference(Kernels.variant("vector", 1));
    }

    private static void checkAgainstReference(Kernels.Variant v) {
        SplittableRandom r = new SplittableRandom(11);
        for (int[] s : shapes()) {
            for (String o : ORIENTATIONS) {
                for (boolean acc : new boolean[] {false, true}) {
                    Operands x = Operands.random(o, s[0], s[1], s[2], r);
                    double[][] ref = x.reference(acc);
                    Matrix c = x.c0.copy();
                    x.apply(v, c, acc);
                    for (int i = 0; i < s[0]; i++) {
                        for (int j = 0; j < s[1]; j++) {
                            double tol = (s[2] + 2) * 1.2e-7 * x.absSum(i, j, acc) + 1e-30;
                            double err = Math.abs(c.get(i, j) - ref[i][j]);
                            if (!(err <= tol)) {
                                fail(v + " " + o + " m,n,k=" + s[0] + "," + s[1] + "," + s[2] + " acc=" + acc
                                        + " C[" + i + "][" + j + "]=" + c.get(i, j) + " ref=" + ref[i][j] + " tol=" + tol);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void vectorAndPlainAgree() {
        SplittableRandom r = new SplittableRandom(13);
        Kernels.Variant vec = Kernels.variant("vector", 1), plain = Kernels.variant("plain", 1);
        for (int[] s : shapes()) {
            for (String o : ORIENTATIONS) {
                Operands x = Operands.random(o, s[0], s[1], s[2], r);
                Matrix c1 = x.c0.copy(), c2 = x.c0.copy();
                x.apply(vec, c1, true);
                x.apply(plain, c2, true);
                for (int i = 0; i < c1.size(); i++) {
                    double tol = 2 * (s[2] + 2) * 1.2e-7 * x.absSum(i / s[1], i % s[1], true) + 1e-30;
                    assertTrue(Math.abs(c1.data[i] - c2.data[i]) <= tol, o + " " + s[0] + "," + s[1] + "," + s[2] + " element " + i);
                }
            }
        }
    }

    @Test
    void threadedIsBitIdenticalToSingleThreaded() {
        SplittableRandom r = new SplittableRandom(17);
        for (String path : new String[] {"vector", "plain"}) {
            Kernels.Variant one = Kernels.variant(path, 1, 0);
            Kernels.Variant two = Kernels.variant(path, 2, 0), three = Kernels.variant(path, 3, 0);
            for (int[] s : shapes()) {
                for (String o : ORIENTATIONS) {
                    for (boolean acc : new boolean[] {false, true}) {
                        Operands x = Operands.random(o, s[0], s[1], s[2], r);
                        Matrix c1 = x.c0.copy(), c2 = x.c0.copy(), c3 = x.c0.copy();
                        x.apply(one, c1, acc);
                        x.apply(two, c2, acc);
                        x.apply(three, c3, acc);
                        assertArrayEquals(c1.data, c2.data, path + " " + o + " 2 threads");
                        assertArrayEquals(c1.data, c3.data, path + " " + o + " 3 threads");
                    }
                }
            }
        }
    }

    @Test
    void concurrentCallersShareOneThreadGroupAndGetTheSameNumbers() throws Exception {
        Kernels.Variant two = Kernels.variant("vector", 2, 0), one = Kernels.variant("vector", 1);
        Operands x = Operands.random("NN", 129, 65, 63, new SplittableRandom(23));
        Matrix expected = x.c0.copy();
        x.apply(one, expected, false);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Matrix>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                results.add(callers.submit(() -> {
                    Matrix c = x.c0.copy();
                    for (int rep = 0; rep < 10; rep++) x.apply(two, c, false);
                    return c;
                }));
            }
            for (java.util.concurrent.Future<Matrix> f : results) assertArrayEquals(expected.data, f.get().data);
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void processWideEntryPointsUseTheChosenPath() {
        SplittableRandom r = new SplittableRandom(19);
        Operands x = Operands.random("NN", 65, 17, 63, r);
        Matrix c1 = x.c0.copy(), c2 = x.c0.copy();
        Kernels.matmul(x.a, x.b, c1, false);
        x.apply(Kernels.variant("vector", 1), c2, false);
        assertArrayEquals(c2.data, c1.data);
        int before = Kernels.threads();
        try {
            Kernels.setThreads(1);
            assertEquals(1, Kernels.threads());
            Matrix c3 = x.c0.copy();
            Kernels.matmul(x.a, x.b, c3, false);
            assertArrayEquals(c1.data, c3.data);
        } finally {
            Kernels.setThreads(before);
        }
    }

    @Test
    void badShapesNameTheOperationAndShapes() {
        Matrix a = new Matrix(3, 4), b = new Matrix(5, 6), c = new Matrix(3, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.matmul(a, b, c, false));
        assertTrue(e.getMessage().contains("matmul") && e.getMessage().contains("3x4") && e.getMessage().contains("5x6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Kernels.matmulTN(a, b, c, false));
        assertThrows(IllegalArgumentException.class, () -> Kernels.matmulNT(a, b, c, false));
        Matrix sq = new Matrix(4, 4);
        assertThrows(IllegalArgumentException.class, () -> Kernels.matmul(sq, new Matrix(4, 4), sq, false));
        assertThrows(IllegalArgumentException.class, () -> Kernels.variant("gpu", 1));
    }

    /** Operands of one orientation with C = op(A)·op(B): shapes as the Kernels contract states. */
    private static final class Operands {
        final String orientation;
        final Matrix a, b, c0;
        final int m, n, k;

        private Operands(String orientation, Matrix a, Matrix b, Matrix c0, int m, int n, int k) {
            this.orientation = orientation;
            this.a = a;
            this.b = b;
            this.c0 = c0;
            this.m = m;
            this.n = n;
            this.k = k;
        }

        static Operands random(String o, int m, int n, int k, SplittableRandom r) {
            Matrix a = o.equals("TN") ? new Matrix(k, m) : new Matrix(m, k);
            Matrix b = o.equals("NT") ? new Matrix(n, k) : new Matrix(k, n);
            Matrix c = new Matrix(m, n);
            for (Matrix x : new Matrix[] {a, b, c}) {
                for (int i = 0; i < x.size(); i++) x.data[i] = (float) (r.nextDouble() * 2 - 1);
            }
            return new Operands(o, a, b, c, m, n, k);
        }

        private double[][] product, absProduct;

        /** op(A)·op(B) and |op(A)|·|op(B)| in double, computed once. */
        private void products() {
            if (product != null) return;
            double[][] oa = new double[m][k], ob = new double[k][n];
            for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) oa[i][p] = orientation.equals("TN") ? a.get(p, i) : a.get(i, p);
            for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) ob[p][j] = orientation.equals("NT") ? b.get(j, p) : b.get(p, j);
            product = new double[m][n];
            absProduct = new double[m][n];
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    double av = oa[i][p];
                    for (int j = 0; j < n; j++) {
                        product[i][j] += av * ob[p][j];
                        absProduct[i][j] += Math.abs(av * ob[p][j]);
                    }
                }
            }
        }

        double[][] reference(boolean acc) {
            products();
            double[][] ref = new double[m][n];
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) ref[i][j] = product[i][j] + (acc ? c0.get(i, j) : 0);
            return ref;
        }

        /** Σ|a·b| (+|c|): the scale of the rounding error of element (i, j). */
        double absSum(int i, int j, boolean acc) {
            products();
            return absProduct[i][j] + (acc ? Math.abs(c0.get(i, j)) : 0);
        }

        void apply(Kernels.Variant v, Matrix c, boolean acc) {
            switch (orientation) {
                case "NN": v.matmul(a, b, c, acc); break;
                case "TN": v.matmulTN(a, b, c, acc); break;
                default: v.matmulNT(a, b, c, acc); break;
            }
        }
    }
}
