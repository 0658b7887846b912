package org.anomalia.learn.nn;

import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/** Pointwise non-linearities; as a {@link Layer} via {@link #layer()}. */
public enum Activation {
    IDENTITY, RELU, LEAKY_RELU, ELU, SILU, TANH, SIGMOID, SOFTPLUS;

    /** Negative slope of LEAKY_RELU (PyTorch's default). */
    public static final float LEAKY_SLOPE = 0.01f;

    public Tensor apply(Tape t, Tensor x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> t.relu(x);
            case LEAKY_RELU -> t.leakyRelu(x, LEAKY_SLOPE);
            case ELU -> t.elu(x, 1f);
            case SILU -> t.silu(x);
            case TANH -> t.tanh(x);
            case SIGMOID -> t.sigmoid(x);
            case SOFTPLUS -> t.softplus(x);
        };
    }

    public Layer layer() {
        Activation a = this;
        return new Layer() {
            public String name() {
                return a.name().toLowerCase();
            }

            public int inputs() {
                return ANY;
            }

            public int outputs() {
                return ANY;
            }

            public Tensor forward(Tape tape, Tensor x) {
                return a.apply(tape, x);
            }
        };
    }
}
