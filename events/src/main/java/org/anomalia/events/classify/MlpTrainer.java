package org.anomalia.events.classify;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.model.BinaryClassifier;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.train.Snapshot;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;

/**
 * Our MLP classifier (learn's BinaryClassifier) trained with the weighted binary cross-entropy:
 * per-event weights times balanced class weights. The score is the mean predicted probability
 * over the {@code bestEpochs} epochs with the lowest validation loss (CATHODE's ensemble over
 * epochs; 1 = just the best epoch).
 *
 * @param hidden hidden layer widths
 * @param epochs training epochs
 * @param batchSize rows per batch
 * @param learningRate Adam step size
 * @param bestEpochs how many best epochs to average
 * @param validationFraction rows held out to rank the epochs
 * @param progress whether to show a progress bar
 */
public record MlpTrainer(int[] hidden, int epochs, int batchSize, double learningRate, int bestEpochs,
        double validationFraction, boolean progress) implements ClassifierTrainer {

    /** The CATHODE paper's classifier: 64-64-64 ReLU, Adam 1e-3, batch 128, 100 epochs, 10 best epochs. */
    public static MlpTrainer paper() {
        return new MlpTrainer(new int[] {64, 64, 64}, 100, 128, 1e-3, 10, 0.2, true);
    }

    /** A quick look: same network, 20 epochs, batch 256, 5 best epochs. */
    public static MlpTrainer fast() {
        return new MlpTrainer(new int[] {64, 64, 64}, 20, 256, 1e-3, 5, 0.2, true);
    }

    public MlpTrainer withEpochs(int e, int best) {
        return new MlpTrainer(hidden, e, batchSize, learningRate, best, validationFraction, progress);
    }

    public MlpTrainer withProgress(boolean p) {
        return new MlpTrainer(hidden, epochs, batchSize, learningRate, bestEpochs, validationFraction, p);
    }

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String toString() {
        return "mlp(hidden " + java.util.Arrays.toString(hidden) + ", epochs " + epochs + ", batch " + batchSize + ", lr "
                + learningRate + ", mean of " + bestEpochs + " best epochs, validation " + validationFraction + ")";
    }

    @Override
    public Scorer train(float[][] rows, int[] labels, long seed) {
        return train(rows, labels, null, seed);
    }

    @Override
    public Scorer train(float[][] rows, int[] labels, double[] weights, long seed) {
        int d = rows[0].length;
        BinaryClassifier c = new BinaryClassifier(new BinaryClassifier.Config(d, hidden, Activation.RELU, 0.0), seed);
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        TrainConfig tc = new TrainConfig().withEpochs(epochs).withBatchSize(batchSize).withLr(learningRate)
                .withValidationFraction(validationFraction).withKeepBest(Math.min(bestEpochs, epochs)).withRestoreBest(true)
                .withSeed(seed).withProgress(progress).withTaskName("classifier " + seed);
        // weighted BCE: each row's loss times its event weight times the balancing weight of its class
        double[] classWeights = ClassifierTrainer.balancedClassWeights(labels, weights);
        float[] w = null;
        if (weights != null) {
            // the product in double, then float: event weights of any scale stay finite after balancing
            w = new float[weights.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (weights[i] * classWeights[labels[i]]);
            }
            classWeights = null;
        }
        TrainHistory h = c.fit(Matrix.ofRows(rows), y, w, classWeights, tc);
        List<Snapshot> best = new ArrayList<>(h.best());
        return x -> {
            Matrix m = Matrix.ofRows(x);
            double[] mean = new double[x.length];
            for (Snapshot s : best) {
                s.restoreInto(c);
                double[] p = c.predict(m);
                for (int i = 0; i < p.length; i++) {
                    mean[i] += p[i] / best.size();
                }
            }
            return mean;
        };
    }
}
