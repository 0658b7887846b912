package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.numerics.stats.SampleMoments;
import org.junit.jupiter.api.Test;

/**
 * The learned models' training-only theory samples: they only add training rows (smeared from their own stream),
 * the null samples, the χ² and the marginal likelihood are bit for bit those of the run without them, and the
 * epochs shrink so that the gradient steps stay those of the split's rows alone. The built-in input draws them
 * from their own stream.
 */
class TrainingSamplesTest {
    private static final LinearToy TOY = LinearToy.standard();

    /** A model that keeps the rows it was given and reuses the toy's exact χ² as its statistic. */
    private static final class Recording implements NullModel {
        final List<double[][]> trainRows = new ArrayList<>();

        @Override
        public TrainedNullModel train(double[][] train, double[][] validation, long seed) {
            trainRows.add(train);
            return TOY.exactModel().train(train, validation, seed);
        }
    }

    private static GofProblem problem() {
        double[] x = TOY.pointWithChi2(6, 1);
        return TOY.problem(x, 2_000, 3).withIntegrationSamples(TOY.draw(5_000, 99), "toy draws");
    }

    @Test
    void trainingRowsOnlyTrainAndChangeNothingElse() {
        GofProblem without = problem();
        double[][] extra = TOY.draw(8_000, 77);
        GofProblem with = without.withTrainingSamples(extra);
        Recording a = new Recording(), b = new Recording();
        GofResult ra = GofAnalysis.run(without, a, 11, 1.0), rb = GofAnalysis.run(with, b, 11, 1.0);

        // everything but the training rows is the same: χ², its null, the marginal's p and ESS, the learned null (test split)
        assertEquals(ra.chi2(), rb.chi2());
        assertArrayEquals(ra.chi2Null(), rb.chi2Null());
        assertEquals(ra.marginal().statistic().pValue().p(), rb.marginal().statistic().pValue().p());
        assertEquals(ra.marginal().essData(), rb.marginal().essData());
        assertEquals(ra.statistics().size(), rb.statistics().size());
        for (int i = 0; i < ra.statistics().size(); i++) {
            assertArrayEquals(ra.statistics().get(i).nullValues(), rb.statistics().get(i).nullValues(), ra.statistics().get(i).name());
        }
        assertEquals(400, rb.statistics().get(1).nullValues().length, "the learned null is the test split (20 % of 2 000)");

        // the model trains on the split's rows, then the extra rows smeared
        double[][] split = a.trainRows.get(0), all = b.trainRows.get(0);
        assertEquals(1_200, split.length);
        assertEquals(split.length + extra.length, all.length);
        for (int i = 0; i < split.length; i++) assertArrayEquals(split[i], all[i]);
        double[][] noise = new double[extra.length][];
        for (int i = 0; i < extra.length; i++) {
            noise[i] = all[split.length + i].clone();
            for (int j = 0; j < noise[i].length; j++) noise[i][j] -= extra[i][j];
        }
        // smeared with Λexp: the added noise has mean 0 and covariance Λexp (8 000 draws: errors ≈ 0.005–0.01)
        double[] mean = SampleMoments.mean(noise);
        double[][] cov = SampleMoments.covariance(noise);
        for (int i = 0; i < mean.length; i++) {
            assertEquals(0, mean[i], 0.02, "noise mean " + i);
            for (int j = 0; j < mean.length; j++) assertEquals(TOY.expCovariance[i][j], cov[i][j], 0.025, "noise covariance " + i + "," + j);
        }

        // same seed, same rows
        Recording c = new Recording();
        GofAnalysis.run(with, c, 11, 1.0);
        assertTrue(Arrays.deepEquals(all, c.trainRows.get(0)));
    }

    @Test
    void epochsKeepTheGradientStepsOfTheSplitAlone() {
        GofProblem without = TOY.problem(TOY.b, 10_000, 1);
        assertEquals(40, GofJob.epochs(40, without));
        GofProblem with = without.withTrainingSamples(TOY.draw(24_000, 2));
        // 6 000 split rows + 24 000 draws: a fifth of the epochs (the rule, whatever the default number of draws)
        assertEquals(8, GofJob.epochs(40, with));
        assertEquals(12, GofJob.epochs(60, with));
        assertEquals(1, GofJob.epochs(2, with));
        // the VAE: at least MIN_VAE_EPOCHS, never more than asked for, untouched without draws
        assertEquals(GofJob.MIN_VAE_EPOCHS, GofJob.vaeEpochs(40, with));
        assertEquals(13, GofJob.vaeEpochs(65, with));
        assertEquals(2, GofJob.vaeEpochs(2, with));
        assertEquals(40, GofJob.vaeEpochs(40, without));
    }

    @Test
    void builtInInputDrawsThemFromTheirOwnStream() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        GofOptions o = new GofOptions(1_000, 1.0, 8, 64, 40, 16, 5, 1.0, GofOptions.DEFAULT_OBSERVABLES, GofOptions.DEFAULT_BINS,
                null, null, GofJob.DEFAULT_OUT, false, GofOptions.DEFAULT_LEARNING_RATE, GofOptions.DEFAULT_CLIP_NORM, null,
                GofMethod.AUTO, 2_000);
        GofProblem p = GofJob.loadProblem(o, quiet);
        assertEquals(1_000, p.sampleCount());
        assertEquals(GofOptions.trainingSamples(1_000), p.trainingSampleCount());
        assertEquals(8_400, p.trainingSampleCount());
        // disjoint from the null samples' and the integration set's draws
        assertFalse(Arrays.equals(p.theorySamples()[0], p.trainingSamples()[0]));
        assertFalse(Arrays.equals(p.integrationSamples()[0], p.trainingSamples()[0]));
        assertNotEquals(p.trainingSamples()[0][0], p.trainingSamples()[1][0]);
        // same seed, same draws
        assertTrue(Arrays.deepEquals(p.trainingSamples(), GofJob.loadProblem(o, quiet).trainingSamples()));
    }
}
