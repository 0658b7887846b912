package org.anomalia.learn.autodiff;

import org.anomalia.learn.Matrix;

/**
 * The backward step of one op: given the gradient of the loss with respect to the op's output,
 * add the gradients of its inputs into their {@link Tensor#gradAcc()} buffers (only for inputs that
 * require a gradient). It must accumulate, never overwrite: an input may feed several ops.
 */
@FunctionalInterface
public interface Backward {
    void apply(Matrix gradOut);
}
