package org.anomalia.learn.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/**
 * y = x·W + b with W of shape in×out. Initialised like PyTorch's default (Kaiming-uniform with
 * a = √5, which makes both weights and biases uniform in ±1/√in).
 */
public class Linear implements Layer {
    private final String name;
    public final Param weight;
    public final Param bias;

    public Linear(String name, int in, int out, SplittableRandom rng) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("layer " + name + ": widths must be positive, got " + in + "→" + out);
        this.name = name;
        this.weight = new Param(name + ".weight", uniform(in, out, 1 / Math.sqrt(in), rng));
        this.bias = new Param(name + ".bias", uniform(1, out, 1 / Math.sqrt(in), rng));
    }

    static Matrix uniform(int rows, int cols, double bound, SplittableRandom rng) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) m.data[i] = (float) rng.nextDouble(-bound, bound);
        return m;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputs() {
        return weight.rows();
    }

    @Override
    public int outputs() {
        return weight.cols();
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return tape.linear(x, weight, bias);
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    @Override
    public String toString() {
        return "Linear " + name + " " + inputs() + "→" + outputs();
    }
}
