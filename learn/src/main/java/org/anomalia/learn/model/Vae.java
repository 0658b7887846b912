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
import org.anomalia.learn.nn.Linear;
import org.anomalia.learn.nn.Layer;
import org.anomalia.learn.nn.Mlp;
import org.anomalia.learn.nn.Sequential;

/**
 * Variational autoencoder with a N(0, I) prior, a Gaussian encoder q(z|x) = N(μ(x), diag e^{λ(x)})
 * and a dual-branch Gaussian decoder p(x|z) = N(m(z), diag e^{v(z)}): two heads on a shared trunk
 * give the mean and the log-variance of every feature.
 *
 * <p>Training minimises the mean over rows of −E_q[log p(x|z)] + β·KL(q(z|x) ‖ p(z)) with one
 * reparameterised draw per row. Evaluation ({@link #evaluate}) gives per row, in data units (the
 * standardisation's Jacobian included, so they estimate −log p(x) of the raw features):
 * <ul>
 *   <li>−ELBO (β = 1) averaged over K reparameterised draws: −(1/K) Σ_k log w_k with
 *       log w_k = log p(x|z_k) + log p(z_k) − log q(z_k|x);</li>
 *   <li>−log p̂_K(x), the importance-weighted bound (IWAE) with K draws: log p̂_K = log (1/K) Σ_k
 *       w_k, which tightens towards log p(x) as K grows. Built from the same draws, it is never
 *       looser than the −ELBO of that row (Jensen).</li>
 * </ul>
 */
public final class Vae extends UnsupervisedModel<Vae.Config> {
    public static final String KIND = "vae";
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /**
     * Architecture; {@code hidden} lists the encoder trunk widths (the decoder trunk mirrors them).
     *
     * @param minVariance lower bound of the decoder variance of every feature, in data units (0: none).
     *                    When the data are known to carry independent noise of at least this variance
     *                    (whitened smeared samples: exactly 1), a smaller decoder variance is unphysical;
     *                    bounding it removes the runaway where e^{−v} grows without limit and the loss
     *                    overflows. The decoder then predicts v = log(floor) + softplus(raw) ≥ log(floor).
     */
    public record Config(int inputs, int[] hidden, int latent, Activation activation, double beta, double minVariance) implements StandardizedModel.Configuration {
        public Config {
            if (inputs <= 0 || latent <= 0) throw new IllegalArgumentException("vae: inputs and latent size must be positive, got " + inputs + ", " + latent);
            if (hidden.length == 0) throw new IllegalArgumentException("vae: needs at least one hidden layer");
            if (!(beta >= 0)) throw new IllegalArgumentException("vae: beta must be non-negative, got " + beta);
            if (!(minVariance >= 0) || !Double.isFinite(minVariance)) {
                throw new IllegalArgumentException("vae: the minimum decoder variance must be finite and non-negative, got " + minVariance);
            }
            hidden = hidden.clone();
        }

        /** Without a bound on the decoder variance (the decoder's log-variance is unconstrained). */
        public Config(int inputs, int[] hidden, int latent, Activation activation, double beta) {
            this(inputs, hidden, latent, activation, beta, 0);
        }

        /** The widths of the benchmark: hidden 64, 64 and ReLU, β = 1. */
        public static Config of(int inputs, int latent) {
            return new Config(inputs, new int[] {64, 64}, latent, Activation.RELU, 1.0);
        }

        @Override
        public Map<String, String> toMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("inputs", Integer.toString(inputs));
            m.put("hidden", Configs.ints(hidden));
            m.put("latent", Integer.toString(latent));
            m.put("activation", activation.name());
            m.put("beta", Double.toString(beta));
            if (minVariance > 0) m.put("minVariance", Double.toString(minVariance));
            return m;
        }

        static Config fromMap(ModelFile.Contents c) {
            return new Config(Configs.parseInt(c, "inputs"), Configs.parseInts(c, "hidden"), Configs.parseInt(c, "latent"),
                    Configs.parseEnum(c, "activation", Activation.class), Configs.parseDouble(c, "beta"),
                    c.config().containsKey("minVariance") ? Configs.parseDouble(c, "minVariance") : 0);
        }
    }

    /** Per-row evaluation results, in nats, in data units. */
    public record Scores(double[] negElbo, double[] negLogLikelihoodIwae) {}

    private final Sequential encoder;
    private final Linear meanZ;
    private final Linear logVarZ;
    private final Sequential decoder;
    private final Linear meanX;
    private final Linear logVarX;
    /** log of the decoder variance floor per feature in standardised units (1×d), or null without a floor. */
    private Matrix logFloor;

    public Vae(Config config, long seed) {
        super(KIND, config, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] h = config.hidden;
        int last = h[h.length - 1];
        encoder = Mlp.builder("encoder", config.inputs).hidden(h, config.activation).build(rng);
        meanZ = new Linear("encoder.mean", last, config.latent, rng);
        logVarZ = new Linear("encoder.logvar", last, config.latent, rng);
        int[] rev = new int[h.length];
        for (int i = 0; i < h.length; i++) rev[i] = h[h.length - 1 - i];
        decoder = Mlp.builder("decoder", config.latent).hidden(rev, config.activation).build(rng);
        meanX = new Linear("decoder.mean", h[0], config.inputs, rng);
        logVarX = new Linear("decoder.logvar", h[0], config.inputs, rng);
    }

    /** The standardisation and, with it, the decoder variance floor in standardised units: floor / std². */
    @Override
    void setStandardizer(Standardizer s) {
        super.setStandardizer(s);
        if (config.minVariance > 0) {
            double[] std = s.std();
            logFloor = new Matrix(1, std.length);
            for (int j = 0; j < std.length; j++) logFloor.data[j] = (float) (Math.log(config.minVariance) - 2 * Math.log(std[j]));
        } else {
            logFloor = null;
        }
    }

    /** The decoder's log-variance: unconstrained, or log(floor) + softplus(raw) when a floor is set. */
    private Tensor decoderLogVariance(Tape t, Tensor hd) {
        Tensor raw = logVarX.forward(t, hd);
        return logFloor == null ? raw : t.add(t.softplus(raw), t.constant(logFloor));
    }

    /** Mean over rows of the β-weighted −ELBO (standardised units), one draw per row. */
    @Override
    public Tensor loss(Tape t, Matrix batch, SplittableRandom rng) {
        int rows = batch.rows, zDim = config.latent;
        Tensor x = t.constant(batch);
        Tensor h = encoder.forward(t, x);
        Tensor mu = meanZ.forward(t, h), lv = logVarZ.forward(t, h);
        Matrix eps = t.alloc(rows, zDim);
        for (int i = 0; i < eps.size(); i++) eps.data[i] = (float) rng.nextGaussian();
        Tensor z = t.add(mu, t.mul(t.exp(t.scale(lv, 0.5f)), t.constant(eps)));
        Tensor hd = decoder.forward(t, z);
        Tensor xm = meanX.forward(t, hd), xlv = decoderLogVariance(t, hd);
        // −log p(x|z) per row without its constant: ½ Σ (v + (x − m)² e^{−v})
        Tensor nll = t.sum(t.add(xlv, t.mul(t.square(t.sub(x, xm)), t.exp(t.neg(xlv)))), 1);
        // 2·KL(N(μ, e^λ) ‖ N(0, 1)) per row: Σ (μ² + e^λ − λ − 1)
        Tensor kl2 = t.sum(t.sub(t.add(t.square(mu), t.exp(lv)), t.addScalar(lv, 1f)), 1);
        Tensor perRow = t.add(nll, t.scale(kl2, (float) config.beta));
        return t.addScalar(t.scale(t.meanAll(perRow), 0.5f), (float) (0.5 * config.inputs * LOG_2PI));
    }

    /** Per-row −ELBO (β = 1) with K draws; see {@link #evaluate}. */
    public double[] negElbo(Matrix data, int draws, long seed) {
        return evaluate(data, draws, seed).negElbo();
    }

    /** Per-row −log p̂_K(x) (IWAE bound) with K draws; see {@link #evaluate}. */
    public double[] negLogLikelihoodIwae(Matrix data, int draws, long seed) {
        return evaluate(data, draws, seed).negLogLikelihoodIwae();
    }

    /**
     * −ELBO and −log p̂_K(x) of every row from the same K draws per row (seeded). Both estimate
     * −log p(x) in data units from above; the IWAE one is tighter. Computed in double from the
     * float network outputs.
     */
    public Scores evaluate(Matrix data, int draws, long seed) {
        if (draws < 1) throw new IllegalArgumentException("vae: the number of draws must be positive, got " + draws);
        Matrix s = standardized(data);
        setTraining(false);
        int d = config.inputs, zDim = config.latent, n = s.rows;
        double[] elbo = new double[n], iwae = new double[n];
        double jac = standardizer().logScale();
        SplittableRandom rng = new SplittableRandom(seed);
        Tape t = Tape.noGrad();
        int chunk = Math.max(1, 8192 / draws);
        double[] logW = new double[draws];
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start), mk = m * draws;
            t.reset();
            Matrix x = t.alloc(m, d);
            System.arraycopy(s.data, start * d, x.data, 0, m * d);
            Tensor h = encoder.forward(t, t.constant(x));
            Matrix mu = meanZ.forward(t, h).value, lv = logVarZ.forward(t, h).value;
            Matrix eps = t.alloc(mk, zDim), z = t.alloc(mk, zDim);
            for (int r = 0; r < m; r++) {
                for (int k = 0; k < draws; k++) {
                    for (int j = 0; j < zDim; j++) {
                        int i = (r * draws + k) * zDim + j;
                        float e = (float) rng.nextGaussian();
                        eps.data[i] = e;
                        z.data[i] = mu.data[r * zDim + j] + (float) Math.exp(0.5 * lv.data[r * zDim + j]) * e;
                    }
                }
            }
            Tensor hd = decoder.forward(t, t.constant(z));
            Matrix xm = meanX.forward(t, hd).value, xlv = decoderLogVariance(t, hd).value;
            for (int r = 0; r < m; r++) {
                double logDetQ = 0;
                for (int j = 0; j < zDim; j++) logDetQ += lv.data[r * zDim + j];
                double sumLogW = 0;
                for (int k = 0; k < draws; k++) {
                    int row = r * draws + k;
                    double logPx = 0, logPz = 0, logQ = 0;
                    for (int c = 0; c < d; c++) {
                        double v = xlv.data[row * d + c], diff = x.data[r * d + c] - xm.data[row * d + c];
                        logPx -= 0.5 * (v + diff * diff * Math.exp(-v) + LOG_2PI);
                    }
                    for (int j = 0; j < zDim; j++) {
                        double zz = z.data[row * zDim + j], e = eps.data[row * zDim + j];
                        logPz -= 0.5 * (zz * zz + LOG_2PI);
                        logQ -= 0.5 * (e * e + LOG_2PI);
                    }
                    logQ -= 0.5 * logDetQ;
                    logW[k] = logPx + logPz - logQ;
                    sumLogW += logW[k];
                }
                elbo[start + r] = -sumLogW / draws + jac;
                iwae[start + r] = -(logSumExp(logW) - Math.log(draws)) + jac;
            }
        }
        return new Scores(elbo, iwae);
    }

    private static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) max = Math.max(max, x);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double s = 0;
        for (double x : v) s += Math.exp(x - max);
        return max + Math.log(s);
    }

    /** n rows drawn from the model: z ~ N(0, I), x ~ p(x|z), in data units. */
    public Matrix sample(int n, long seed) {
        Standardizer standardizer = standardizer(); // not trained: an error before drawing
        setTraining(false);
        SplittableRandom rng = new SplittableRandom(seed);
        int d = config.inputs;
        Matrix out = new Matrix(n, d);
        Tape t = Tape.noGrad();
        for (int start = 0; start < n; start += 4096) {
            int m = Math.min(4096, n - start);
            t.reset();
            Matrix z = t.alloc(m, config.latent);
            for (int i = 0; i < z.size(); i++) z.data[i] = (float) rng.nextGaussian();
            Tensor hd = decoder.forward(t, t.constant(z));
            Matrix xm = meanX.forward(t, hd).value, xlv = decoderLogVariance(t, hd).value;
            for (int i = 0; i < m * d; i++) out.data[start * d + i] = xm.data[i] + (float) (Math.exp(0.5 * xlv.data[i]) * rng.nextGaussian());
        }
        return standardizer.invertInPlace(out);
    }

    @Override
    List<Layer> layers() {
        return List.of(encoder, meanZ, logVarZ, decoder, meanX, logVarX);
    }

    public static Vae load(Path path) {
        return fromContents(ModelFile.read(path, KIND), path);
    }

    /** The model held by contents already read from {@code path}. */
    public static Vae fromContents(ModelFile.Contents c, Path path) {
        return restore(c, path, (contents, seed) -> new Vae(Config.fromMap(contents), seed));
    }
}
