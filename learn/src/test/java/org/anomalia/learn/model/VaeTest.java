package org.anomalia.learn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.optim.LrSchedule;
import org.anomalia.learn.train.LossGradientCheck;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeTest {
    static final int D = 4;

    /** A correlated Gaussian with unequal scales and a non-zero mean. */
    static MultivariateNormal truth() {
        double[] scale = {1.0, 2.0, 0.5, 3.0};
        double[] mean = {1.0, -2.0, 0.5, 10.0};
        double[][] cov = new double[D][D];
        for (int i = 0; i < D; i++) for (int j = 0; j < D; j++) cov[i][j] = Math.pow(0.8, Math.abs(i - j)) * scale[i] * scale[j];
        return MultivariateNormal.of(mean, cov, "test covariance");
    }

    static Matrix sample(MultivariateNormal g, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] l = g.choleskyFactor();
        double[] mu = g.mean();
        Matrix m = new Matrix(n, D);
        double[] w = new double[D];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < D; i++) w[i] = rng.nextGaussian();
            for (int i = 0; i < D; i++) {
                double s = mu[i];
                for (int j = 0; j <= i; j++) s += l[i][j] * w[j];
                m.set(r, i, (float) s);
            }
        }
        return m;
    }

    static double[] exactNegLogP(MultivariateNormal g, Matrix x) {
        double logDet = 0;
        double[][] l = g.choleskyFactor();
        for (int i = 0; i < D; i++) logDet += 2 * Math.log(l[i][i]);
        double[] out = new double[x.rows];
        double[] row = new double[D];
        for (int r = 0; r < x.rows; r++) {
            for (int i = 0; i < D; i++) row[i] = x.get(r, i);
            out[r] = 0.5 * (g.chi2(row) + logDet + D * Math.log(2 * Math.PI));
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static Vae small(long seed) {
        return new Vae(new Vae.Config(D, new int[] {32, 32}, D, Activation.SILU, 1.0), seed);
    }

    @Test
    void negElboIsWithinATenthOfANatOfTheExactDensityAndIwaeIsCloser() {
        MultivariateNormal g = truth();
        Matrix train = sample(g, 12000, 1), test = sample(g, 2000, 2);
        Vae vae = small(3);
        vae.fit(train, new TrainConfig().withEpochs(25).withBatchSize(128).withLr(3e-3).withSeed(4).withProgress(false).withValidationFraction(0.1)
                .withSchedule(LrSchedule.cosine(25, 1e-4)));
        double[] exact = exactNegLogP(g, test);
        Vae.Scores k64 = vae.evaluate(test, 64, 5);
        double[] iwae1 = vae.negLogLikelihoodIwae(test, 1, 5);
        double ex = mean(exact), elbo = mean(k64.negElbo()), iwae = mean(k64.negLogLikelihoodIwae());
        // Standard error of the paired per-row difference (the test set is finite).
        double[] diff = new double[exact.length];
        for (int r = 0; r < diff.length; r++) diff[r] = k64.negLogLikelihoodIwae()[r] - exact[r];
        double md = mean(diff), var = 0;
        for (double v : diff) var += (v - md) * (v - md);
        double se = Math.sqrt(var / (diff.length - 1) / diff.length);
        System.out.printf("VAE on a 4-D correlated Gaussian: exact -log p %.4f, -ELBO %.4f (gap %.4f), -log p_IWAE(K=64) %.4f (gap %.4f, s.e. %.4f), IWAE(K=1) gap %.4f%n",
                ex, elbo, elbo - ex, iwae, iwae - ex, se, mean(iwae1) - ex);
        assertEquals(ex, elbo, 0.1, "-ELBO vs exact -log p");
        assertTrue(iwae - ex < elbo - ex, "IWAE closer than ELBO");
        assertTrue(iwae - ex > -3 * se, "IWAE is a bound on -log p up to the test-set noise");
        assertTrue(iwae < mean(iwae1), "the bound tightens with K");
        for (int r = 0; r < exact.length; r++) assertTrue(k64.negLogLikelihoodIwae()[r] <= k64.negElbo()[r] + 1e-9, "row " + r);
    }

    @Test
    void lossGradientMatchesFiniteDifferences() {
        Vae vae = new Vae(new Vae.Config(3, new int[] {5}, 2, Activation.TANH, 0.7), 11);
        Matrix batch = new Matrix(6, 3);
        SplittableRandom rng = new SplittableRandom(12);
        for (int i = 0; i < batch.size(); i++) batch.data[i] = (float) rng.nextGaussian();
        assertTrue(LossGradientCheck.check(vae, batch, 13, 4) > 20);
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndSaveLoadRoundTrips(@TempDir Path dir) {
        Matrix train = sample(truth(), 1500, 21);
        TrainConfig tc = new TrainConfig().withEpochs(2).withBatchSize(64).withSeed(22).withProgress(false);
        Vae a = small(23), b = small(23), c = small(24);
        a.fit(train, tc);
        b.fit(train, tc);
        c.fit(train, tc);
        for (int i = 0; i < a.params().size(); i++) {
            Param pa = a.params().get(i), pb = b.params().get(i);
            assertArrayEquals(pa.value.data, pb.value.data, pa.name);
        }
        assertFalse(java.util.Arrays.equals(a.params().get(0).value.data, c.params().get(0).value.data), "another seed, other weights");

        Path file = dir.resolve("vae.model");
        a.save(file);
        Vae loaded = Vae.load(file);
        Matrix test = sample(truth(), 50, 25);
        assertArrayEquals(a.negElbo(test, 8, 26), loaded.negElbo(test, 8, 26));
        assertArrayEquals(a.negLogLikelihoodIwae(test, 8, 26), loaded.negLogLikelihoodIwae(test, 8, 26));
        assertEquals(a.seed(), loaded.seed());
        Matrix s = loaded.sample(20000, 27);
        double m3 = 0;
        for (int r = 0; r < s.rows; r++) m3 += s.get(r, 3);
        assertEquals(10.0, m3 / s.rows, 0.5, "samples are in data units (feature 3 has mean 10, sd 3)");
    }

    @Test
    void nonFiniteTrainingDataNamesRowAndColumn() {
        Matrix train = sample(truth(), 100, 31);
        train.set(57, 2, Float.NaN);
        UserException e = assertThrows(UserException.class, () -> small(1).fit(train, new TrainConfig().withProgress(false)));
        assertTrue(e.getMessage().contains("row 57, column 2"), e.getMessage());
    }

    /** Rows a·ν + σ·w in 4 dimensions: a line thickened by isotropic noise of standard deviation σ. */
    static Matrix noisyLine(int n, double sigma, long seed) {
        double[] a = {1, -2, 0.5, 3};
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = new Matrix(n, D);
        for (int r = 0; r < n; r++) {
            double nu = rng.nextGaussian();
            for (int j = 0; j < D; j++) m.set(r, j, (float) (a[j] * nu + sigma * rng.nextGaussian()));
        }
        return m;
    }

    /** Variance of u·x over the rows for u = (2, 1, 0, 0)/√5, a direction orthogonal to the line. */
    static double varianceAcrossTheLine(Matrix s) {
        double sum = 0, sum2 = 0;
        for (int r = 0; r < s.rows; r++) {
            double v = (2 * s.get(r, 0) + s.get(r, 1)) / Math.sqrt(5);
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / s.rows;
        return sum2 / s.rows - mean * mean;
    }

    @Test
    void decoderVarianceNeverGoesBelowItsFloor(@TempDir Path dir) {
        // The data's noise (variance 0.01) is below the floor of 1: an unbounded decoder follows it, a bounded one cannot.
        Matrix train = noisyLine(4000, 0.1, 41);
        TrainConfig tc = new TrainConfig().withEpochs(6).withBatchSize(64).withLr(3e-3).withSeed(42).withProgress(false);
        Vae free = new Vae(new Vae.Config(D, new int[] {16, 16}, 1, Activation.TANH, 1.0), 43);
        Vae bounded = new Vae(new Vae.Config(D, new int[] {16, 16}, 1, Activation.TANH, 1.0, 1.0), 43);
        free.fit(train, tc);
        bounded.fit(train, tc);
        double vFree = varianceAcrossTheLine(free.sample(20000, 44)), vBounded = varianceAcrossTheLine(bounded.sample(20000, 44));
        System.out.printf("variance across the line: data 0.01, unbounded decoder %.4f, decoder bounded at 1: %.4f%n", vFree, vBounded);
        assertTrue(vFree < 0.5, "the unbounded decoder follows the narrow noise: " + vFree);
        // Every feature has decoder variance ≥ 1, so any unit direction does too (sampling noise of 20 000 draws ≈ 1 %).
        assertTrue(vBounded > 0.96, "bounded decoder: " + vBounded);

        Path file = dir.resolve("bounded.model");
        bounded.save(file);
        Vae loaded = Vae.load(file);
        assertEquals(1.0, loaded.config().minVariance());
        Matrix test = noisyLine(50, 0.1, 45);
        assertArrayEquals(bounded.negElbo(test, 8, 46), loaded.negElbo(test, 8, 46), "the floor survives save and load");
    }

    @Test
    void lossGradientWithVarianceFloorMatchesFiniteDifferences() {
        Vae vae = new Vae(new Vae.Config(3, new int[] {5}, 2, Activation.TANH, 0.7, 0.3), 11);
        Matrix data = new Matrix(40, 3);
        SplittableRandom rng = new SplittableRandom(12);
        for (int i = 0; i < data.size(); i++) data.data[i] = (float) (2 * rng.nextGaussian());
        vae.fit(data, new TrainConfig().withEpochs(1).withBatchSize(8).withSeed(3).withProgress(false)); // sets the standardisation and the floor
        Matrix batch = new Matrix(6, 3);
        System.arraycopy(data.data, 0, batch.data, 0, batch.size());
        assertTrue(LossGradientCheck.check(vae, batch, 13, 4) > 20);
    }
}
