package org.anomalia.learn.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.train.LossGradientCheck;
import org.anomalia.learn.train.Trainable;
import org.junit.jupiter.api.Test;

class LayersTest {
    static Matrix gaussian(int rows, int cols, double mean, double sd, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) m.data[i] = (float) (mean + sd * rng.nextGaussian());
        return m;
    }

    @Test
    void linearIsInitialisedUniformlyWithinOneOverRootFanIn() {
        Linear l = new Linear("l", 100, 50, new SplittableRandom(1));
        double bound = 0.1, max = 0, sumSq = 0;
        for (float v : l.weight.value.data) {
            max = Math.max(max, Math.abs(v));
            sumSq += v * v;
        }
        assertTrue(max <= bound && max > 0.99 * bound, "max |w| " + max);
        assertEquals(bound * bound / 3, sumSq / l.weight.value.size(), 0.1 * bound * bound / 3, "variance of U(-b, b)");
        for (float v : l.bias.value.data) assertTrue(Math.abs(v) <= bound);
    }

    @Test
    void mismatchedWidthsFailAtBuildTimeNamingTheLayers() {
        SplittableRandom rng = new SplittableRandom(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential("net", List.of(new Linear("first", 8, 64, rng), Activation.RELU.layer(), new Linear("second", 32, 4, rng))));
        assertTrue(e.getMessage().contains("second") && e.getMessage().contains("expects 32") && e.getMessage().contains("first") && e.getMessage().contains("64"), e.getMessage());
        Sequential ok = Mlp.builder("mlp", 8).dense(16, Activation.RELU).batchNorm().dense(3, Activation.IDENTITY).build(rng);
        assertEquals(8, ok.inputs());
        assertEquals(3, ok.outputs());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ok.requireInputs(7)).getMessage().contains("mlp.0"));
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder("bad", 8).dense(0, Activation.RELU).build(rng));
    }

    @Test
    void batchNormStandardisesInTrainingAndUsesRunningStatisticsInEvaluation() {
        BatchNorm bn = new BatchNorm("bn", 3);
        Tape t = new Tape();
        for (int step = 0; step < 200; step++) {
            t.reset();
            Matrix x = gaussian(64, 3, 5, 2, step);
            Matrix y = bn.forward(t, t.constant(x)).value;
            if (step == 0) {
                for (int c = 0; c < 3; c++) {
                    double m = 0, v = 0;
                    for (int r = 0; r < 64; r++) m += y.get(r, c) / 64;
                    for (int r = 0; r < 64; r++) v += Math.pow(y.get(r, c) - m, 2) / 64;
                    assertEquals(0, m, 1e-5);
                    assertEquals(1, v, 1e-3);
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(5, bn.runningMean.data[c], 0.2);
            assertEquals(4, bn.runningVar.data[c], 0.5);
        }
        bn.setTraining(false);
        t.reset();
        Matrix one = new Matrix(1, 3, new float[] {5, 7, 3});
        Matrix y = bn.forward(t, t.constant(one)).value;
        for (int c = 0; c < 3; c++) {
            double expected = (one.data[c] - bn.runningMean.data[c]) / Math.sqrt(bn.runningVar.data[c] + 1e-5);
            assertEquals(expected, y.data[c], 1e-5);
        }
    }

    @Test
    void batchNormNetworkGradientMatchesFiniteDifferences() {
        Sequential net = Mlp.builder("bn-net", 3).dense(5, Activation.TANH).batchNorm().dense(2, Activation.IDENTITY).build(new SplittableRandom(3));
        Trainable model = new Trainable() {
            public List<Param> params() {
                return net.params();
            }

            public Tensor loss(Tape t, Matrix batch, SplittableRandom rng) {
                return t.meanAll(t.square(t.addScalar(net.forward(t, t.constant(batch)), -0.3f)));
            }
        };
        assertTrue(LossGradientCheck.check(model, gaussian(7, 3, 0, 1, 4), 5, 6) > 20);
    }

    @Test
    void dropoutZeroesAFractionScalesTheRestAndIsSeeded() {
        Dropout a = new Dropout("d", 0.3, 7), b = new Dropout("d", 0.3, 7);
        Tape t = new Tape();
        Matrix x = new Matrix(100, 100);
        x.fill(1f);
        Matrix ya = a.forward(t, t.constant(x)).value, yb = b.forward(t, t.constant(x)).value;
        assertArrayEquals(ya.data, yb.data);
        int zeros = 0;
        for (float v : ya.data) {
            if (v == 0f) zeros++;
            else assertEquals(1 / 0.7f, v, 1e-6);
        }
        assertEquals(0.3, zeros / 10000.0, 0.02);
        a.setTraining(false);
        assertTrue(a.forward(t, t.constant(x)).value == x);
    }

    @Test
    void maskedLinearBlocksMaskedPathsInValueAndGradient() {
        Matrix mask = new Matrix(2, 2, new float[] {1, 1, 0, 1}); // input 1 must not reach output 0
        MaskedLinear l = new MaskedLinear("made", mask, new SplittableRandom(8));
        Tape t = new Tape();
        Tensor y0 = l.forward(t, t.constant(new Matrix(1, 2, new float[] {1, 2})));
        Tensor y1 = l.forward(t, t.constant(new Matrix(1, 2, new float[] {1, 9})));
        assertEquals(y0.value.data[0], y1.value.data[0]);
        assertTrue(y0.value.data[1] != y1.value.data[1]);
        t.backward(t.sumAll(t.add(y0, y1)));
        assertEquals(0f, l.weight.grad().get(1, 0));
        assertTrue(l.weight.grad().get(1, 1) != 0f);
        assertThrows(IllegalArgumentException.class, () -> new MaskedLinear("bad", new Matrix(1, 1, new float[] {0.5f}), new SplittableRandom(1)));
    }
}
