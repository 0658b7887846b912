package org.anomalia.learn.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exactness of every flow type with random (non-trivial) weights: inversion, log-determinants
 * against numerically differentiated Jacobians, gradients of the loss against finite
 * differences, determinism and file round trips.
 */
class FlowMathTest {
    static Stream<FlowConfig> configs() {
        return Stream.of(
                FlowConfig.maf(3, 0, 3, 16, true),
                FlowConfig.maf(3, 2, 3, 16, true),
                FlowConfig.maf(1, 1, 2, 8, false),
                FlowConfig.realNvp(3, 0, 3, 16, 2),
                FlowConfig.realNvp(2, 1, 3, 16, 1),
                FlowConfig.splineCoupling(3, 0, 3, 16, 2, 6, 3.0),
                FlowConfig.splineCoupling(2, 1, 3, 16, 2, 5, 2.5),
                FlowConfig.splineCoupling(1, 2, 2, 8, 1, 4, 3.0));
    }

    /** A flow whose weights are all random (couplings start as the identity otherwise) and whose BatchNorm statistics are not trivial. */
    static NormalizingFlow randomFlow(FlowConfig cfg, long seed) {
        NormalizingFlow f = new NormalizingFlow(cfg, seed);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (Param p : f.params()) {
            for (int i = 0; i < p.value.size(); i++) p.value.data[i] += (float) (0.1 * rng.nextGaussian());
        }
        for (Matrix b : f.buffers()) {
            for (int i = 0; i < b.size(); i++) b.data[i] = (float) (i % 2 == 0 ? 0.2 + rng.nextDouble() : rng.nextGaussian() * 0.3 + 1.2);
        }
        return f;
    }

    static Matrix gaussian(int rows, int cols, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) m.data[i] = (float) (scale * rng.nextGaussian());
        return m;
    }

    static Matrix context(FlowConfig cfg, int rows, long seed) {
        return cfg.context() == 0 ? null : gaussian(rows, cfg.context(), 1, seed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void inverseUndoesForwardAndTheirLogDetsCancel(FlowConfig cfg) {
        NormalizingFlow f = randomFlow(cfg, 11);
        Matrix x = gaussian(500, cfg.features(), 1.5, 12), c = context(cfg, 500, 13);
        NormalizingFlow.Transformed z = f.forward(x, c);
        NormalizingFlow.Transformed back = f.inverse(z.values(), c);
        double worst = 0, worstDet = 0;
        for (int i = 0; i < x.size(); i++) worst = Math.max(worst, Math.abs(back.values().data[i] - x.data[i]));
        for (int r = 0; r < x.rows; r++) worstDet = Math.max(worstDet, Math.abs(z.logDet()[r] + back.logDet()[r]));
        System.out.printf("%s: round trip %.2e, log-det sum %.2e%n", cfg, worst, worstDet);
        assertTrue(worst < 1e-4, cfg + ": round trip error " + worst);
        assertTrue(worstDet < 1e-4, cfg + ": log-det mismatch " + worstDet);
    }

    /**
     * ReLU conditioners make flows piecewise smooth; a finite difference whose stencil straddles a
     * kink is wrong by the size of the jump. Such points show up as a disagreement between steps h
     * and h/2 and are skipped (at most a few may be).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void logDetIsTheLogDeterminantOfTheNumericalJacobian(FlowConfig cfg) {
        NormalizingFlow f = randomFlow(cfg, 21);
        int d = cfg.features(), n = 20;
        Matrix x = gaussian(n, d, 1.2, 22), c = context(cfg, n, 23);
        double[] logDet = f.forward(x, c).logDet();
        double worst = 0;
        int used = 0;
        for (int r = 0; r < n; r++) {
            double[][] jac = jacobian(f, x, c, r, 2e-3), half = jacobian(f, x, c, r, 1e-3);
            boolean smooth = true;
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) smooth &= Math.abs(jac[i][j] - half[i][j]) < 1e-3 * (1 + Math.abs(jac[i][j]));
            if (!smooth) continue;
            used++;
            worst = Math.max(worst, Math.abs(logAbsDet(jac) - logDet[r]));
        }
        System.out.printf("%s: log-det vs numerical Jacobian %.2e (%d of %d points)%n", cfg, worst, used, n);
        assertTrue(used >= n * 3 / 4, cfg + ": only " + used + " of " + n + " points away from kinks");
        assertTrue(worst < 1e-3, cfg + ": log|det J| differs from the numerical Jacobian by " + worst);
    }

    /** Central-difference Jacobian ∂z/∂x at row r (steps as actually representable in float). */
    static double[][] jacobian(NormalizingFlow f, Matrix x, Matrix c, int r, double h) {
        int d = x.cols;
        double[][] jac = new double[d][d];
        Matrix cs = c == null ? null : new Matrix(1, c.cols, java.util.Arrays.copyOfRange(c.data, r * c.cols, (r + 1) * c.cols));
        for (int j = 0; j < d; j++) {
            Matrix up = new Matrix(1, d, java.util.Arrays.copyOfRange(x.data, r * d, (r + 1) * d));
            Matrix down = new Matrix(1, d, up.data.clone());
            up.data[j] += (float) h;
            down.data[j] -= (float) h;
            Matrix zu = f.forward(up, cs).values(), zd = f.forward(down, cs).values();
            for (int i = 0; i < d; i++) jac[i][j] = ((double) zu.data[i] - zd.data[i]) / ((double) up.data[j] - down.data[j]);
        }
        return jac;
    }

    /** log|det| by Gaussian elimination with partial pivoting. */
    static double logAbsDet(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) m[i] = a[i].clone();
        double s = 0;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
            double[] t = m[k];
            m[k] = m[p];
            m[p] = t;
            s += Math.log(Math.abs(m[k][k]));
            for (int i = k + 1; i < n; i++) {
                double q = m[i][k] / m[k][k];
                for (int j = k; j < n; j++) m[i][j] -= q * m[k][j];
            }
        }
        return s;
    }

    /**
     * The analytic gradient of the training loss along random unit directions of parameter space
     * equals a central difference of the loss (training mode, so BatchNorm uses batch statistics).
     * Directions whose differences at ε and ε/2 disagree cross a ReLU kink and are skipped.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void lossGradientMatchesFiniteDifferences(FlowConfig cfg) {
        NormalizingFlow f = randomFlow(cfg, 31);
        Matrix x = gaussian(64, cfg.features(), 1.2, 32), c = context(cfg, 64, 33);
        Matrix batch = f.joined(x, c, "test batch");
        f.setTraining(true);
        Tape tape = new Tape();
        Tensor loss = f.loss(tape, batch, null);
        for (Param p : f.params()) p.zeroGrad();
        tape.backward(loss);
        SplittableRandom rng = new SplittableRandom(34);
        int used = 0, trials = 10;
        for (int trial = 0; trial < trials; trial++) {
            double analytic = 0, norm = 0;
            var dirs = new java.util.ArrayList<float[]>();
            for (Param p : f.params()) {
                float[] v = new float[p.value.size()];
                for (int i = 0; i < v.length; i++) norm += (v[i] = (float) rng.nextGaussian()) * v[i];
                dirs.add(v);
            }
            int k = 0;
            for (Param p : f.params()) {
                float[] v = dirs.get(k++);
                for (int i = 0; i < v.length; i++) {
                    v[i] /= (float) Math.sqrt(norm);
                    analytic += v[i] * p.grad().data[i];
                }
            }
            double fd = difference(f, dirs, tape, batch, 1e-3), fdHalf = difference(f, dirs, tape, batch, 5e-4);
            if (Math.abs(fd - fdHalf) > 2e-3 * (1 + Math.abs(fd))) continue;
            used++;
            assertEquals(analytic, fd, 5e-3 * (1 + Math.abs(analytic)), cfg + " direction " + trial);
        }
        assertTrue(used >= 6, cfg + ": only " + used + " of " + trials + " directions away from kinks");
    }

    private static double difference(NormalizingFlow f, java.util.List<float[]> dirs, Tape tape, Matrix batch, double eps) {
        shift(f, dirs, eps);
        tape.reset();
        double up = f.loss(tape, batch, null).item();
        shift(f, dirs, -2 * eps);
        tape.reset();
        double down = f.loss(tape, batch, null).item();
        shift(f, dirs, eps);
        return (up - down) / (2 * eps);
    }

    private static void shift(NormalizingFlow f, java.util.List<float[]> dirs, double by) {
        int k = 0;
        for (Param p : f.params()) {
            float[] v = dirs.get(k++);
            for (int i = 0; i < v.length; i++) p.value.data[i] += (float) (by * v[i]);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndSamples() {
        FlowConfig cfg = FlowConfig.maf(2, 1, 3, 16, true);
        Matrix x = gaussian(2000, 2, 1, 41), c = gaussian(2000, 1, 1, 42);
        NormalizingFlow a = new NormalizingFlow(cfg, 5), b = new NormalizingFlow(cfg, 5);
        TrainConfig tc = new TrainConfig().withEpochs(2).withBatchSize(128).withLr(1e-3).withSeed(9).withProgress(false);
        a.fit(x, c, tc);
        b.fit(x, c, tc);
        for (int i = 0; i < a.params().size(); i++) assertArrayEquals(a.params().get(i).value.data, b.params().get(i).value.data);
        assertArrayEquals(a.sample(100, gaussian(100, 1, 1, 43), 7).data, b.sample(100, gaussian(100, 1, 1, 43), 7).data);
        // The best epochs can be rebuilt as flows of their own (CATHODE's ensembles): the best one is the trained flow.
        NormalizingFlow c0 = new NormalizingFlow(cfg, 5);
        var h = c0.fit(x, c, new TrainConfig().withEpochs(3).withBatchSize(128).withLr(1e-3).withSeed(9).withKeepBest(2).withProgress(false));
        Matrix probe = gaussian(20, 2, 1, 44), probeC = gaussian(20, 1, 1, 45);
        assertArrayEquals(c0.logProb(probe, probeC), c0.fromSnapshot(h.best().get(0), x, c).logProb(probe, probeC));
        assertTrue(c0.logProb(probe, probeC)[0] != c0.fromSnapshot(h.best().get(1), x, c).logProb(probe, probeC)[0]);
        // An explicit validation set: the validation loss reported is the mean −log p of those rows.
        NormalizingFlow v = new NormalizingFlow(cfg, 5);
        Matrix vx = gaussian(300, 2, 1, 46), vc = gaussian(300, 1, 1, 47);
        var hv = v.fit(x, c, vx, vc, new TrainConfig().withEpochs(1).withBatchSize(128).withLr(1e-3).withSeed(9).withProgress(false));
        v.setTraining(false);
        double[] lp = v.fromSnapshot(hv.best().get(0), x, c).logProb(vx, vc);
        assertTrue(hv.last().valLoss() > 0 && Double.isFinite(hv.last().valLoss()));
        assertEquals(-java.util.Arrays.stream(lp).average().orElseThrow(), hv.last().valLoss(), 0.2, "validation loss (before BatchNorm calibration)");
        NormalizingFlow other = new NormalizingFlow(cfg, 6);
        other.fit(x, c, tc);
        assertTrue(a.params().get(0).value.data[0] != other.params().get(0).value.data[0]);
    }

    @Test
    void saveAndLoadGiveTheSameDensity(@TempDir Path dir) throws Exception {
        for (FlowConfig cfg : configs().toList()) {
            NormalizingFlow f = randomFlow(cfg, 51);
            Matrix x = gaussian(50, cfg.features(), 1, 52), c = context(cfg, 50, 53);
            Path file = dir.resolve(cfg.kind() + "-" + cfg.context() + ".model");
            f.save(file);
            NormalizingFlow g = NormalizingFlow.load(file);
            assertEquals(cfg, g.config());
            assertArrayEquals(f.logProb(x, c), g.logProb(x, c), cfg.toString());
        }
        Path bad = dir.resolve("truncated.model");
        Files.write(bad, java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve("MAF-0.model")), 100));
        org.junit.jupiter.api.Assertions.assertThrows(org.anomalia.numerics.UserException.class, () -> NormalizingFlow.load(bad));
    }
}
