package org.anomalia.learn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.train.TrainConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Flows trained on data whose density is known exactly (about a minute on a busy 2-core machine). */
@Tag("slow")
class FlowTrainingTest {
    /** A two-component 2-D Gaussian mixture: weights, means, covariances [a, b; b, c]. */
    static final double[] W = {0.45, 0.55};
    static final double[][] MU = {{-1.4, -0.3}, {1.2, 0.6}};
    static final double[][] COV = {{0.45, 0.18, 0.35}, {0.30, -0.12, 0.55}};

    static double mixtureLogPdf(double x, double y) {
        double p = 0;
        for (int k = 0; k < 2; k++) p += W[k] * Math.exp(gaussLogPdf(x - MU[k][0], y - MU[k][1], COV[k][0], COV[k][1], COV[k][2]));
        return Math.log(p);
    }

    static double gaussLogPdf(double dx, double dy, double a, double b, double c) {
        double det = a * c - b * b;
        double q = (c * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
        return -0.5 * q - Math.log(2 * Math.PI) - 0.5 * Math.log(det);
    }

    static Matrix mixtureSample(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = new Matrix(n, 2);
        for (int i = 0; i < n; i++) {
            int k = rng.nextDouble() < W[0] ? 0 : 1;
            double a = COV[k][0], b = COV[k][1], c = COV[k][2];
            double l11 = Math.sqrt(a), l21 = b / l11, l22 = Math.sqrt(c - l21 * l21);
            double u = rng.nextGaussian(), v = rng.nextGaussian();
            m.data[2 * i] = (float) (MU[k][0] + l11 * u);
            m.data[2 * i + 1] = (float) (MU[k][1] + l21 * u + l22 * v);
        }
        return m;
    }

    @Test
    void splineFlowLearnsAGaussianMixtureAndIntegratesToOne() {
        Matrix train = mixtureSample(16_000, 1), test = mixtureSample(20_000, 2);
        NormalizingFlow f = new NormalizingFlow(FlowConfig.splineCoupling(2, 0, 4, 32, 2, 8, 5.0), 3);
        f.fit(train, null, new TrainConfig().withEpochs(12).withBatchSize(256).withLr(5e-3).withValidationFraction(0.1).withSeed(4).withProgress(false));
        double[] lp = f.logProb(test, null);
        double gap = 0, truth = 0;
        for (int r = 0; r < test.rows; r++) {
            double t = mixtureLogPdf(test.data[2 * r], test.data[2 * r + 1]);
            truth += t / test.rows;
            gap += (t - lp[r]) / test.rows;
        }
        System.out.printf("spline flow on a Gaussian mixture: true test LL %.4f, learned %.4f, gap %.4f nats/event%n", truth, truth - gap, gap);
        assertTrue(Math.abs(gap) < 0.05, "test log-likelihood gap " + gap);

        double integral = gridIntegral(f, null, 6.0, 240);
        System.out.printf("spline flow density integral on [-6,6]^2: %.5f%n", integral);
        assertEquals(1.0, integral, 0.02);
    }

    /** ∫ exp(log p) over [-L, L]² by the midpoint rule with n×n cells. */
    static double gridIntegral(NormalizingFlow f, Matrix contextRow, double l, int n) {
        Matrix grid = new Matrix(n * n, 2);
        double h = 2 * l / n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grid.data[2 * (i * n + j)] = (float) (-l + (i + 0.5) * h);
                grid.data[2 * (i * n + j) + 1] = (float) (-l + (j + 0.5) * h);
            }
        }
        Matrix c = null;
        if (contextRow != null) {
            c = new Matrix(n * n, contextRow.cols);
            for (int r = 0; r < n * n; r++) System.arraycopy(contextRow.data, 0, c.data, r * c.cols, c.cols);
        }
        double s = 0;
        for (double v : f.logProb(grid, c)) s += Math.exp(v);
        return s * h * h;
    }

    /** x | c ~ N(μ(c), Σ(c)) with c uniform on [-1, 1]: mean, widths and correlation all move with c. */
    static double[] conditionalMoments(double c) {
        return new double[] {1.5 * c, -c + 0.3, 0.5 + 0.25 * c, 0.7 - 0.2 * c, 0.5 * c}; // μ1, μ2, σ1, σ2, ρ
    }

    static double conditionalLogPdf(double x, double y, double c) {
        double[] m = conditionalMoments(c);
        double a = m[2] * m[2], d = m[3] * m[3], b = m[4] * m[2] * m[3];
        return gaussLogPdf(x - m[0], y - m[1], a, b, d);
    }

    /** Rows of x drawn at one fixed context c. */
    static Matrix conditionalSample(int n, long seed, double c) {
        return conditionalSample(n, seed, c, c)[0];
    }

    static Matrix[] conditionalSample(int n, long seed) {
        return conditionalSample(n, seed, -1, 1);
    }

    /** (x, c) with c uniform on [lo, hi] (lo = hi for a fixed context). */
    static Matrix[] conditionalSample(int n, long seed, double lo, double hi) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = new Matrix(n, 2), ctx = new Matrix(n, 1);
        for (int i = 0; i < n; i++) {
            double c = lo == hi ? lo : rng.nextDouble(lo, hi);
            double[] m = conditionalMoments(c);
            double u = rng.nextGaussian(), v = rng.nextGaussian();
            ctx.data[i] = (float) c;
            x.data[2 * i] = (float) (m[0] + m[2] * u);
            x.data[2 * i + 1] = (float) (m[1] + m[3] * (m[4] * u + Math.sqrt(1 - m[4] * m[4]) * v));
        }
        return new Matrix[] {x, ctx};
    }

    @Test
    void conditionalMafLearnsAConditionalGaussian() {
        Matrix[] train = conditionalSample(16_000, 11), test = conditionalSample(20_000, 12);
        NormalizingFlow f = new NormalizingFlow(FlowConfig.maf(2, 1, 4, 32, true), 13);
        f.fit(train[0], train[1], new TrainConfig().withEpochs(15).withBatchSize(256).withLr(3e-3).withValidationFraction(0.1).withSeed(14).withProgress(false));
        double[] lp = f.logProb(test[0], test[1]);
        double gap = 0;
        for (int r = 0; r < test[0].rows; r++) {
            gap += (conditionalLogPdf(test[0].data[2 * r], test[0].data[2 * r + 1], test[1].data[r]) - lp[r]) / test[0].rows;
        }
        System.out.printf("conditional MAF: test log-likelihood gap %.4f nats/event%n", gap);
        assertTrue(Math.abs(gap) < 0.05, "conditional test log-likelihood gap " + gap);

        // At fixed contexts: KL(p(x | c) ‖ model) is small, model samples have the conditional moments,
        // and each slice of the learned density is normalised.
        for (double c : new double[] {-0.5, 0.0, 0.5}) {
            int n = 20_000;
            Matrix ctx = new Matrix(n, 1);
            ctx.fill((float) c);
            Matrix truth = conditionalSample(n, 16, c);
            double[] lq = f.logProb(truth, ctx);
            double kl = 0;
            for (int i = 0; i < n; i++) kl += (conditionalLogPdf(truth.data[2 * i], truth.data[2 * i + 1], c) - lq[i]) / n;
            Matrix s = f.sample(n, ctx, 15);
            double[] m = conditionalMoments(c);
            double m1 = 0, m2 = 0, v1 = 0, v2 = 0, cov = 0;
            for (int i = 0; i < n; i++) {
                m1 += s.data[2 * i] / n;
                m2 += s.data[2 * i + 1] / n;
            }
            for (int i = 0; i < n; i++) {
                double a = s.data[2 * i] - m1, b = s.data[2 * i + 1] - m2;
                v1 += a * a / n;
                v2 += b * b / n;
                cov += a * b / n;
            }
            double rho = cov / Math.sqrt(v1 * v2);
            System.out.printf("c=%.1f: KL %.4f; mean (%.3f, %.3f) vs (%.3f, %.3f); sd (%.3f, %.3f) vs (%.3f, %.3f); rho %.3f vs %.3f%n",
                    c, kl, m1, m2, m[0], m[1], Math.sqrt(v1), Math.sqrt(v2), m[2], m[3], rho, m[4]);
            assertTrue(Math.abs(kl) < 0.05, "KL divergence at c=" + c + ": " + kl);
            assertEquals(m[0], m1, 0.1 * m[2], "mean of x1 at c=" + c);
            assertEquals(m[1], m2, 0.1 * m[3], "mean of x2 at c=" + c);
            assertEquals(m[2], Math.sqrt(v1), 0.08 * m[2], "sd of x1 at c=" + c);
            assertEquals(m[3], Math.sqrt(v2), 0.08 * m[3], "sd of x2 at c=" + c);
            assertEquals(m[4], rho, 0.08, "correlation at c=" + c);
            Matrix row = new Matrix(1, 1, new float[] {(float) c});
            assertEquals(1.0, gridIntegral(f, row, 5.0, 160), 0.02, "∫ p(x | c) dx at c=" + c);
        }
    }
}
