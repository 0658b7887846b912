package org.anomalia.learn.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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

/**
 * A deterministic autoencoder: encoder inputs→hidden…→latent (linear), decoder latent→hidden
 * reversed…→inputs (linear), trained on standardised data with a {@link ReconstructionLoss} (mean
 * squared error by default; MAE, Huber, log-cosh). The anomaly score of a row is that loss of its
 * reconstruction, averaged over the columns, in standardised units.
 */
public final class Autoencoder extends UnsupervisedModel<Autoencoder.Config> {
    public static final String KIND = "autoencoder";

    /** Architecture; {@code hidden} lists the encoder widths (the decoder mirrors them); the loss trains and scores. */
    public record Config(int inputs, int[] hidden, int latent, Activation activation, ReconstructionLoss loss) implements StandardizedModel.Configuration {
        public Config {
            if (inputs <= 0 || latent <= 0) throw new IllegalArgumentException("autoencoder: inputs and latent size must be positive, got " + inputs + ", " + latent);
            hidden = hidden.clone();
            if (loss == null) loss = ReconstructionLoss.MSE;
        }

        /** With the mean squared error. */
        public Config(int inputs, int[] hidden, int latent, Activation activation) {
            this(inputs, hidden, latent, activation, ReconstructionLoss.MSE);
        }

        @Override
        public Map<String, String> toMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("inputs", Integer.toString(inputs));
            m.put("hidden", Configs.ints(hidden));
            m.put("latent", Integer.toString(latent));
            m.put("activation", activation.name());
            m.put("loss", loss.kind().name());
            m.put("huber_delta", Double.toString(loss.delta()));
            return m;
        }

        static Config fromMap(ModelFile.Contents c) {
            // files written before the loss was configurable hold no loss: they were trained with the MSE
            ReconstructionLoss loss = c.config().containsKey("loss")
                    ? new ReconstructionLoss(Configs.parseEnum(c, "loss", ReconstructionLoss.Kind.class), Configs.parseDouble(c, "huber_delta"))
                    : ReconstructionLoss.MSE;
            return new Config(Configs.parseInt(c, "inputs"), Configs.parseInts(c, "hidden"), Configs.parseInt(c, "latent"),
                    Configs.parseEnum(c, "activation", Activation.class), loss);
        }
    }

    public final Sequential encoder;
    public final Sequential decoder;

    public Autoencoder(Config config, long seed) {
        super(KIND, config, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        encoder = Mlp.builder("encoder", config.inputs).hidden(config.hidden, config.activation).dense(config.latent, Activation.IDENTITY).build(rng);
        int[] rev = new int[config.hidden.length];
        for (int i = 0; i < rev.length; i++) rev[i] = config.hidden[rev.length - 1 - i];
        decoder = Mlp.builder("decoder", config.latent).hidden(rev, config.activation).dense(config.inputs, Activation.IDENTITY).build(rng);
    }

    @Override
    public Tensor loss(Tape t, Matrix batch, SplittableRandom rng) {
        Tensor x = t.constant(batch);
        Tensor r = decoder.forward(t, encoder.forward(t, x));
        return t.meanAll(config.loss.apply(t, t.sub(r, x)));
    }

    /** Per-row reconstruction loss averaged over the columns (standardised units; the mean squared error by default). */
    public double[] score(Matrix data) {
        ReconstructionLoss loss = config.loss;
        Matrix s = standardized(data);
        double[] out = new double[s.rows];
        forEachChunk(s, (x, r, start) -> {
            int d = x.cols;
            for (int i = 0; i < x.rows; i++) {
                double e = 0;
                for (int c = 0; c < d; c++) {
                    double v = r.data[i * d + c] - x.data[i * d + c];
                    e += loss.value(v);
                }
                out[start + i] = e / d;
            }
        });
        return out;
    }

    /** The reconstruction of every row, in data units. */
    public Matrix reconstruct(Matrix data) {
        Matrix s = standardized(data);
        Matrix out = new Matrix(s.rows, s.cols);
        forEachChunk(s, (x, r, start) -> System.arraycopy(r.data, 0, out.data, start * s.cols, r.size()));
        return standardizer().invertInPlace(out);
    }

    private interface ChunkConsumer {
        void accept(Matrix x, Matrix reconstruction, int start);
    }

    private void forEachChunk(Matrix s, ChunkConsumer f) {
        setTraining(false);
        Tape t = Tape.noGrad();
        int chunk = 4096;
        for (int start = 0; start < s.rows; start += chunk) {
            int m = Math.min(chunk, s.rows - start);
            Matrix x = new Matrix(m, s.cols);
            System.arraycopy(s.data, start * s.cols, x.data, 0, m * s.cols);
            t.reset();
            Tensor r = decoder.forward(t, encoder.forward(t, t.constant(x)));
            f.accept(x, r.value, start);
        }
    }

    @Override
    List<Layer> layers() {
        return List.of(encoder, decoder);
    }

    public static Autoencoder load(Path path) {
        return fromContents(ModelFile.read(path, KIND), path);
    }

    /** The model held by contents already read from {@code path}. */
    public static Autoencoder fromContents(ModelFile.Contents c, Path path) {
        return restore(c, path, (contents, seed) -> new Autoencoder(Config.fromMap(contents), seed));
    }
}
