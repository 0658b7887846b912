package org.anomalia.learn.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a multilayer perceptron:
 * <pre>
 *   Sequential net = Mlp.builder("encoder", 8).dense(64, Activation.RELU).dense(64, Activation.RELU)
 *                       .dense(4, Activation.IDENTITY).build(new SplittableRandom(seed));
 * </pre>
 * Layers are named {@code <name>.<index>}; the initialisation draws from the given generator in
 * layer order, so the same seed gives the same weights.
 */
public final class Mlp {
    private final String name;
    private final int inputs;
    private final List<Step> steps = new ArrayList<>();

    private sealed interface Step permits Dense, Norm, Drop {}

    private record Dense(int width, Activation activation) implements Step {}

    private record Norm() implements Step {}

    private record Drop(double p, long seed) implements Step {}

    private Mlp(String name, int inputs) {
        if (inputs <= 0) throw new IllegalArgumentException("network " + name + ": needs a positive number of inputs, got " + inputs);
        this.name = name;
        this.inputs = inputs;
    }

    public static Mlp builder(String name, int inputs) {
        return new Mlp(name, inputs);
    }

    /** A Linear layer of the given width followed by the activation (IDENTITY for none). */
    public Mlp dense(int width, Activation activation) {
        steps.add(new Dense(width, activation));
        return this;
    }

    /** Dense layers of the given widths, each followed by the activation. */
    public Mlp hidden(int[] widths, Activation activation) {
        for (int w : widths) dense(w, activation);
        return this;
    }

    public Mlp batchNorm() {
        steps.add(new Norm());
        return this;
    }

    public Mlp dropout(double p, long seed) {
        steps.add(new Drop(p, seed));
        return this;
    }

    public Sequential build(SplittableRandom rng) {
        List<Layer> layers = new ArrayList<>();
        int width = inputs;
        for (Step s : steps) {
            String n = name + "." + layers.size();
            if (s instanceof Dense d) {
                if (d.width <= 0) throw new IllegalArgumentException("network " + name + ": layer " + n + " needs a positive width, got " + d.width);
                layers.add(new Linear(n, width, d.width, rng));
                width = d.width;
                if (d.activation != Activation.IDENTITY) layers.add(d.activation.layer());
            } else if (s instanceof Norm) {
                layers.add(new BatchNorm(n, width));
            } else if (s instanceof Drop d) {
                layers.add(new Dropout(n, d.p, d.seed));
            }
        }
        if (layers.isEmpty()) throw new IllegalArgumentException("network " + name + " has no layers");
        return new Sequential(name, layers);
    }
}
