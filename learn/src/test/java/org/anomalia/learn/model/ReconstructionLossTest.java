package org.anomalia.learn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.train.LossGradientCheck;
import org.anomalia.learn.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four reconstruction losses: values by hand, derivatives by finite differences, whole-model gradients, save/load. */
class ReconstructionLossTest {
    static final ReconstructionLoss[] ALL = {ReconstructionLoss.MSE, new ReconstructionLoss(ReconstructionLoss.Kind.MAE, 1),
            new ReconstructionLoss(ReconstructionLoss.Kind.HUBER, 0.7), new ReconstructionLoss(ReconstructionLoss.Kind.LOGCOSH, 1)};

    @Test
    void valuesByHand() {
        // r = 2: MSE 4, MAE 2, Huber(0.7) 0.7·(2 − 0.35) = 1.155, log cosh 2 = log((e² + e⁻²)/2) = 1.3250027.
        assertEquals(4, ALL[0].value(2), 1e-15);
        assertEquals(2, ALL[1].value(-2), 1e-15);
        assertEquals(1.155, ALL[2].value(2), 1e-15);
        assertEquals(0.5 * 0.25, ALL[2].value(-0.5), 1e-15);
        assertEquals(Math.log(Math.cosh(2)), ALL[3].value(2), 1e-15);
        assertEquals(1000 - Math.log(2), ALL[3].value(-1000), 1e-12); // no overflow far out
    }

    @Test
    void derivativesMatchFiniteDifferencesInDouble() {
        double h = 1e-6;
        for (ReconstructionLoss l : ALL) {
            for (double r : new double[] {-3.1, -0.9, -0.2, 0.05, 0.4, 0.69, 0.71, 2.5}) {
                double fd = (l.value(r + h) - l.value(r - h)) / (2 * h);
                assertEquals(fd, l.derivative(r), 1e-7, l.label() + " at " + r);
            }
        }
    }

    @Test
    void autoencoderGradientsForEachLoss() {
        Matrix batch = AutoencoderTest.sample(AutoencoderTest.mixing(), 24, 5);
        for (ReconstructionLoss l : ALL) {
            Autoencoder ae = new Autoencoder(new Autoencoder.Config(8, new int[] {6}, 3, Activation.SILU, l), 9);
            ae.fit(batch, new TrainConfig().withEpochs(1).withBatchSize(24).withSeed(1).withProgress(false)); // fits the standardisation
            assertTrue(LossGradientCheck.check(ae, batch, 7, 4) > 10, l.label());
        }
    }

    @Test
    void scoreIsTheLossAveragedOverColumnsAndSurvivesSaveLoad(@TempDir Path dir) {
        Matrix x = AutoencoderTest.sample(AutoencoderTest.mixing(), 200, 8);
        ReconstructionLoss huber = ALL[2];
        Autoencoder ae = new Autoencoder(new Autoencoder.Config(8, new int[] {8}, 2, Activation.RELU, huber), 4);
        ae.fit(x, new TrainConfig().withEpochs(2).withBatchSize(50).withSeed(2).withProgress(false));
        double[] s = ae.score(x);
        // By hand from the reconstruction: mean over columns of huber(r) in standardised units.
        Matrix rec = ae.reconstruct(x);
        double[] mean = new double[8], sd = new double[8];
        for (int c = 0; c < 8; c++) {
            for (int r = 0; r < 200; r++) mean[c] += x.get(r, c) / 200.0;
            for (int r = 0; r < 200; r++) sd[c] += Math.pow(x.get(r, c) - mean[c], 2) / 200.0;
            sd[c] = Math.sqrt(sd[c]);
        }
        for (int r = 0; r < 5; r++) {
            double e = 0;
            for (int c = 0; c < 8; c++) e += huber.value((rec.get(r, c) - x.get(r, c)) / sd[c]);
            assertEquals(e / 8, s[r], 2e-3 * Math.max(1, e / 8), "row " + r);
        }
        Path f = dir.resolve("ae.model");
        ae.save(f);
        Autoencoder back = Autoencoder.load(f);
        assertEquals(huber, back.config().loss());
        double[] s2 = back.score(x);
        for (int r = 0; r < s.length; r++) assertEquals(s[r], s2[r], 0.0);
    }
}
