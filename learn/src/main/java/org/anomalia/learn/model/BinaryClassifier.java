package org.anomalia.learn.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.nn.Layer;
import org.anomalia.learn.nn.Mlp;
import org.anomalia.learn.nn.Sequential;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;
import org.anomalia.learn.train.Trainer;
import org.anomalia.numerics.UserException;

/**
 * An MLP giving P(label = 1 | x), trained with the (weighted) binary cross-entropy on the logit:
 * per row w·[softplus(s) − y·s], averaged over rows. Weights are per-row sample weights times the
 * class weight of the row's label.
 */
public final class BinaryClassifier extends StandardizedModel<BinaryClassifier.Config> {
    public static final String KIND = "classifier";

    public record Config(int inputs, int[] hidden, Activation activation, double dropout) implements StandardizedModel.Configuration {
        public Config {
            if (inputs <= 0) throw new IllegalArgumentException("classifier: inputs must be positive, got " + inputs);
            hidden = hidden.clone();
        }

        @Override
        public Map<String, String> toMap() {
            // in this order in every JVM (Map.of's order changes between runs, and with it the model file's bytes)
            Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("inputs", Integer.toString(inputs));
            m.put("hidden", Configs.ints(hidden));
            m.put("activation", activation.name());
            m.put("dropout", Double.toString(dropout));
            return m;
        }

        static Config fromMap(ModelFile.Contents c) {
            return new Config(Configs.parseInt(c, "inputs"), Configs.parseInts(c, "hidden"), Configs.parseEnum(c, "activation", Activation.class),
                    Configs.parseDouble(c, "dropout"));
        }
    }

    public final Sequential net;

    public BinaryClassifier(Config config, long seed) {
        super(KIND, config, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        Mlp b = Mlp.builder("classifier", config.inputs);
        for (int w : config.hidden) {
            b.dense(w, config.activation);
            if (config.dropout > 0) b.dropout(config.dropout, rng.nextLong());
        }
        net = b.dense(1, Activation.IDENTITY).build(rng);
    }

    /** Class weights n/(2·n_c) that make both classes count equally. */
    public static double[] balancedClassWeights(float[] labels) {
        long pos = 0;
        for (float y : labels) if (y == 1f) pos++;
        long neg = labels.length - pos;
        if (pos == 0 || neg == 0) throw new UserException("classifier labels: both classes are needed, got " + pos + " positive and " + neg + " negative rows");
        return new double[] {labels.length / (2.0 * neg), labels.length / (2.0 * pos)};
    }

    /**
     * Trains on features x with labels 0/1, optional per-row weights (null = 1) and class weights
     * {negative, positive} (null = 1, 1).
     */
    public TrainHistory fit(Matrix x, float[] labels, float[] weights, double[] classWeights, TrainConfig tc) {
        Standardizer fitted = Standardizer.fitChecked(x, null, config.inputs, "classifier");
        if (labels.length != x.rows) throw new UserException("classifier: " + labels.length + " labels for " + x.rows + " rows");
        if (weights != null && weights.length != x.rows) throw new UserException("classifier: " + weights.length + " weights for " + x.rows + " rows");
        double[] cw = classWeights == null ? new double[] {1, 1} : classWeights;
        setStandardizer(fitted);
        Matrix s = fitted.apply(x);
        int d = config.inputs;
        Matrix data = new Matrix(x.rows, d + 2);
        for (int r = 0; r < x.rows; r++) {
            float y = labels[r];
            if (y != 0f && y != 1f) throw new UserException("classifier labels: row " + r + " has label " + y + "; labels must be 0 or 1");
            float w = weights == null ? 1f : weights[r];
            if (!(w >= 0) || !Float.isFinite(w)) throw new UserException("classifier weights: row " + r + " has weight " + w + "; weights must be finite and non-negative");
            System.arraycopy(s.data, r * d, data.data, r * (d + 2), d);
            data.data[r * (d + 2) + d] = y;
            data.data[r * (d + 2) + d + 1] = (float) (w * cw[(int) y]);
        }
        return Trainer.fit(this, data, tc);
    }

    /** Batch columns: standardised features, label, weight. */
    @Override
    public Tensor loss(Tape t, Matrix batch, SplittableRandom rng) {
        int d = config.inputs;
        Tensor all = t.constant(batch);
        Tensor s = net.forward(t, t.sliceCols(all, 0, d));
        Tensor y = t.sliceCols(all, d, d + 1), w = t.sliceCols(all, d + 1, d + 2);
        return t.meanAll(t.mul(w, t.sub(t.softplus(s), t.mul(y, s))));
    }

    /** P(label = 1 | x) for every row. */
    public double[] predict(Matrix x) {
        double[] logit = logits(x);
        for (int i = 0; i < logit.length; i++) logit[i] = 1 / (1 + Math.exp(-logit[i]));
        return logit;
    }

    /** The logit s = log P(1|x)/P(0|x) for every row. */
    public double[] logits(Matrix x) {
        Matrix s = standardized(x);
        setTraining(false);
        double[] out = new double[x.rows];
        Tape t = Tape.noGrad();
        for (int start = 0; start < s.rows; start += 4096) {
            int m = Math.min(4096, s.rows - start);
            t.reset();
            Matrix chunk = t.alloc(m, s.cols);
            System.arraycopy(s.data, start * s.cols, chunk.data, 0, m * s.cols);
            Matrix l = net.forward(t, t.constant(chunk)).value;
            for (int i = 0; i < m; i++) out[start + i] = l.data[i];
        }
        return out;
    }

    @Override
    List<Layer> layers() {
        return List.of(net);
    }

    public static BinaryClassifier load(Path path) {
        return restore(ModelFile.read(path, KIND), path, (contents, seed) -> new BinaryClassifier(Config.fromMap(contents), seed));
    }
}
