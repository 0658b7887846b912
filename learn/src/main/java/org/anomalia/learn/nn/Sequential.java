package org.anomalia.learn.nn;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/** Layers applied in order. Widths are checked when it is built, naming the layers that disagree. */
public final class Sequential implements Layer {
    private final String name;
    private final List<Layer> layers;
    private final int inputs;
    private final int outputs;

    public Sequential(String name, List<Layer> layers) {
        if (layers.isEmpty()) throw new IllegalArgumentException("network " + name + " has no layers");
        this.name = name;
        this.layers = List.copyOf(layers);
        int width = ANY, in = ANY;
        Layer source = null; // the layer that fixed the current width
        for (Layer l : this.layers) {
            if (l.inputs() != ANY) {
                if (width != ANY && l.inputs() != width) {
                    throw new IllegalArgumentException("network " + name + ": layer " + l.name() + " expects " + l.inputs()
                            + " inputs but layer " + source.name() + " gives " + width);
                }
                if (in == ANY && width == ANY) in = l.inputs();
            }
            if (l.outputs() != ANY || l.inputs() != ANY) {
                width = l.outputs() != ANY ? l.outputs() : l.inputs();
                source = l;
            }
        }
        this.inputs = in;
        this.outputs = width;
    }

    /** Checks that this network accepts the given number of columns. */
    public Sequential requireInputs(int columns) {
        if (inputs != ANY && inputs != columns) {
            throw new IllegalArgumentException("network " + name + ": first layer " + layers.get(0).name() + " expects " + inputs + " inputs, given " + columns);
        }
        return this;
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        for (Layer l : layers) x = l.forward(tape, x);
        return x;
    }

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>();
        for (Layer l : layers) p.addAll(l.params());
        return p;
    }

    @Override
    public List<Matrix> buffers() {
        List<Matrix> b = new ArrayList<>();
        for (Layer l : layers) b.addAll(l.buffers());
        return b;
    }

    @Override
    public void setTraining(boolean training) {
        for (Layer l : layers) l.setTraining(training);
    }
}
