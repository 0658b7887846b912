package org.anomalia.learn.nn;

import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/**
 * y = x·(W ⊙ M) + b: a MADE layer. The mask M (in×out, entries 0 or 1) says which input may reach
 * which output; it is built by the caller (e.g. MADE degrees, with context inputs set to reach
 * every output) and never trained. Initialised as {@link Linear}.
 */
public final class MaskedLinear extends Linear {
    public final Matrix mask;

    public MaskedLinear(String name, Matrix mask, SplittableRandom rng) {
        super(name, mask.rows, mask.cols, rng);
        for (float v : mask.data) {
            if (v != 0f && v != 1f) throw new IllegalArgumentException("layer " + name + ": mask entries must be 0 or 1, got " + v);
        }
        this.mask = mask;
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return tape.maskedLinear(x, weight, mask, bias);
    }

    @Override
    public String toString() {
        return "MaskedLinear " + name() + " " + inputs() + "→" + outputs();
    }
}
