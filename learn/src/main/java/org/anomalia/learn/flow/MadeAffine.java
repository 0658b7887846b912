package org.anomalia.learn.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.nn.MaskedLinear;

/**
 * An affine MADE block of a masked autoregressive flow (Papamakarios et al. 2017):
 * z_i = (x_i − μ_i(x_&lt;i, c)) · exp(−α_i(x_&lt;i, c)), log|det| = −Σ α_i. The conditioner is
 * MaskedLinear(d+c → h), ReLU, MaskedLinear(h → h), ReLU, MaskedLinear(h → 2d) with outputs
 * [μ₁..μ_d, α₁..α_d], the layout of CATHODE and of the torch reference. The density direction is
 * one pass; the inverse (sampling) takes d passes.
 */
public final class MadeAffine implements FlowLayer {
    private final String name;
    private final int features;
    private final int context;
    private final MaskedLinear in;
    private final MaskedLinear mid;
    private final MaskedLinear out;

    public MadeAffine(String name, int features, int context, int hidden, SplittableRandom rng) {
        this.name = name;
        this.features = features;
        this.context = context;
        MadeMasks masks = new MadeMasks(features, context, hidden);
        in = new MaskedLinear(name + ".in", matrix(masks.inputToHidden()), rng);
        mid = new MaskedLinear(name + ".mid", matrix(masks.hiddenToHidden()), rng);
        out = new MaskedLinear(name + ".out", matrix(masks.hiddenToOutput(2)), rng);
    }

    static Matrix matrix(boolean[][] mask) {
        Matrix m = new Matrix(mask.length, mask[0].length);
        for (int i = 0; i < mask.length; i++) {
            for (int j = 0; j < mask[0].length; j++) m.data[i * m.cols + j] = mask[i][j] ? 1f : 0f;
        }
        return m;
    }

    /** [μ | α] for the rows of x (and their context). */
    private Tensor conditioner(Tape tape, Tensor x, Tensor c) {
        Tensor input = context == 0 ? x : tape.concatCols(x, c);
        Tensor h = tape.relu(in.forward(tape, input));
        h = tape.relu(mid.forward(tape, h));
        return out.forward(tape, h);
    }

    @Override
    public Step forward(Tape tape, Tensor x, Tensor c) {
        Tensor p = conditioner(tape, x, c);
        Tensor mu = tape.sliceCols(p, 0, features);
        Tensor alpha = tape.sliceCols(p, features, 2 * features);
        Tensor z = tape.mul(tape.sub(x, mu), tape.exp(tape.neg(alpha)));
        return new Step(z, tape.neg(tape.sum(alpha, 1)));
    }

    @Override
    public Matrix inverse(Tape tape, Matrix z, Matrix c, double[] logDet) {
        int rows = z.rows, d = features;
        Matrix x = new Matrix(rows, d);
        Tensor ct = c == null ? null : tape.constant(c);
        // Pass i fixes x_i: its μ_i, α_i depend only on x_<i, which are final by then.
        for (int i = 0; i < d; i++) {
            Matrix p = conditioner(tape, tape.constant(x), ct).value;
            for (int r = 0; r < rows; r++) {
                float mu = p.data[r * 2 * d + i], alpha = p.data[r * 2 * d + d + i];
                x.data[r * d + i] = z.data[r * d + i] * (float) Math.exp(alpha) + mu;
                logDet[r] += alpha;
            }
        }
        return x;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>(in.params());
        p.addAll(mid.params());
        p.addAll(out.params());
        return p;
    }
}
