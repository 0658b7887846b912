package org.anomalia.learn.autodiff;

import org.anomalia.learn.Matrix;

/**
 * A node of the autodiff graph: a value and, after {@link Tape#backward}, the gradient of the loss
 * with respect to it. Op results live in the tape's buffers and are valid until {@link Tape#reset};
 * copy a value you want to keep longer.
 */
public class Tensor {
    public final Matrix value;
    /** Owning tape, used to allocate the gradient lazily; null for parameters. */
    private final Tape tape;
    final boolean requiresGrad;
    Matrix grad;
    Backward backward;

    Tensor(Matrix value, Tape tape, boolean requiresGrad) {
        this.value = value;
        this.tape = tape;
        this.requiresGrad = requiresGrad;
    }

    public int rows() {
        return value.rows;
    }

    public int cols() {
        return value.cols;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The accumulated gradient, or null when nothing flowed into this node. */
    public Matrix grad() {
        return grad;
    }

    /**
     * The gradient buffer to accumulate into (allocated zeroed on first use). Backward functions
     * call this only for inputs with {@link #requiresGrad()}.
     */
    public Matrix gradAcc() {
        if (grad == null) grad = tape.allocZero(value.rows, value.cols);
        return grad;
    }

    /** The single value of a 1×1 tensor. */
    public float item() {
        if (value.rows != 1 || value.cols != 1) throw new IllegalStateException("item() of a " + value.shape() + " tensor");
        return value.data[0];
    }

    @Override
    public String toString() {
        return "Tensor[" + value.shape() + (requiresGrad ? ", grad" : "") + "]";
    }
}
