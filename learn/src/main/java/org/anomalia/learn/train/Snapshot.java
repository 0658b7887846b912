package org.anomalia.learn.train;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;

/** A copy of a model's parameters and buffers at one epoch (used for the k best epochs). */
public final class Snapshot {
    public final int epoch;
    public final double valLoss;
    private final List<float[]> values;

    private Snapshot(int epoch, double valLoss, List<float[]> values) {
        this.epoch = epoch;
        this.valLoss = valLoss;
        this.values = values;
    }

    public static Snapshot of(Trainable model, int epoch, double valLoss) {
        List<float[]> v = new ArrayList<>();
        for (Param p : model.params()) v.add(p.value.data.clone());
        for (Matrix b : model.buffers()) v.add(b.data.clone());
        return new Snapshot(epoch, valLoss, v);
    }

    /** Copies the stored values back into the model (which must have the same structure). */
    public void restoreInto(Trainable model) {
        int i = 0;
        for (Param p : model.params()) System.arraycopy(values.get(i++), 0, p.value.data, 0, p.value.size());
        for (Matrix b : model.buffers()) System.arraycopy(values.get(i++), 0, b.data, 0, b.size());
    }

    @Override
    public String toString() {
        return "Snapshot[epoch " + epoch + ", validation loss " + valLoss + "]";
    }
}
