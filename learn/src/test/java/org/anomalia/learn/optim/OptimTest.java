package org.anomalia.learn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.junit.jupiter.api.Test;

class OptimTest {
    static Param param(float... v) {
        return new Param("p", new Matrix(1, v.length, v.clone()));
    }

    @Test
    void adamStepsFollowTheClosedForm() {
        Param p = param(1f, -2f);
        Adam adam = Adam.adam(List.of(p), 0.1);
        p.grad().data[0] = 3f;
        p.grad().data[1] = -0.5f;
        adam.step();
        // First step: m̂ = g, v̂ = g², so the move is lr·g/(|g| + ε) = ±lr.
        assertEquals(0.9f, p.value.data[0], 1e-6);
        assertEquals(-1.9f, p.value.data[1], 1e-6);
        // Second step with gradient g2: m̂ = (0.9·g1 + 0.1·g2)/(1 − 0.9²), v̂ = (0.999·g1² + 0.001·g2²)/(1 − 0.999²).
        p.grad().data[0] = 1f;
        adam.step();
        double m = (0.9 * 0.1 * 3 + 0.1 * 1) / (1 - 0.81), v = (0.999 * 0.001 * 9 + 0.001 * 1) / (1 - 0.999 * 0.999);
        assertEquals(0.9 - 0.1 * m / (Math.sqrt(v) + 1e-8), p.value.data[0], 1e-5);
    }

    @Test
    void weightDecayIsDecoupledInAdamWAndAGradientInAdam() {
        Param w = param(2f), a = param(2f);
        Adam adamW = Adam.adamW(List.of(w), 0.01, 0.5);
        Adam adamL2 = new Adam(List.of(a), 0.01, 0.9, 0.999, 1e-8, 0.5, false);
        adamW.step();
        adamL2.step();
        assertEquals(2 * (1 - 0.01 * 0.5), w.value.data[0], 1e-6, "AdamW with zero gradient only shrinks");
        assertEquals(2 - 0.01, a.value.data[0], 1e-6, "L2 decay acts as the gradient 0.5·w");
    }

    @Test
    void clippingScalesTheGlobalNorm() {
        Param p = param(0f, 0f), q = param(0f);
        p.grad().data[0] = 3f;
        p.grad().data[1] = 0f;
        q.grad().data[0] = 4f;
        assertEquals(5.0, GradClip.clipNorm(List.of(p, q), 1.0), 1e-9);
        assertEquals(1.0, GradClip.norm(List.of(p, q)), 1e-5);
        assertEquals(0.6f, p.grad().data[0], 1e-5);
        assertEquals(1.0, GradClip.clipNorm(List.of(p, q), 2.0), 1e-5);
        assertEquals(0.6f, p.grad().data[0], 1e-5);
    }

    @Test
    void schedules() {
        LrSchedule step = LrSchedule.step(10, 0.5);
        assertEquals(1.0, step.lr(9, 1.0, Double.NaN));
        assertEquals(0.25, step.lr(25, 1.0, Double.NaN));
        LrSchedule cos = LrSchedule.cosine(10, 0.1);
        assertEquals(1.0, cos.lr(0, 1.0, Double.NaN), 1e-12);
        assertEquals(0.55, cos.lr(5, 1.0, Double.NaN), 1e-12);
        assertEquals(0.1, cos.lr(10, 1.0, Double.NaN), 1e-12);
        LrSchedule plateau = LrSchedule.reduceOnPlateau(0.1, 1, 1e-3);
        double[] losses = {Double.NaN, 5, 4, 4.5, 4.2, 4.1, 3.0, 3.5, 3.6};
        double[] expected = {1, 1, 1, 1, 0.1, 0.1, 0.1, 0.1, 0.01};
        for (int e = 0; e < losses.length; e++) assertEquals(expected[e], plateau.lr(e, 1.0, losses[e]), 1e-12, "epoch " + e);
    }
}
