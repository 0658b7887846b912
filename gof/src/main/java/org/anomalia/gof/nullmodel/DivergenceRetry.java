package org.anomalia.gof.nullmodel;

import java.util.List;
import java.util.function.DoubleFunction;
import org.anomalia.learn.train.TrainingDivergedException;

/**
 * Valid input must not end in "diverged": a learned null model whose training produces a non-finite
 * loss is trained again from scratch at a tenth of the learning rate, at most twice, and each retry
 * leaves a note for the summary. Only if the lowest rate diverges too is it an error (naming the
 * options that help).
 */
final class DivergenceRetry {
    /** After a diverged run, retry with the learning rate divided by this, at most {@link #RETRIES} times. */
    static final double LR_FACTOR = 10;
    static final int RETRIES = 2;

    private DivergenceRetry() {}

    /**
     * @param what  the model, for the notes ("VAE", "flow")
     * @param lr    the starting learning rate
     * @param notes where the retries are noted
     * @param train trains a fresh model at the given learning rate
     */
    static <T> T train(String what, double lr, List<String> notes, DoubleFunction<T> train) {
        for (int attempt = 0; ; attempt++) {
            try {
                return train.apply(lr);
            } catch (TrainingDivergedException e) {
                if (attempt == RETRIES) {
                    throw new TrainingDivergedException(e.getMessage() + " — also after " + RETRIES + " retries at learning rates down to "
                            + lr + "; set a lower --lr or a tighter --clip");
                }
                double next = lr / LR_FACTOR;
                notes.add(String.format("%s training diverged at learning rate %.3g (%s); retried at %.3g", what, lr, where(e.getMessage()), next));
                lr = next;
            }
        }
    }

    /** "at epoch 5, batch 625" out of the trainer's message, for the one-line note. */
    private static String where(String message) {
        int at = message.indexOf("at epoch ");
        int colon = at < 0 ? -1 : message.indexOf(':', at);
        return at < 0 || colon < 0 ? "non-finite loss" : message.substring(at, colon);
    }
}
