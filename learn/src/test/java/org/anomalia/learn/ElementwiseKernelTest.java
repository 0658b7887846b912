package org.anomalia.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API elementwise loops against the plain ones, bit for bit (they promise the same float
 * operations in the same order), over lengths and widths around the vector length, with signed
 * zeros, subnormals, infinities and NaN among the values; and the plain loops against hand values.
 */
class ElementwiseKernelTest {
    private static final ElementwiseKernel PLAIN = Kernels.loops("plain");
    private static final ElementwiseKernel VECTOR = Kernels.loops("vector");
    /** Row and column counts around the vector lengths (4 to 16 floats) and the engine's widths. */
    private static final int[] WIDTHS = {1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100, 128, 130};
    private static final int[] ROWS = {1, 2, 3, 7, 256};

    private static float[] values(int n, SplittableRandom r) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(40);
            x[i] = switch (kind) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> Float.MIN_VALUE * r.nextInt(1, 100);   // subnormal
                case 3 -> -Float.MIN_VALUE * r.nextInt(1, 100);
                default -> (float) (r.nextGaussian() * Math.exp(r.nextDouble(-5, 5)));
            };
        }
        return x;
    }

    /** Also with infinities and NaN: the loops must agree on them too. */
    private static float[] special(int n, SplittableRandom r) {
        float[] x = values(n, r);
        for (int i = 0; i < n; i += 7) x[i] = i % 3 == 0 ? Float.NaN : i % 3 == 1 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        return x;
    }

    private static void same(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                throw new AssertionError(what + ": element " + i + " plain " + expected[i] + " vector " + actual[i]);
            }
        }
    }

    @Test
    void rowWiseLoopsAreBitIdentical() {
        SplittableRandom r = new SplittableRandom(3);
        for (int rows : ROWS) {
            for (int cols : WIDTHS) {
                String shape = rows + "x" + cols;
                float[] x = special(rows * cols, r), b = values(cols, r);
                float[] y1 = new float[x.length], y2 = new float[x.length];
                PLAIN.addRowVector(x, b, y1, rows, cols);
                VECTOR.addRowVector(x, b, y2, rows, cols);
                same(y1, y2, "addRowVector " + shape);
                float[] inPlace = x.clone();
                VECTOR.addRowVector(inPlace, b, inPlace, rows, cols);
                same(y1, inPlace, "addRowVector in place " + shape);

                float[] s1 = values(cols, r), s2 = s1.clone();
                PLAIN.sumRowsInto(x, s1, rows, cols);
                VECTOR.sumRowsInto(x, s2, rows, cols);
                same(s1, s2, "sumRowsInto " + shape);
            }
        }
    }

    @Test
    void pointwiseLoopsAreBitIdentical() {
        SplittableRandom r = new SplittableRandom(5);
        for (int rows : ROWS) {
            for (int cols : WIDTHS) {
                int n = rows * cols;
                String len = "n=" + n;
                float[] x = special(n, r), gy = values(n, r), gx = values(n, r), d = special(n, r);
                float[] y1 = new float[n], y2 = new float[n];
                PLAIN.relu(x, y1, n);
                VECTOR.relu(x, y2, n);
                same(y1, y2, "relu " + len);

                float[] relu = values(n, r);
                PLAIN.relu(relu.clone(), relu, n);
                float[] g1 = gx.clone(), g2 = gx.clone();
                PLAIN.reluBackward(relu, gy, g1, n);
                VECTOR.reluBackward(relu, gy, g2, n);
                same(g1, g2, "reluBackward " + len);

                g1 = gx.clone();
                g2 = gx.clone();
                PLAIN.axpy(-0.37f, d, g1, n);
                VECTOR.axpy(-0.37f, d, g2, n);
                same(g1, g2, "axpy " + len);

                g1 = gx.clone();
                g2 = gx.clone();
                PLAIN.mulAdd(gy, d, g1, n);
                VECTOR.mulAdd(gy, d, g2, n);
                same(g1, g2, "mulAdd " + len);
            }
        }
    }

    @Test
    void adamIsBitIdenticalOverManySteps() {
        SplittableRandom r = new SplittableRandom(7);
        for (boolean decoupled : new boolean[] {false, true}) {
            for (int n : new int[] {1, 5, 16, 17, 63, 64, 100, 4096 + 3}) {
                float[] w1 = values(n, r), w2 = w1.clone();
                float[] m1 = new float[n], m2 = new float[n], v1 = new float[n], v2 = new float[n];
                for (int t = 1; t <= 20; t++) {
                    float[] g = values(n, r);
                    double lr = 1e-3, wd = 0.01, bc1 = 1 - Math.pow(0.9, t), bc2 = 1 - Math.pow(0.999, t);
                    AdamUpdate u = new AdamUpdate(0.9f, 0.1f, 0.999f, (float) (1 - 0.999), decoupled ? 0f : (float) wd,
                            decoupled ? (float) (1 - lr * wd) : 1f, (float) (lr / bc1), (float) Math.sqrt(bc2), 1e-8f);
                    PLAIN.adam(w1, g, m1, v1, n, u);
                    VECTOR.adam(w2, g, m2, v2, n, u);
                }
                String what = "adam n=" + n + (decoupled ? " decoupled" : "");
                same(w1, w2, what + " weights");
                same(m1, m2, what + " first moments");
                same(v1, v2, what + " second moments");
            }
        }
    }

    @Test
    void plainLoopsGiveHandValues() {
        float[] y = new float[6];
        PLAIN.addRowVector(new float[] {1, 2, 3, 4, 5, 6}, new float[] {10, 20, 30}, y, 2, 3);
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, y);
        float[] s = {1, 1, 1};
        PLAIN.sumRowsInto(new float[] {1, 2, 3, 4, 5, 6}, s, 2, 3);
        assertArrayEquals(new float[] {6, 8, 10}, s);
        PLAIN.relu(new float[] {-1, 0.5f, -0f}, y, 3);
        assertArrayEquals(new float[] {0, 0.5f, 0}, new float[] {y[0], y[1], y[2]});
        assertEquals(0, Float.floatToIntBits(y[2]), "relu(-0) is +0");
        float[] gx = {1, 1, 1};
        PLAIN.reluBackward(new float[] {0, Float.MIN_VALUE, 3}, new float[] {5, 6, 7}, gx, 3);
        assertArrayEquals(new float[] {1, 7, 8}, gx);
        // one Adam step from zero moments moves every weight by lr·sign(g) (up to eps)
        float[] w = {1, -1}, m = new float[2], v = new float[2];
        PLAIN.adam(w, new float[] {0.5f, -2f}, m, v, 2,
                new AdamUpdate(0.9f, 0.1f, 0.999f, 0.001f, 0f, 1f, (float) (0.01 / 0.1), (float) Math.sqrt(0.001), 1e-8f));
        assertEquals(0.99f, w[0], 1e-6f);
        assertEquals(-0.99f, w[1], 1e-6f);
    }
}
