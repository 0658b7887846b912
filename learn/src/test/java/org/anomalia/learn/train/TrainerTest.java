package org.anomalia.learn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.nn.Mlp;
import org.anomalia.learn.nn.Sequential;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** Regression y = f(x) + noise with a small MLP: columns x0, x1, y. */
    static final class Regression implements Trainable {
        final Sequential net;

        Regression(long seed) {
            net = Mlp.builder("reg", 2).dense(16, Activation.TANH).dense(1, Activation.IDENTITY).build(new SplittableRandom(seed));
        }

        public List<Param> params() {
            return net.params();
        }

        public Tensor loss(Tape t, Matrix batch, SplittableRandom rng) {
            Tensor all = t.constant(batch);
            return t.meanAll(t.square(t.sub(net.forward(t, t.sliceCols(all, 0, 2)), t.sliceCols(all, 2, 3))));
        }
    }

    static Matrix data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = new Matrix(n, 3);
        for (int r = 0; r < n; r++) {
            double a = rng.nextGaussian(), b = rng.nextGaussian();
            m.set(r, 0, (float) a);
            m.set(r, 1, (float) b);
            m.set(r, 2, (float) (Math.sin(a) + 0.5 * b + 0.3 * rng.nextGaussian()));
        }
        return m;
    }

    @Test
    void keepsTheKBestEpochsRestoresTheBestAndCallsBack() {
        Regression model = new Regression(1);
        List<EpochResult> seen = new ArrayList<>();
        TrainHistory h = Trainer.fit(model, data(2000, 2), new TrainConfig().withEpochs(8).withBatchSize(32).withLr(1e-2).withKeepBest(3).withSeed(3).withProgress(false).withEpochCallback(seen::add));
        assertEquals(8, h.epochs().size());
        assertEquals(h.epochs(), seen);
        List<EpochResult> sorted = new ArrayList<>(h.epochs());
        sorted.sort(Comparator.comparingDouble(EpochResult::valLoss));
        assertEquals(3, h.best().size());
        for (int i = 0; i < 3; i++) assertEquals(sorted.get(i).epoch(), h.best().get(i).epoch);
        assertTrue(h.last().valLoss() < 0.3, "learns the regression (noise variance 0.09): " + h.last().valLoss());
        // The restored weights are those of the best epoch: their validation loss is the best one.
        Regression copy = new Regression(1);
        h.bestSnapshot().restoreInto(copy);
        assertArrayEquals(copy.params().get(0).value.data, model.params().get(0).value.data);
    }

    @Test
    void anExplicitValidationSetIsTheOneEvaluated() {
        Regression model = new Regression(11);
        Matrix train = data(800, 12), val = data(300, 13);
        TrainHistory h = Trainer.fit(model, train, val, new TrainConfig().withEpochs(3).withBatchSize(32).withSeed(14).withRestoreBest(false).withProgress(false));
        assertEquals(Trainer.meanLoss(model, val, new SplittableRandom(0)), h.last().valLoss(), 1e-12);
        assertEquals(800, h.last().rows(), "every training row is used");
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
        // A learning rate far too high makes the validation loss wander; patience 1 then stops early.
        Regression model = new Regression(4);
        TrainHistory h = Trainer.fit(model, data(500, 5), new TrainConfig().withEpochs(200).withBatchSize(16).withLr(0.05).withPatience(2).withSeed(6).withProgress(false));
        assertTrue(h.stoppedEarly(), "stopped early");
        int best = h.bestSnapshot().epoch;
        assertEquals(best + 2, h.last().epoch(), "stops exactly `patience` epochs after the best one");
        for (EpochResult e : h.epochs()) assertTrue(e.valLoss() >= h.bestSnapshot().valLoss);
    }

    /** The regression, but the validation pass of epochs 1 and 3 (0-based) gives a held-out loss of +∞. */
    static final class BadValidationAtSomeEpochs implements Trainable {
        final Regression inner = new Regression(21);
        boolean training;
        int evaluations;

        public List<Param> params() {
            return inner.params();
        }

        @Override
        public void setTraining(boolean t) {
            if (!t && training) evaluations++;
            training = t;
        }

        public Tensor loss(Tape t, Matrix batch, SplittableRandom rng) {
            if (!training && (evaluations == 2 || evaluations == 4)) {
                Matrix inf = new Matrix(1, 1);
                inf.fill(Float.POSITIVE_INFINITY);
                return t.meanAll(t.constant(inf));
            }
            return inner.loss(t, batch, rng);
        }
    }

    @Test
    void epochsWithANonFiniteValidationLossArePassedOverWhenAskedAndEndTheTrainingOtherwise() {
        TrainConfig cfg = new TrainConfig().withEpochs(6).withBatchSize(32).withLr(1e-2).withKeepBest(6).withSeed(22).withProgress(false);
        assertThrows(TrainingDivergedException.class, () -> Trainer.fit(new BadValidationAtSomeEpochs(), data(1000, 23), cfg));
        TrainHistory h = Trainer.fit(new BadValidationAtSomeEpochs(), data(1000, 23), cfg.withSkipBadValidation(true));
        assertEquals(6, h.epochs().size(), "training went on");
        assertEquals(Double.POSITIVE_INFINITY, h.epochs().get(1).valLoss());
        assertEquals(Double.POSITIVE_INFINITY, h.epochs().get(3).valLoss());
        assertEquals(4, h.best().size(), "only the epochs with a finite held-out loss are kept");
        for (Snapshot sn : h.best()) assertTrue(sn.epoch != 1 && sn.epoch != 3 && Double.isFinite(sn.valLoss));
    }

    @Test
    void divergenceIsADedicatedErrorNotANumber() {
        Trainable exploding = new Trainable() {
            final Param p = new Param("p", new Matrix(1, 1, new float[] {1f}));

            public List<Param> params() {
                return List.of(p);
            }

            public Tensor loss(Tape t, Matrix batch, SplittableRandom rng) {
                return t.meanAll(t.log(t.mul(t.constant(batch), p))); // log of a negative number once p < 0
            }
        };
        Matrix ones = new Matrix(64, 1);
        ones.fill(1f);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Trainer.fit(exploding, ones, new TrainConfig().withEpochs(50).withBatchSize(8).withLr(5).withProgress(false)));
        assertTrue(e.getMessage().contains("diverged at epoch") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void sameSeedSameWeightsAndBadDataIsNamed() {
        Regression a = new Regression(7), b = new Regression(7);
        TrainConfig tc = new TrainConfig().withEpochs(2).withBatchSize(50).withSeed(8).withProgress(false).withClipNorm(1.0);
        Trainer.fit(a, data(700, 9), tc);
        Trainer.fit(b, data(700, 9), tc);
        for (int i = 0; i < a.params().size(); i++) assertArrayEquals(a.params().get(i).value.data, b.params().get(i).value.data);
        Matrix bad = data(100, 10);
        bad.set(42, 1, Float.POSITIVE_INFINITY);
        var e = assertThrows(org.anomalia.numerics.UserException.class, () -> Trainer.fit(new Regression(1), bad, tc));
        assertTrue(e.getMessage().contains("row 42, column 1"), e.getMessage());
    }
}
