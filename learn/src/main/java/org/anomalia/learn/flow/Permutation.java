package org.anomalia.learn.flow;

import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.IndexOps;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/** Reorders the features: out[j] = in[order[j]]. Volume preserving, so log|det| = 0. */
public final class Permutation implements FlowLayer {
    private final String name;
    private final int[] order;
    private final int[] inverse;

    public Permutation(String name, int[] order) {
        this.name = name;
        this.order = order.clone();
        this.inverse = new int[order.length];
        boolean[] seen = new boolean[order.length];
        for (int j = 0; j < order.length; j++) {
            int i = order[j];
            if (i < 0 || i >= order.length || seen[i]) throw new IllegalArgumentException("layer " + name + ": not a permutation");
            seen[i] = true;
            inverse[i] = j;
        }
    }

    /** The reversal d-1, …, 0 (MAF's choice between autoregressive blocks). */
    public static Permutation reverse(String name, int features) {
        int[] o = new int[features];
        for (int j = 0; j < features; j++) o[j] = features - 1 - j;
        return new Permutation(name, o);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int features() {
        return order.length;
    }

    @Override
    public Step forward(Tape tape, Tensor x, Tensor context) {
        return new Step(IndexOps.gatherCols(tape, x, order), null);
    }

    @Override
    public Matrix inverse(Tape tape, Matrix z, Matrix context, double[] logDet) {
        return IndexOps.gatherCols(tape, tape.constant(z), inverse).value;
    }
}
