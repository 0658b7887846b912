package org.anomalia.learn.autodiff;

import org.anomalia.learn.Matrix;

/**
 * A trainable parameter: a leaf that outlives tapes. Its gradient buffer is permanent; backward
 * passes accumulate into it and the optimizer (or {@link #zeroGrad}) clears it.
 */
public final class Param extends Tensor {
    public final String name;

    public Param(String name, Matrix value) {
        super(value, null, true);
        this.name = name;
        this.grad = new Matrix(value.rows, value.cols);
    }

    @Override
    public Matrix gradAcc() {
        return grad;
    }

    public void zeroGrad() {
        grad.fill(0f);
    }

    @Override
    public String toString() {
        return "Param[" + name + " " + value.shape() + "]";
    }
}
