package org.anomalia.learn.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.IndexOps;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.nn.Linear;
import org.anomalia.learn.nn.Mlp;
import org.anomalia.learn.nn.Sequential;

/**
 * A coupling layer (Dinh et al. 2017): the features of one group pass unchanged and, with the
 * context, drive an MLP whose outputs parameterise an invertible map of each feature of the other
 * group (affine for RealNVP, a rational-quadratic spline for neural spline flows). The Jacobian is
 * triangular; log|det| sums the per-feature terms.
 */
public final class Coupling implements FlowLayer {
    private final String name;
    private final int features;
    private final int context;
    private final int[] kept;
    private final int[] changed;
    /** Position of each feature in [kept..., changed...]: the order to undo the split. */
    private final int[] merge;
    private final CouplingTransform transform;
    private final Sequential conditioner;

    Coupling(String name, int features, int context, boolean[] transformed, int hidden, int hiddenLayers,
             CouplingTransform transform, SplittableRandom rng) {
        this.name = name;
        this.features = features;
        this.context = context;
        this.transform = transform;
        List<Integer> k = new ArrayList<>(), c = new ArrayList<>();
        for (int j = 0; j < features; j++) (transformed[j] ? c : k).add(j);
        kept = k.stream().mapToInt(Integer::intValue).toArray();
        changed = c.stream().mapToInt(Integer::intValue).toArray();
        if (changed.length == 0) throw new IllegalArgumentException("layer " + name + " transforms no feature");
        if (kept.length + context == 0) throw new IllegalArgumentException("layer " + name + ": nothing to condition on (1 feature, no context)");
        merge = new int[features];
        for (int i = 0; i < kept.length; i++) merge[kept[i]] = i;
        for (int i = 0; i < changed.length; i++) merge[changed[i]] = kept.length + i;
        int[] widths = new int[hiddenLayers];
        java.util.Arrays.fill(widths, hidden);
        conditioner = Mlp.builder(name + ".net", kept.length + context).hidden(widths, Activation.RELU)
                .dense(changed.length * transform.paramsPerFeature(), Activation.IDENTITY).build(rng);
        // The last layer starts at zero: every coupling begins as (nearly) the identity, which keeps deep stacks stable.
        Linear last = (Linear) conditioner.layers().get(conditioner.layers().size() - 1);
        last.weight.value.fill(0f);
        last.bias.value.fill(0f);
    }

    private Tensor conditionerInput(Tape tape, Tensor xKept, Tensor c) {
        if (xKept == null) return c;
        return context == 0 ? xKept : tape.concatCols(xKept, c);
    }

    @Override
    public Step forward(Tape tape, Tensor x, Tensor c) {
        int rows = x.rows(), m = changed.length, p = transform.paramsPerFeature();
        Tensor xk = kept.length == 0 ? null : IndexOps.gatherCols(tape, x, kept);
        Tensor xc = IndexOps.gatherCols(tape, x, changed);
        Tensor params = conditioner.forward(tape, conditionerInput(tape, xk, c));
        Step s = transform.forward(tape, IndexOps.reshape(tape, xc, rows * m, 1), IndexOps.reshape(tape, params, rows * m, p));
        Tensor zc = IndexOps.reshape(tape, s.out(), rows, m);
        Tensor logDet = tape.sum(IndexOps.reshape(tape, s.logDet(), rows, m), 1);
        Tensor z = IndexOps.gatherCols(tape, xk == null ? zc : tape.concatCols(xk, zc), merge);
        return new Step(z, logDet);
    }

    @Override
    public Matrix inverse(Tape tape, Matrix z, Matrix c, double[] logDet) {
        int rows = z.rows, m = changed.length, p = transform.paramsPerFeature();
        Tensor zt = tape.constant(z);
        Tensor xk = kept.length == 0 ? null : IndexOps.gatherCols(tape, zt, kept);
        float[] params = conditioner.forward(tape, conditionerInput(tape, xk, c == null ? null : tape.constant(c))).value.data;
        Matrix x = new Matrix(rows, features);
        for (int r = 0; r < rows; r++) {
            for (int j : kept) x.data[r * features + j] = z.data[r * features + j];
            for (int i = 0; i < m; i++) {
                int j = changed[i];
                double[] v = transform.inverse(z.data[r * features + j], params, (r * m + i) * p);
                x.data[r * features + j] = (float) v[0];
                logDet[r] += v[1];
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
        return conditioner.params();
    }
}
