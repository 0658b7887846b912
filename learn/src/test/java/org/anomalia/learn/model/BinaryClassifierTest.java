package org.anomalia.learn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.train.LossGradientCheck;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two 2-D Gaussians, class 1 at (1, 0.5) and class 0 at (−1, −0.5), unit covariance: the exact
 * log-likelihood ratio is Δμ·x (the means are symmetric about 0), so the Bayes posterior is
 * σ(Δμ·x + log(n₁/n₀)), or σ(Δμ·x) with balanced class weights.
 */
class BinaryClassifierTest {
    static final double[] MU = {1.0, 0.5};

    static double llr(Matrix x, int r) {
        return 2 * (MU[0] * x.get(r, 0) + MU[1] * x.get(r, 1));
    }

    record Data(Matrix x, float[] y) {}

    static Data sample(int n1, int n0, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = new Matrix(n1 + n0, 2);
        float[] y = new float[n1 + n0];
        for (int r = 0; r < n1 + n0; r++) {
            y[r] = r < n1 ? 1f : 0f;
            double s = r < n1 ? 1 : -1;
            x.set(r, 0, (float) (s * MU[0] + rng.nextGaussian()));
            x.set(r, 1, (float) (s * MU[1] + rng.nextGaussian()));
        }
        return new Data(x, y);
    }

    static double meanAbsError(BinaryClassifier c, Matrix x, double logPrior) {
        double[] p = c.predict(x);
        double e = 0;
        for (int r = 0; r < x.rows; r++) e += Math.abs(p[r] - 1 / (1 + Math.exp(-(llr(x, r) + logPrior))));
        return e / x.rows;
    }

    @Test
    void probabilitiesMatchTheBayesPosteriorWithAndWithoutClassWeights() {
        Data d = sample(2000, 8000, 1);
        Matrix test = sample(500, 500, 2).x;
        TrainConfig tc = new TrainConfig().withEpochs(15).withBatchSize(128).withLr(3e-3).withSeed(3).withProgress(false);
        BinaryClassifier plain = new BinaryClassifier(new BinaryClassifier.Config(2, new int[] {16, 16}, Activation.RELU, 0), 4);
        plain.fit(d.x, d.y, null, null, tc);
        BinaryClassifier balanced = new BinaryClassifier(new BinaryClassifier.Config(2, new int[] {16, 16}, Activation.RELU, 0), 4);
        double[] cw = BinaryClassifier.balancedClassWeights(d.y);
        assertEquals(10000 / (2.0 * 8000), cw[0], 1e-12);
        assertEquals(10000 / (2.0 * 2000), cw[1], 1e-12);
        balanced.fit(d.x, d.y, null, cw, tc);
        double ePlain = meanAbsError(plain, test, Math.log(2000 / 8000.0));
        double eBalanced = meanAbsError(balanced, test, 0);
        double eWrongPrior = meanAbsError(balanced, test, Math.log(2000 / 8000.0));
        System.out.printf("Classifier: mean |p - Bayes posterior| %.4f (priors 1:4), %.4f (balanced weights); balanced vs unweighted posterior %.4f%n",
                ePlain, eBalanced, eWrongPrior);
        assertTrue(ePlain < 0.03, "unweighted: " + ePlain);
        assertTrue(eBalanced < 0.03, "balanced: " + eBalanced);
        assertTrue(eWrongPrior > 0.1, "class weights shift the posterior: " + eWrongPrior);
    }

    @Test
    void lossGradientMatchesFiniteDifferences() {
        BinaryClassifier c = new BinaryClassifier(new BinaryClassifier.Config(3, new int[] {4}, Activation.TANH, 0), 5);
        SplittableRandom rng = new SplittableRandom(6);
        Matrix batch = new Matrix(8, 5);
        for (int r = 0; r < 8; r++) {
            for (int j = 0; j < 3; j++) batch.set(r, j, (float) rng.nextGaussian());
            batch.set(r, 3, r % 2);
            batch.set(r, 4, (float) rng.nextDouble(0.5, 2));
        }
        assertTrue(LossGradientCheck.check(c, batch, 7, 5) > 10);
    }

    @Test
    void saveLoadAndBadLabels(@TempDir Path dir) {
        Data d = sample(200, 200, 8);
        BinaryClassifier c = new BinaryClassifier(new BinaryClassifier.Config(2, new int[] {8}, Activation.RELU, 0.1), 9);
        c.fit(d.x, d.y, null, null, new TrainConfig().withEpochs(2).withSeed(10).withProgress(false));
        Path file = dir.resolve("c.model");
        c.save(file);
        assertArrayEquals(c.predict(d.x), BinaryClassifier.load(file).predict(d.x));
        d.y[17] = 2f;
        UserException e = assertThrows(UserException.class, () -> c.fit(d.x, d.y, null, null, new TrainConfig().withProgress(false)));
        assertTrue(e.getMessage().contains("row 17"), e.getMessage());
    }
}
