package org.anomalia.learn.nn;

import java.util.List;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/** One building block of a network: a named, differentiable map of a batch (rows = samples). */
public interface Layer {
    /** Marks a width that follows the input (activations, normalisation, dropout). */
    int ANY = -1;

    String name();

    /** Number of input columns, or {@link #ANY}. */
    int inputs();

    /** Number of output columns, or {@link #ANY} for "same as the input". */
    int outputs();

    Tensor forward(Tape tape, Tensor x);

    /** Trainable parameters, in a fixed order. */
    default List<Param> params() {
        return List.of();
    }

    /** Non-trained state that must be saved with the model (e.g. BatchNorm running statistics). */
    default List<Matrix> buffers() {
        return List.of();
    }

    /** Switches between training behaviour (batch statistics, dropout) and evaluation. */
    default void setTraining(boolean training) {}
}
