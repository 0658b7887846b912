package org.anomalia.learn.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.anomalia.learn.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference gradient checks of every op, in double precision.
 *
 * <p>The engine computes in float, where a finite difference is too noisy to be a sharp check.
 * So each op here also has an independent double-precision reference of its forward pass (a
 * few lines of plain loops). The test (1) compares the float forward with the reference, and
 * (2) compares the float analytic gradient of L = Σ W ⊙ op(inputs) (W random) with the central
 * difference of the double reference (h = 1e-6, error ~1e-10). Remaining differences are float
 * rounding of the analytic gradient, hence the 1e-4 relative tolerance. Inputs avoid the kinks of
 * ReLU-like ops and the poles of log/div.
 */
class OpGradientTest {

    /** A double matrix for the references. */
    record D(int r, int c, double[] v) {
        D(int r, int c) {
            this(r, c, new double[r * c]);
        }

        double at(int i, int j) {
            return v[(r == 1 ? 0 : i) * c + (c == 1 ? 0 : j)];
        }

        D map(DoubleUnaryOperator f) {
            D y = new D(r, c);
            for (int i = 0; i < v.length; i++) y.v[i] = f.applyAsDouble(v[i]);
            return y;
        }
    }

    interface Bin {
        double f(double a, double b);
    }

    static D broadcast(D a, D b, Bin f) {
        int r = Math.max(a.r, b.r), c = Math.max(a.c, b.c);
        D y = new D(r, c);
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) y.v[i * c + j] = f.f(a.at(i, j), b.at(i, j));
        return y;
    }

    static D matmul(D a, D b) {
        D y = new D(a.r, b.c);
        for (int i = 0; i < a.r; i++) for (int j = 0; j < b.c; j++) {
            double s = 0;
            for (int k = 0; k < a.c; k++) s += a.v[i * a.c + k] * b.v[k * b.c + j];
            y.v[i * b.c + j] = s;
        }
        return y;
    }

    static D sum(D x, int axis) {
        D y = axis == 0 ? new D(1, x.c) : new D(x.r, 1);
        for (int i = 0; i < x.r; i++) for (int j = 0; j < x.c; j++) y.v[axis == 0 ? j : i] += x.v[i * x.c + j];
        return y;
    }

    static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Input domains: values in [lo, hi]; "kink" ones keep |x| ≥ 0.1 away from 0. */
    enum Dom { ANY, POS, KINK }

    record Case(String name, int[][] shapes, Dom[] domains, BiFunction<Tape, Tensor[], Tensor> op, Function<D[], D> ref) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Matrix MASK = new Matrix(3, 4, new float[] {1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1});

    static Case c(String name, int[][] shapes, Dom dom, BiFunction<Tape, Tensor[], Tensor> op, Function<D[], D> ref) {
        Dom[] d = new Dom[shapes.length];
        java.util.Arrays.fill(d, dom);
        return new Case(name, shapes, d, op, ref);
    }

    static Case unary(String name, Dom dom, Function<Tape, Function<Tensor, Tensor>> op, DoubleUnaryOperator f) {
        return c(name, new int[][] {{4, 3}}, dom, (t, x) -> op.apply(t).apply(x[0]), x -> x[0].map(f));
    }

    static Stream<Case> cases() {
        List<Case> l = new ArrayList<>();
        l.add(c("matmul", new int[][] {{5, 3}, {3, 4}}, Dom.ANY, (t, x) -> t.matmul(x[0], x[1]), x -> matmul(x[0], x[1])));
        l.add(c("linear", new int[][] {{5, 3}, {3, 4}, {1, 4}}, Dom.ANY, (t, x) -> t.linear(x[0], x[1], x[2]),
                x -> broadcast(matmul(x[0], x[1]), x[2], Double::sum)));
        l.add(c("linear without bias", new int[][] {{5, 3}, {3, 4}}, Dom.ANY, (t, x) -> t.linear(x[0], x[1], null), x -> matmul(x[0], x[1])));
        l.add(c("maskedMatmul", new int[][] {{5, 3}, {3, 4}}, Dom.ANY, (t, x) -> t.maskedMatmul(x[0], x[1], MASK), x -> {
            D w = new D(3, 4);
            for (int i = 0; i < 12; i++) w.v[i] = x[1].v[i] * MASK.data[i];
            return matmul(x[0], w);
        }));
        l.add(c("maskedLinear", new int[][] {{5, 3}, {3, 4}, {1, 4}}, Dom.ANY, (t, x) -> t.maskedLinear(x[0], x[1], MASK, x[2]), x -> {
            D w = new D(3, 4);
            for (int i = 0; i < 12; i++) w.v[i] = x[1].v[i] * MASK.data[i];
            return broadcast(matmul(x[0], w), x[2], Double::sum);
        }));
        l.add(c("addBias", new int[][] {{5, 3}, {1, 3}}, Dom.ANY, (t, x) -> t.addBias(x[0], x[1]), x -> broadcast(x[0], x[1], Double::sum)));
        l.add(unary("relu", Dom.KINK, t -> t::relu, v -> Math.max(v, 0)));
        l.add(unary("leakyRelu", Dom.KINK, t -> v -> t.leakyRelu(v, 0.1f), v -> v > 0 ? v : 0.1 * v));
        l.add(unary("elu", Dom.KINK, t -> v -> t.elu(v, 1.3f), v -> v > 0 ? v : 1.3 * Math.expm1(v)));
        l.add(unary("silu", Dom.ANY, t -> t::silu, v -> v * sig(v)));
        l.add(unary("tanh", Dom.ANY, t -> t::tanh, Math::tanh));
        l.add(unary("sigmoid", Dom.ANY, t -> t::sigmoid, OpGradientTest::sig));
        l.add(unary("softplus", Dom.ANY, t -> t::softplus, v -> Math.log1p(Math.exp(v))));
        l.add(unary("exp", Dom.ANY, t -> t::exp, Math::exp));
        l.add(unary("log", Dom.POS, t -> t::log, Math::log));
        l.add(unary("sqrt", Dom.POS, t -> t::sqrt, Math::sqrt));
        l.add(unary("square", Dom.ANY, t -> t::square, v -> v * v));
        l.add(unary("affine", Dom.ANY, t -> v -> t.affine(v, 1.7f, -0.3f), v -> 1.7 * v - 0.3));
        l.add(unary("neg", Dom.ANY, t -> t::neg, v -> -v));
        int[][][] pairs = {{{4, 3}, {4, 3}}, {{4, 3}, {1, 3}}, {{4, 3}, {4, 1}}, {{4, 3}, {1, 1}}, {{1, 3}, {4, 3}}, {{4, 1}, {1, 3}}};
        for (int[][] p : pairs) {
            String s = " " + p[0][0] + "x" + p[0][1] + " " + p[1][0] + "x" + p[1][1];
            l.add(c("add" + s, p, Dom.ANY, (t, x) -> t.add(x[0], x[1]), x -> broadcast(x[0], x[1], Double::sum)));
            l.add(c("sub" + s, p, Dom.ANY, (t, x) -> t.sub(x[0], x[1]), x -> broadcast(x[0], x[1], (a, b) -> a - b)));
            l.add(c("mul" + s, p, Dom.ANY, (t, x) -> t.mul(x[0], x[1]), x -> broadcast(x[0], x[1], (a, b) -> a * b)));
            l.add(new Case("div" + s, p, new Dom[] {Dom.ANY, Dom.POS}, (t, x) -> t.div(x[0], x[1]), x -> broadcast(x[0], x[1], (a, b) -> a / b)));
        }
        l.add(c("mul same input twice", new int[][] {{4, 3}}, Dom.ANY, (t, x) -> t.mul(x[0], x[0]), x -> x[0].map(v -> v * v)));
        l.add(c("sum axis 0", new int[][] {{4, 3}}, Dom.ANY, (t, x) -> t.sum(x[0], 0), x -> sum(x[0], 0)));
        l.add(c("sum axis 1", new int[][] {{4, 3}}, Dom.ANY, (t, x) -> t.sum(x[0], 1), x -> sum(x[0], 1)));
        l.add(c("mean axis 0", new int[][] {{4, 3}}, Dom.ANY, (t, x) -> t.mean(x[0], 0), x -> sum(x[0], 0).map(v -> v / 4)));
        l.add(c("mean axis 1", new int[][] {{4, 3}}, Dom.ANY, (t, x) -> t.mean(x[0], 1), x -> sum(x[0], 1).map(v -> v / 3)));
        l.add(c("sumAll", new int[][] {{4, 3}}, Dom.ANY, (t, x) -> t.sumAll(x[0]), x -> sum(sum(x[0], 0), 1)));
        l.add(c("meanAll", new int[][] {{4, 3}}, Dom.ANY, (t, x) -> t.meanAll(x[0]), x -> sum(sum(x[0], 0), 1).map(v -> v / 12)));
        l.add(c("sliceCols", new int[][] {{4, 5}}, Dom.ANY, (t, x) -> t.sliceCols(x[0], 1, 4), x -> {
            D y = new D(4, 3);
            for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) y.v[i * 3 + j] = x[0].v[i * 5 + j + 1];
            return y;
        }));
        l.add(c("concatCols", new int[][] {{4, 2}, {4, 1}, {4, 3}}, Dom.ANY, (t, x) -> t.concatCols(x[0], x[1], x[2]), x -> {
            D y = new D(4, 6);
            for (int i = 0; i < 4; i++) {
                int o = 0;
                for (D p : x) for (int j = 0; j < p.c; j++) y.v[i * 6 + o++] = p.v[i * p.c + j];
            }
            return y;
        }));
        return l.stream();
    }

    static float draw(SplittableRandom rng, Dom dom) {
        return switch (dom) {
            case ANY -> (float) rng.nextDouble(-2, 2);
            case POS -> (float) rng.nextDouble(0.5, 2);
            case KINK -> (float) ((rng.nextBoolean() ? 1 : -1) * rng.nextDouble(0.1, 2));
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void analyticGradientMatchesDoubleFiniteDifference(Case k) {
        SplittableRandom rng = new SplittableRandom(k.name.hashCode());
        int n = k.shapes.length;
        Tape tape = new Tape();
        Tensor[] in = new Tensor[n];
        D[] ref = new D[n];
        for (int i = 0; i < n; i++) {
            Matrix m = new Matrix(k.shapes[i][0], k.shapes[i][1]);
            for (int j = 0; j < m.size(); j++) m.data[j] = draw(rng, k.domains[i]);
            in[i] = tape.leaf(m);
            double[] v = new double[m.size()];
            for (int j = 0; j < v.length; j++) v[j] = m.data[j];
            ref[i] = new D(m.rows, m.cols, v);
        }
        Tensor out = k.op.apply(tape, in);
        D expected = k.ref.apply(ref);
        assertEquals(expected.r, out.rows(), "rows");
        assertEquals(expected.c, out.cols(), "cols");
        for (int j = 0; j < expected.v.length; j++) {
            assertEquals(expected.v[j], out.value.data[j], 1e-5 * (1 + Math.abs(expected.v[j])), k.name + " forward element " + j);
        }
        Matrix w = new Matrix(out.rows(), out.cols());
        for (int j = 0; j < w.size(); j++) w.data[j] = (float) rng.nextDouble(-1, 1);
        tape.backward(out, w);

        double h = 1e-6;
        for (int i = 0; i < n; i++) {
            Matrix grad = in[i].grad();
            for (int j = 0; j < ref[i].v.length; j++) {
                double keep = ref[i].v[j];
                ref[i].v[j] = keep + h;
                double up = dot(w, k.ref.apply(ref));
                ref[i].v[j] = keep - h;
                double down = dot(w, k.ref.apply(ref));
                ref[i].v[j] = keep;
                double fd = (up - down) / (2 * h);
                double an = grad == null ? 0 : grad.data[j];
                assertEquals(fd, an, 1e-4 * (1 + Math.abs(fd)), k.name + ": d/d input" + i + "[" + j + "]");
            }
        }
    }

    static double dot(Matrix w, D y) {
        double s = 0;
        for (int j = 0; j < y.v.length; j++) s += w.data[j] * y.v[j];
        return s;
    }

    @Test
    void parametersAccumulateAcrossBackwardCallsAndBuffersAreReused() {
        Param p = new Param("p", new Matrix(2, 2, new float[] {1, 2, 3, 4}));
        Tape tape = new Tape();
        for (int step = 0; step < 2; step++) {
            tape.reset();
            tape.backward(tape.sumAll(tape.square(p)));
        }
        assertEquals(4f, p.grad.data[0]);
        assertEquals(16f, p.grad.data[3]);
        tape.reset();
        Matrix a = tape.alloc(7, 3);
        tape.reset();
        assertTrue(a == tape.alloc(7, 3), "a buffer of the same shape comes back from the pool");
    }

    @Test
    void noGradTapeRecordsNothingAndShapeErrorsAreClear() {
        Tape tape = Tape.noGrad();
        Param p = new Param("p", new Matrix(2, 3));
        Tensor y = tape.relu(p);
        assertTrue(!y.requiresGrad());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Tape().matmul(p, p));
        assertTrue(e.getMessage().contains("2x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Tape().add(p, new Param("q", new Matrix(3, 3))));
    }
}
