package org.anomalia.learn.nn;

import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/** Inverted dropout: in training each entry is zeroed with probability p and the rest scaled by 1/(1−p). */
public final class Dropout implements Layer {
    private final String name;
    private final double p;
    private final SplittableRandom rng;
    private boolean training = true;

    /** The seed makes the sequence of masks reproducible. */
    public Dropout(String name, double p, long seed) {
        if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("layer " + name + ": dropout probability must be in [0, 1), got " + p);
        this.name = name;
        this.p = p;
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputs() {
        return ANY;
    }

    @Override
    public int outputs() {
        return ANY;
    }

    @Override
    public Tensor forward(Tape t, Tensor x) {
        if (!training || p == 0) return x;
        Matrix mask = t.alloc(x.rows(), x.cols());
        float keep = (float) (1 / (1 - p));
        for (int i = 0; i < mask.size(); i++) mask.data[i] = rng.nextDouble() < p ? 0f : keep;
        return t.mul(x, t.constant(mask));
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }
}
