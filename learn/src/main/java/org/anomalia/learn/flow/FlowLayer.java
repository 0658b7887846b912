package org.anomalia.learn.flow;

import java.util.List;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/**
 * One invertible step of a normalizing flow, in the density direction x → z (data to noise).
 * Steps of a conditional flow also see a context (rows×c, or null for none), which they never
 * transform.
 */
public interface FlowLayer {
    /** The result of a step: the transformed rows and log|det ∂out/∂in|. */
    record Step(Tensor out, Tensor logDet) {}

    String name();

    int features();

    /**
     * x → z recorded on the tape. logDet is rows×1, or 1×1 when it is the same for every row, or
     * null when it is zero.
     */
    Step forward(Tape tape, Tensor x, Tensor context);

    /**
     * z → x without gradients (the tape records nothing); adds log|det ∂x/∂z| of each row into
     * logDet. The result is a new matrix or a buffer of the tape.
     */
    Matrix inverse(Tape tape, Matrix z, Matrix context, double[] logDet);

    default List<Param> params() {
        return List.of();
    }

    /** Non-trained state saved with the model (running statistics). */
    default List<Matrix> buffers() {
        return List.of();
    }

    default void setTraining(boolean training) {}
}
