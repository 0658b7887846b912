package org.anomalia.learn.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.nn.Layer;
import org.anomalia.learn.train.Trainable;

/**
 * A network that learns on standardized inputs and is kept as one model file (kind, configuration,
 * seed, standardizer, weights): what the autoencoder, the VAE and the classifier share — the
 * standardizer fitted with the network, the "not trained yet" check, and saving and restoring.
 */
public abstract class StandardizedModel<C extends StandardizedModel.Configuration> implements Trainable {
    /** A network's configuration: what builds it again, as the model file's entries. */
    public interface Configuration {
        /** Columns of the rows the network takes. */
        int inputs();

        Map<String, String> toMap();
    }

    private final String kind;
    /** The network's configuration (its subclass reads the record's fields directly). */
    final C config;
    private final long seed;
    private Standardizer standardizer;

    StandardizedModel(String kind, C config, long seed) {
        this.kind = kind;
        this.config = config;
        this.seed = seed;
    }

    /** What the model file calls this kind of model ("autoencoder", "vae", "classifier"). */
    String kind() {
        return kind;
    }

    /** The seed the network was built from (initial weights, dropout masks). */
    public long seed() {
        return seed;
    }

    /** The network's parts in a fixed order: the model's parameters, buffers and training mode are theirs. */
    abstract List<Layer> layers();

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>();
        for (Layer l : layers()) p.addAll(l.params());
        return p;
    }

    @Override
    public List<Matrix> buffers() {
        List<Matrix> b = new ArrayList<>();
        for (Layer l : layers()) b.addAll(l.buffers());
        return b;
    }

    @Override
    public void setTraining(boolean training) {
        for (Layer l : layers()) l.setTraining(training);
    }

    /** The configuration the network was built from. */
    public C config() {
        return config;
    }

    /** The standardizer fitted with the network; an IllegalStateException before training or loading. */
    Standardizer standardizer() {
        if (standardizer == null) throw new IllegalStateException(kind + " is not trained");
        return standardizer;
    }

    /** Sets the standardizer (when fitting or loading); subclasses that derive state from it extend this. */
    void setStandardizer(Standardizer s) {
        standardizer = s;
    }

    /** The rows standardized, checked against the network's inputs (a user error naming the model otherwise). */
    Matrix standardized(Matrix data) {
        return standardizer().applyChecked(data, kind);
    }

    public void save(Path path) {
        save(path, Map.of());
    }

    /** Saves with extra configuration entries of the application that uses the model (see {@link ModelFile#withExtra}). */
    public void save(Path path, Map<String, String> extra) {
        ModelFile.save(path, kind, ModelFile.withExtra(config.toMap(), extra), seed, standardizer(), this);
    }

    /** The model a file's contents hold: built by {@code make} from the contents and the stored seed, then its weights and standardizer. */
    static <M extends StandardizedModel<?>> M restore(ModelFile.Contents c, Path path, BiFunction<ModelFile.Contents, Long, M> make) {
        M m = make.apply(c, Configs.parseLong(c, "seed"));
        ModelFile.loadState(m, c, path);
        m.setStandardizer(c.standardizer());
        return m;
    }
}
