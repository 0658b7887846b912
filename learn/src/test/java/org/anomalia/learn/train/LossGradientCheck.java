package org.anomalia.learn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;

/**
 * Finite-difference check of a whole model loss with respect to its parameters.
 *
 * <p>Every op is already checked against a double-precision reference (OpGradientTest); this
 * check is about the wiring of a model. There is no double version of a whole model, so the
 * difference is taken on the float loss itself, which is summed in double inside the reductions:
 * with h = 1e-2 the rounding noise of the quotient is ~1e-4 and the truncation error ~h²; the
 * tolerance 1e-3 + 2e-2·|g| catches any wrong or missing term (those are O(|g|)) while passing
 * float noise. Noise in the loss is frozen by reseeding the generator for every evaluation;
 * models under test use smooth activations so that no kink lies within h.
 */
public final class LossGradientCheck {
    private LossGradientCheck() {}

    /** Checks up to {@code perParam} entries of every parameter; returns how many were compared. */
    public static int check(Trainable model, Matrix batch, long seed, int perParam) {
        model.setTraining(true);
        Tape tape = new Tape();
        for (Param p : model.params()) p.zeroGrad();
        tape.backward(model.loss(tape, batch, new SplittableRandom(seed)));
        int compared = 0;
        SplittableRandom pick = new SplittableRandom(seed + 1);
        double h = 1e-2;
        int nonZero = 0;
        for (Param p : model.params()) {
            float[] analytic = p.grad().data.clone();
            for (int k = 0; k < Math.min(perParam, p.value.size()); k++) {
                int i = perParam >= p.value.size() ? k : pick.nextInt(p.value.size());
                float keep = p.value.data[i];
                p.value.data[i] = (float) (keep + h);
                tape.reset();
                double up = model.loss(tape, batch, new SplittableRandom(seed)).item();
                p.value.data[i] = (float) (keep - h);
                tape.reset();
                double down = model.loss(tape, batch, new SplittableRandom(seed)).item();
                p.value.data[i] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, analytic[i], 1e-3 + 2e-2 * Math.abs(fd), p.name + "[" + i + "]");
                if (Math.abs(fd) > 1e-3) nonZero++;
                compared++;
            }
        }
        assertTrue(nonZero > compared / 3, "most checked gradients should be non-zero (" + nonZero + " of " + compared + ")");
        return compared;
    }
}
