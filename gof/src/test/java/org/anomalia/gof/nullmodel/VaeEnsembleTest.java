package org.anomalia.gof.nullmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.gof.Seeds;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.model.Vae;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.train.TrainConfig;
import org.junit.jupiter.api.Test;

/**
 * The VAE ensemble's density is the mean of its members' densities: each bound combined as −log mean exp(−score)
 * over the members, each member evaluated with its own draws; one member is the plain VAE.
 */
class VaeEnsembleTest {
    private static final int K = 8;
    private static final long SEED = 11;

    @Test
    void ensembleIsTheMeanOfTheMembersDensities() {
        Matrix rows = rows(300, 1);
        Vae a = trained(rows, 2), b = trained(rows, 3);
        Vae.Scores got = VaeNullModel.ensembleScores(List.of(a, b), rows, K, SEED);
        Vae.Scores sa = a.evaluate(rows, K, Seeds.derive(SEED, Seeds.EVALUATE)), sb = b.evaluate(rows, K, Seeds.derive(SEED, "vae evaluate", 1));
        for (int i = 0; i < rows.rows; i++) {
            double iwae = -Math.log(0.5 * (Math.exp(-sa.negLogLikelihoodIwae()[i]) + Math.exp(-sb.negLogLikelihoodIwae()[i])));
            double elbo = -Math.log(0.5 * (Math.exp(-sa.negElbo()[i]) + Math.exp(-sb.negElbo()[i])));
            assertEquals(iwae, got.negLogLikelihoodIwae()[i], 1e-9 * Math.max(1, Math.abs(iwae)), "IWAE row " + i);
            assertEquals(elbo, got.negElbo()[i], 1e-9 * Math.max(1, Math.abs(elbo)), "ELBO row " + i);
            // a mean of two densities lies between half the larger and the larger
            double best = Math.min(sa.negLogLikelihoodIwae()[i], sb.negLogLikelihoodIwae()[i]);
            assertTrue(got.negLogLikelihoodIwae()[i] >= best - 1e-12 && got.negLogLikelihoodIwae()[i] <= best + Math.log(2) + 1e-12, "row " + i);
        }
    }

    @Test
    void oneMemberIsThePlainVae() {
        Matrix rows = rows(200, 4);
        Vae a = trained(rows, 5);
        Vae.Scores got = VaeNullModel.ensembleScores(List.of(a), rows, K, SEED);
        Vae.Scores own = a.evaluate(rows, K, Seeds.derive(SEED, Seeds.EVALUATE));
        assertArrayEquals(own.negLogLikelihoodIwae(), got.negLogLikelihoodIwae(), 1e-12);
        assertArrayEquals(own.negElbo(), got.negElbo(), 1e-12);
    }

    private static Vae trained(Matrix rows, long seed) {
        Vae v = new Vae(new Vae.Config(rows.cols, new int[] {8}, 2, Activation.ELU, 1.0, 1), seed);
        v.fit(rows, rows, new TrainConfig().withEpochs(2).withBatchSize(50).withLr(3e-3).withSeed(seed));
        return v;
    }

    /** Correlated 3-column rows with unit noise: a curve plus N(0, 1). */
    private static Matrix rows(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double t = rng.nextGaussian();
            out[i] = new double[] {3 * t + rng.nextGaussian(), t * t + rng.nextGaussian(), -2 * t + rng.nextGaussian()};
        }
        return Matrix.ofRows(out);
    }
}
