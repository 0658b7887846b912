package org.anomalia.learn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.optim.LrSchedule;
import org.anomalia.learn.train.LossGradientCheck;
import org.anomalia.learn.train.TrainConfig;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoencoderTest {
    static final int D = 8, K = 4;
    static final double NOISE = 0.1;

    /** x = A·z + σ·ε with z ~ N(0, I₄): 8-D data near a 4-D linear subspace. */
    static double[][] mixing() {
        SplittableRandom rng = new SplittableRandom(100);
        double[][] a = new double[D][K];
        for (double[] row : a) for (int j = 0; j < K; j++) row[j] = rng.nextGaussian();
        return a;
    }

    static Matrix sample(double[][] a, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = new Matrix(n, D);
        double[] z = new double[K];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < K; j++) z[j] = rng.nextGaussian();
            for (int i = 0; i < D; i++) {
                double s = NOISE * rng.nextGaussian();
                for (int j = 0; j < K; j++) s += a[i][j] * z[j];
                m.set(r, i, (float) s);
            }
        }
        return m;
    }

    /**
     * The best possible mean squared error of any rank-4 linear reconstruction of the
     * standardised data: the mean of the 4 smallest eigenvalues of its correlation matrix (PCA),
     * over 8 coordinates. For Gaussian data no 4-D bottleneck does better.
     */
    static double pcaFloor(double[][] a) {
        SimpleMatrix cov = new SimpleMatrix(D, D);
        for (int i = 0; i < D; i++) for (int j = 0; j < D; j++) {
            double s = i == j ? NOISE * NOISE : 0;
            for (int k = 0; k < K; k++) s += a[i][k] * a[j][k];
            cov.set(i, j, s);
        }
        SimpleMatrix corr = new SimpleMatrix(D, D);
        for (int i = 0; i < D; i++) for (int j = 0; j < D; j++) corr.set(i, j, cov.get(i, j) / Math.sqrt(cov.get(i, i) * cov.get(j, j)));
        double[] ev = new double[D];
        var eig = corr.eig();
        for (int i = 0; i < D; i++) ev[i] = eig.getEigenvalue(i).getReal();
        Arrays.sort(ev);
        return (ev[0] + ev[1] + ev[2] + ev[3]) / D;
    }

    @Test
    void reconstructionErrorReachesTheNoiseFloorOfTheSubspace() {
        double[][] a = mixing();
        Matrix train = sample(a, 10000, 1), test = sample(a, 2000, 2);
        Autoencoder ae = new Autoencoder(new Autoencoder.Config(D, new int[] {32, 32}, K, Activation.SILU), 3);
        ae.fit(train, new TrainConfig().withEpochs(25).withBatchSize(128).withLr(3e-3).withSeed(4).withProgress(false).withSchedule(LrSchedule.cosine(25, 1e-4)));
        double mse = VaeTest.mean(ae.score(test)), floor = pcaFloor(a);
        // Noise variance per coordinate in standardised units, for scale.
        double noise = 0;
        for (double[] row : a) {
            double v = NOISE * NOISE;
            for (double x : row) v += x * x;
            noise += NOISE * NOISE / v / D;
        }
        System.out.printf("Autoencoder 8-D near a 4-D subspace: mean squared error %.5f, PCA floor %.5f, noise variance %.5f (standardised units)%n", mse, floor, noise);
        assertTrue(mse > 0.8 * floor, "cannot beat the rank-4 floor by much: " + mse + " vs " + floor);
        assertTrue(mse < 1.5 * floor, "reaches the rank-4 floor: " + mse + " vs " + floor);
        assertTrue(mse < 2 * noise, "error at the noise level: " + mse + " vs noise " + noise);
        Matrix rec = ae.reconstruct(test);
        double err = 0;
        for (int i = 0; i < rec.size(); i++) err += Math.pow(rec.data[i] - test.data[i], 2);
        assertTrue(err / rec.size() < 3 * NOISE * NOISE, "reconstruction in data units " + err / rec.size());
    }

    @Test
    void lossGradientMatchesFiniteDifferences() {
        Autoencoder ae = new Autoencoder(new Autoencoder.Config(4, new int[] {5}, 2, Activation.SILU), 5);
        Matrix batch = new Matrix(6, 4);
        SplittableRandom rng = new SplittableRandom(6);
        for (int i = 0; i < batch.size(); i++) batch.data[i] = (float) rng.nextGaussian();
        assertTrue(LossGradientCheck.check(ae, batch, 7, 4) > 20);
    }

    @Test
    void saveLoadRoundTripGivesIdenticalScores(@TempDir Path dir) {
        double[][] a = mixing();
        Matrix train = sample(a, 600, 11);
        Autoencoder ae = new Autoencoder(new Autoencoder.Config(D, new int[] {16}, K, Activation.RELU), 12);
        ae.fit(train, new TrainConfig().withEpochs(2).withBatchSize(64).withSeed(13).withProgress(false));
        Path file = dir.resolve("ae.model");
        ae.save(file);
        Autoencoder back = Autoencoder.load(file);
        assertArrayEquals(ae.score(train), back.score(train));
        assertEquals(ae.config().latent(), back.config().latent());
        train.set(3, 5, Float.NaN);
        String m = org.junit.jupiter.api.Assertions.assertThrows(org.anomalia.numerics.UserException.class, () -> back.score(train)).getMessage();
        assertTrue(m.contains("row 3, column 5"), m);
        Matrix wrong = new Matrix(2, D + 1);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.anomalia.numerics.UserException.class, () -> back.score(wrong)).getMessage().contains("expected 8 columns"));
    }
}
