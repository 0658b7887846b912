package org.anomalia.learn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RationalQuadraticSplineTest {
    private static RationalQuadraticSpline.Knots random(SplittableRandom rng, int k, double bound) {
        double[] w = new double[k], h = new double[k], d = new double[k - 1];
        for (int i = 0; i < k; i++) {
            w[i] = 2 * rng.nextGaussian();
            h[i] = 2 * rng.nextGaussian();
        }
        for (int i = 0; i < k - 1; i++) d[i] = 2 * rng.nextGaussian();
        return RationalQuadraticSpline.knots(w, h, d, bound);
    }

    @Test
    void interpolatesTheKnotsWithTheirDerivatives() {
        SplittableRandom rng = new SplittableRandom(1);
        var kn = random(rng, 8, 3);
        for (int i = 1; i < 8; i++) {
            double x = kn.xs()[i];
            assertEquals(kn.ys()[i], RationalQuadraticSpline.forward(kn, x)[0], 1e-12);
            // derivative at the knot from both sides
            double h = 1e-7;
            double left = (RationalQuadraticSpline.forward(kn, x)[0] - RationalQuadraticSpline.forward(kn, x - h)[0]) / h;
            double right = (RationalQuadraticSpline.forward(kn, x + h)[0] - RationalQuadraticSpline.forward(kn, x)[0]) / h;
            assertEquals(kn.ds()[i], left, 1e-5 * Math.max(1, kn.ds()[i]) * 100);
            assertEquals(kn.ds()[i], right, 1e-5 * Math.max(1, kn.ds()[i]) * 100);
        }
        assertEquals(-3, kn.xs()[0]);
        assertEquals(3, kn.ys()[8]);
    }

    @Test
    void inverseUndoesForwardAndLogDetMatchesTheDerivative() {
        SplittableRandom rng = new SplittableRandom(2);
        double worstRound = 0, worstDet = 0;
        for (int trial = 0; trial < 50; trial++) {
            var kn = random(rng, 1 + rng.nextInt(12), 0.5 + 4 * rng.nextDouble());
            for (int j = 0; j < 40; j++) {
                double x = (rng.nextDouble() * 2 - 1) * kn.bound() * 1.2;
                double[] f = RationalQuadraticSpline.forward(kn, x);
                double[] g = RationalQuadraticSpline.inverse(kn, f[0]);
                worstRound = Math.max(worstRound, Math.abs(g[0] - x));
                assertEquals(-f[1], g[1], 1e-9);
                double h = 1e-6;
                double num = (RationalQuadraticSpline.forward(kn, x + h)[0] - RationalQuadraticSpline.forward(kn, x - h)[0]) / (2 * h);
                worstDet = Math.max(worstDet, Math.abs(Math.log(num) - f[1]));
                assertTrue(f[1] > -20 && f[1] < 20);
            }
        }
        assertTrue(worstRound < 1e-10, "round trip " + worstRound);
        assertTrue(worstDet < 1e-5, "log-det " + worstDet);
    }

    @Test
    void identityOutsideTheBound() {
        var kn = random(new SplittableRandom(3), 5, 2);
        assertEquals(2.5, RationalQuadraticSpline.forward(kn, 2.5)[0]);
        assertEquals(0.0, RationalQuadraticSpline.forward(kn, -7)[1]);
        assertEquals(-2.0, RationalQuadraticSpline.inverse(kn, -2.0)[0]);
    }

    @Test
    void isMonotonic() {
        var kn = random(new SplittableRandom(4), 10, 3);
        double prev = Double.NEGATIVE_INFINITY;
        for (double x = -4; x <= 4; x += 1e-3) {
            double y = RationalQuadraticSpline.forward(kn, x)[0];
            assertTrue(y > prev, "at " + x);
            prev = y;
        }
    }
}
