package org.anomalia.events.classify;

import org.anomalia.numerics.io.Progress;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.numerics.random.Seeds;
import org.anomalia.learn.train.ParallelTraining;

/**
 * k-fold training so that every training event is scored by models that never saw it, plus the
 * ensemble of all k models for events outside the training set.
 */
public final class KFold {
    /** Out-of-fold scores of the training rows and the k fold models. */
    public record Result(double[] outOfFold, List<Scorer> models) {
        /** Mean score of the k models: for rows that were not in the training set. */
        public double[] ensembleScore(float[][] rows) {
            double[] mean = new double[rows.length];
            for (Scorer m : models) {
                double[] s = m.score(rows);
                for (int i = 0; i < s.length; i++) {
                    mean[i] += s[i] / models.size();
                }
            }
            return mean;
        }
    }

    private KFold() {
    }

    /** Fold of each row: a seeded shuffle dealt round-robin into k folds. */
    public static int[] folds(int n, int k, long seed) {
        int[] perm = XgboostTrainer.permutation(n, seed);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[perm[i]] = i % k;
        }
        return fold;
    }

    /**
     * Trains the k fold models side by side, as many at a time as the cores allow (the kernel thread
     * count divided by the trainer's own threads); each fold owns its seed and rows, so the result
     * is the same, bit for bit, as training them one after another. Side by side, the folds' own
     * progress bars give way to one bar over the folds.
     */
    public static Result run(ClassifierTrainer trainer, float[][] rows, int[] labels, int k, long seed) {
        return run(trainer, rows, labels, null, k, seed);
    }

    /** With per-event weights (null = 1 each), which every fold model trains with. */
    public static Result run(ClassifierTrainer trainer, float[][] rows, int[] labels, double[] weights, int k, long seed) {
        if (k < 2) {
            Scorer all = trainer.train(rows, labels, weights, seed);
            return new Result(all.score(rows), List.of(all));
        }
        int[] fold = folds(rows.length, k, seed);
        double[] oof = new double[rows.length];
        int threads = Math.min(k, Math.max(1, ParallelTraining.threads() / Math.max(1, trainer.threads())));
        ClassifierTrainer each = threads > 1 ? trainer.withProgress(false) : trainer;
        try (Progress bar = threads > 1 && trainer.progress() ? foldBar(trainer, k, threads) : null) {
            List<Scorer> models = ParallelTraining.map(k, threads, f -> {
                Scorer m = trainFold(each, rows, labels, weights, fold, f, Seeds.derive(seed, "fold", f), oof);
                if (bar != null) {
                    bar.step();
                }
                return m;
            });
            return new Result(oof, models);
        }
    }

    /** Trains on every fold but f and scores fold f's rows into oof (the folds' rows are disjoint). */
    private static Scorer trainFold(ClassifierTrainer trainer, float[][] rows, int[] labels, double[] weights, int[] fold, int f,
            long seed, double[] oof) {
        List<float[]> trainRows = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Double> trainWeights = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (fold[i] == f) {
                held.add(i);
            } else {
                trainRows.add(rows[i]);
                trainLabels.add(labels[i]);
                if (weights != null) {
                    trainWeights.add(weights[i]);
                }
            }
        }
        Scorer m = trainer.train(trainRows.toArray(new float[0][]), trainLabels.stream().mapToInt(Integer::intValue).toArray(),
                weights == null ? null : trainWeights.stream().mapToDouble(Double::doubleValue).toArray(), seed);
        float[][] heldRows = new float[held.size()][];
        for (int j = 0; j < heldRows.length; j++) {
            heldRows[j] = rows[held.get(j)];
        }
        double[] s = m.score(heldRows);
        for (int j = 0; j < s.length; j++) {
            oof[held.get(j)] = s[j];
        }
        return m;
    }

    private static Progress foldBar(ClassifierTrainer trainer, int k, int threads) {
        return Progress.start(k + "-fold " + trainer.name() + " (" + threads + " side by side)", k, " folds");
    }
}
