package org.anomalia.learn.train;

import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/** What the {@link Trainer} optimises: a model with parameters and a mean loss over a batch. */
public interface Trainable {
    /** Trainable parameters, in a fixed order. */
    List<Param> params();

    /** Non-trained state kept in snapshots and model files (e.g. BatchNorm running statistics). */
    default List<Matrix> buffers() {
        return List.of();
    }

    /** Training mode (batch statistics, dropout) versus evaluation mode. */
    default void setTraining(boolean training) {}

    /**
     * The mean loss (1×1) over the rows of a batch, recorded on the tape. The batch holds the
     * columns the trainer was given (features, and e.g. label and weight columns the model knows
     * about). Any noise must come from rng, so that a fixed generator gives a fixed loss.
     */
    Tensor loss(Tape tape, Matrix batch, SplittableRandom rng);
}
