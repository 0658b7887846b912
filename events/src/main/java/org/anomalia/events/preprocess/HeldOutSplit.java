package org.anomalia.events.preprocess;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.train.Trainer;

/**
 * Rows split, by a seeded shuffle, into training rows and held-out rows that rank a network's
 * epochs, with the preprocessing fitted on the training rows alone.
 *
 * <p>Why not fit it on all rows: min-max and logit put a feature's most extreme row at ±14 on the
 * logit scale, ten or twenty standard deviations out. When that row is held out, the flow meets it
 * only in validation, far beyond every row it trained on; its MADE blocks extrapolate their scales
 * exponentially, block after block, and that one row's −log p (10⁷ to 10³⁰, or a float overflow)
 * becomes the whole validation loss, so the epochs are ranked by how they extrapolate to one
 * event (CATHODE's sideband flow on the calibrated generator, 900k sideband events: 1 to 14 of
 * 15 epochs infinite). Fitted on the training rows, the preprocessing maps a held-out row beyond
 * the training range to NaN: the density is zero there by construction, the same for every epoch,
 * so such rows ({@link #outside}) are left out of the held-out set and the epochs compare on the
 * rest.
 *
 * @param preprocessing fitted on the training rows
 * @param training indices of the training rows, in shuffled order
 * @param heldOut indices of the held-out rows inside the training range
 * @param outside held-out rows beyond the training range of some feature, left out
 */
public record HeldOutSplit(Preprocessing preprocessing, int[] training, int[] heldOut, int outside) {

    /** Holds out {@code round(fraction · rows)} rows (none for fraction 0) and fits the named steps on the rest. */
    public static HeldOutSplit of(List<String> kinds, double[][] rows, double fraction, long seed) {
        int n = rows.length;
        int[] perm = Trainer.permutation(n, new SplittableRandom(seed));
        int nHeld = fraction > 0 ? Math.min(n - 1, Math.max(1, (int) Math.round(n * fraction))) : 0;
        int[] training = Arrays.copyOfRange(perm, 0, n - nHeld);
        Preprocessing prep = Preprocessing.fit(kinds, pick(rows, training));
        int[] held = Arrays.copyOfRange(perm, n - nHeld, n);
        double[][] y = prep.forward(pick(rows, held), null);
        int[] inside = new int[held.length];
        int k = 0;
        for (int i = 0; i < held.length; i++) if (Arrays.stream(y[i]).allMatch(Double::isFinite)) inside[k++] = held[i];
        return new HeldOutSplit(prep, training, Arrays.copyOf(inside, k), held.length - k);
    }

    /** The training rows of {@code rows} (the rows this split was made of), preprocessed: the network's training input. */
    public Matrix trainingInputs(double[][] rows) {
        return Matrix.ofRows(preprocessing.forward(pick(rows, training), null));
    }

    /** The held-out rows inside the training range, preprocessed; null when there are none (the training loss then ranks the epochs). */
    public Matrix heldOutInputs(double[][] rows) {
        return heldOut.length == 0 ? null : Matrix.ofRows(preprocessing.forward(pick(rows, heldOut), null));
    }

    /** The given rows, in the given order. */
    public static double[][] pick(double[][] rows, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) out[i] = rows[indices[i]];
        return out;
    }

    /** The given values, in the given order. */
    public static double[] pick(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) out[i] = values[indices[i]];
        return out;
    }
}
