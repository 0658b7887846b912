package org.anomalia.events.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.anomalia.events.metrics.Roc;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ClassifiersTest {
    /** Two unit Gaussians in 2-D whose means differ by 1 along the first axis. */
    private static float[][] rows(int n, int[] labels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][2];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            x[i][0] = (float) (rng.nextGaussian() + labels[i]);
            x[i][1] = (float) rng.nextGaussian();
        }
        return x;
    }

    /** Bayes-optimal AUC for a mean shift of 1 between unit Gaussians: Φ(1/√2). */
    private static final double BAYES_AUC = NormalDistribution.of(0, 1).cumulativeProbability(1 / Math.sqrt(2));

    @Test
    void kFoldScoresEveryRowWithModelsThatNeverSawIt() {
        int n = 103;
        float[][] x = new float[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
        }
        int[] labels = new int[n];
        // a "classifier" that remembers its training rows: 1 for a seen row, 0 otherwise
        ClassifierTrainer memorizer = new ClassifierTrainer() {
            @Override
            public String name() {
                return "memorizer";
            }

            @Override
            public Scorer train(float[][] rows, int[] l, long seed) {
                Set<Float> seen = new HashSet<>();
                for (float[] r : rows) {
                    seen.add(r[0]);
                }
                return q -> {
                    double[] s = new double[q.length];
                    for (int i = 0; i < q.length; i++) {
                        s[i] = seen.contains(q[i][0]) ? 1 : 0;
                    }
                    return s;
                };
            }
        };
        KFold.Result r = KFold.run(memorizer, x, labels, 5, 3);
        assertArrayEquals(new double[n], r.outOfFold(), 0.0);
        // each model saw 4 of 5 folds: the ensemble scores a training row 4/5
        assertEquals(0.8, r.ensembleScore(new float[][] {{7f}})[0], 1e-12);
        int[] counts = new int[5];
        for (int f : KFold.folds(n, 5, 3)) {
            counts[f]++;
        }
        for (int c : counts) {
            assertTrue(c == 20 || c == 21);
        }
    }

    @Test
    void xgboostReachesTheBayesAuc() {
        int[] ly = new int[4000];
        float[][] train = rows(4000, ly, 1);
        int[] ty = new int[20000];
        float[][] test = rows(20000, ty, 2);
        Scorer s = XgboostTrainer.defaults().train(train, ly, 5);
        double auc = Roc.of(s.score(test), ty).auc();
        assertEquals(BAYES_AUC, auc, 0.02);
        // deterministic for a seed
        assertArrayEquals(s.score(test), XgboostTrainer.defaults().train(train, ly, 5).score(test), 0.0);
    }

    @Test
    void mlpReachesTheBayesAuc() {
        int[] ly = new int[4000];
        float[][] train = rows(4000, ly, 3);
        int[] ty = new int[20000];
        float[][] test = rows(20000, ty, 4);
        MlpTrainer t = new MlpTrainer(new int[] {16, 16}, 8, 128, 3e-3, 3, 0.2, false);
        double auc = Roc.of(t.train(train, ly, 6).score(test), ty).auc();
        assertEquals(BAYES_AUC, auc, 0.02);
    }

    /** One tree: loss-guided growth stops at maxLeaves leaves (distinct scores), depth-wise growth at 2^depth. */
    @Test
    void xgboostGrowsLossGuidedTreesUpToMaxLeaves() {
        int[] labels = new int[2000];
        float[][] x = rows(2000, labels, 21);
        for (int leaves : new int[] {2, 3, 5}) {
            double[] s = new XgboostTrainer(1, 0, 0.3, 5, 0.0, 1, 1, leaves).train(x, labels, 4).score(x);
            assertEquals(leaves, java.util.Arrays.stream(s).distinct().count(), "max_leaves " + leaves);
        }
        double[] depthWise = new XgboostTrainer(1, 3, 0.3, 5, 0.0, 1).train(x, labels, 4).score(x);
        assertEquals(8, java.util.Arrays.stream(depthWise).distinct().count(), "depth 3");
    }

    /** Weighted mean log-loss of the first {@code trees} trees on rows perm[0..nVal), as the trainer's validation split. */
    private static double validationLoss(XgboostTrainer.Model m, int trees, float[][] x, int[] labels, int[] perm, int nVal, double[] cw) {
        float[][] val = new float[nVal][];
        for (int k = 0; k < nVal; k++) {
            val[k] = x[perm[k]];
        }
        double[] p = new XgboostTrainer.Model(m.booster(), trees, m.roundsRun()).score(val);
        double loss = 0;
        double weight = 0;
        for (int k = 0; k < nVal; k++) {
            int y = labels[perm[k]];
            double q = Math.min(Math.max(p[k], 1e-15), 1 - 1e-15);
            loss -= cw[y] * (y == 1 ? Math.log(q) : Math.log(1 - q));
            weight += cw[y];
        }
        return loss / weight;
    }

    /**
     * Early stopping against a validation loss recomputed here from the trees' own predictions: the
     * model keeps the round of least validation loss, has grown exactly {@code earlyStopping} rounds
     * past it, and no round it grew did better; with keepGrown the same booster scores with every tree.
     */
    @Test
    void xgboostStopsWhereTheValidationLossStoppedImproving() {
        int n = 3000;
        int[] labels = new int[n];
        float[][] x = rows(n, labels, 31);
        int patience = 5;
        long seed = 9;
        XgboostTrainer cut = new XgboostTrainer(300, 0, 0.3, patience, 0.2, 1, 1, 31, false);
        XgboostTrainer.Model m = cut.train(x, labels, seed);
        assertTrue(m.roundsRun() < 300, "stopped early: " + m.roundsRun());
        assertEquals(m.trees() + patience, m.roundsRun());
        int[] perm = XgboostTrainer.permutation(n, seed);
        double[] cw = ClassifierTrainer.balancedClassWeights(labels, null);
        double best = validationLoss(m, m.trees(), x, labels, perm, 600, cw);
        for (int t = 1; t <= m.roundsRun(); t++) {
            double loss = validationLoss(m, t, x, labels, perm, 600, cw);
            assertTrue(loss >= best - 1e-6, t + " trees: " + loss + " < " + best + " at " + m.trees());
        }
        assertTrue(validationLoss(m, 1, x, labels, perm, 600, cw) > best + 1e-4, "the loss improved after the first tree");
        XgboostTrainer.Model kept = new XgboostTrainer(300, 0, 0.3, patience, 0.2, 1, 1, 31, true).train(x, labels, seed);
        assertEquals(m.roundsRun(), kept.trees());
        assertEquals(m.roundsRun(), kept.roundsRun());
        assertArrayEquals(new XgboostTrainer.Model(m.booster(), m.roundsRun(), m.roundsRun()).score(x), kept.score(x), 0.0);
    }

    /** Labels that do not depend on x: the validation loss stops improving within a few trees, so few are grown. */
    @Test
    void xgboostGrowsFewTreesOnPureNoise() {
        int n = 20000;
        SplittableRandom rng = new SplittableRandom(41);
        float[][] x = new float[n][4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) rng.nextGaussian();
            }
            labels[i] = rng.nextInt(2);
        }
        for (long seed = 1; seed <= 3; seed++) {
            XgboostTrainer.Model m = XgboostTrainer.defaults().train(x, labels, seed);
            int patience = XgboostTrainer.defaults().earlyStopping();
            assertTrue(m.roundsRun() <= patience + 5, "seed " + seed + ": grew " + m.roundsRun() + " trees on noise (patience " + patience + ")");
            assertEquals(m.roundsRun(), m.trees(), "the defaults keep every tree grown");
        }
    }

    @Test
    void foldsSideBySideGiveTheSequentialScoresBitForBit() {
        int[] labels = new int[900];
        float[][] x = rows(900, labels, 7);
        float[][] fresh = rows(50, new int[50], 8);
        MlpTrainer mlp = new MlpTrainer(new int[] {16, 16}, 3, 64, 3e-3, 2, 0.2, false);
        XgboostTrainer bdt = new XgboostTrainer(20, 3, 0.3, 5, 0.1, 1);
        int before = org.anomalia.learn.Kernels.threads();
        try {
            for (ClassifierTrainer t : new ClassifierTrainer[] {mlp, bdt}) {
                org.anomalia.learn.Kernels.setThreads(1);   // one fold after another
                KFold.Result one = KFold.run(t, x, labels, 3, 11);
                org.anomalia.learn.Kernels.setThreads(3);   // all three folds at once
                KFold.Result three = KFold.run(t, x, labels, 3, 11);
                assertArrayEquals(one.outOfFold(), three.outOfFold(), 0.0, t.name());
                assertArrayEquals(one.ensembleScore(fresh), three.ensembleScore(fresh), 0.0, t.name());
                assertTrue(new HashSet<>(java.util.Arrays.stream(one.outOfFold()).boxed().toList()).size() > 100, "scores vary");
            }
        } finally {
            org.anomalia.learn.Kernels.setThreads(before);
        }
    }

    /**
     * x uniform on [0, 1] in both classes, but class-1 events weighted 2x: the weighted class-1
     * density is 2x, so the weighted likelihood ratio grows with x and the best weighted AUC is
     * P(X1 > X0) = ∫ 2x · x dx = 2/3. Unweighted, the classes are the same: AUC 1/2.
     */
    private static float[][] uniformRows(int n, int[] labels, double[] weights, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][1];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            x[i][0] = (float) rng.nextDouble();
            weights[i] = labels[i] == 1 ? 2 * x[i][0] : 1;
        }
        return x;
    }

    @Test
    void bothClassifiersLearnTheWeightedLikelihoodRatio() {
        int[] ly = new int[12000];
        double[] lw = new double[12000];
        float[][] train = uniformRows(12000, ly, lw, 7);
        int[] ty = new int[20000];
        double[] tw = new double[20000];
        float[][] test = uniformRows(20000, ty, tw, 8);
        MlpTrainer mlp = new MlpTrainer(new int[] {16, 16}, 8, 128, 3e-3, 3, 0.2, false);
        for (ClassifierTrainer t : new ClassifierTrainer[] {XgboostTrainer.defaults(), mlp}) {
            double weighted = Roc.of(t.train(train, ly, lw, 5).score(test), ty, tw).auc();
            assertEquals(2.0 / 3, weighted, 0.02, t.name() + " trained with weights");
            double unweighted = Roc.of(t.train(train, ly, 5).score(test), ty, tw).auc();
            assertTrue(unweighted < 0.6, t.name() + " trained without weights: weighted AUC " + unweighted);
        }
    }

    @Test
    void unitWeightsAndTheScaleOfTheWeightsChangeNothing() {
        int[] ly = new int[2000];
        float[][] train = rows(2000, ly, 1);
        int[] ty = new int[500];
        float[][] test = rows(500, ty, 2);
        double[] ones = new double[2000];
        java.util.Arrays.fill(ones, 1.0);
        MlpTrainer mlp = new MlpTrainer(new int[] {8}, 2, 128, 3e-3, 1, 0.2, false);
        for (ClassifierTrainer t : new ClassifierTrainer[] {XgboostTrainer.defaults(), mlp}) {
            assertArrayEquals(t.train(train, ly, 5).score(test), t.train(train, ly, ones, 5).score(test), 0.0, t.name());
        }
        // the balancing class weights n / (2 W_c) take out the weights' scale: × 2^130 (beyond float's range) is exact
        double[] w = new double[2000];
        double[] huge = new double[2000];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.5 + i % 3;
            huge[i] = Math.scalb(w[i], 130);
        }
        for (ClassifierTrainer t : new ClassifierTrainer[] {XgboostTrainer.defaults(), mlp}) {
            assertArrayEquals(t.train(train, ly, w, 5).score(test), t.train(train, ly, huge, 5).score(test), 0.0, t.name());
        }
        // class weights n / (2 W_c): with unit weights n / (2 n_c); with weights, both classes carry n / 2
        assertArrayEquals(new double[] {4.0 / 6, 2.0}, ClassifierTrainer.balancedClassWeights(new int[] {0, 0, 0, 1}, null), 1e-15);
        assertArrayEquals(new double[] {4.0 / 2, 4.0 / 6}, ClassifierTrainer.balancedClassWeights(new int[] {0, 0, 1, 1},
                new double[] {0.5, 0.5, 1, 2}), 1e-15);
    }

    @Test
    void kFoldHandsEveryModelTheWeightsOfItsOwnRows() {
        int n = 50;
        float[][] x = new float[n][1];
        int[] labels = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            labels[i] = i % 2;
            w[i] = 0.5 * i;
        }
        List<double[]> seen = new ArrayList<>();
        ClassifierTrainer recorder = new ClassifierTrainer() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public Scorer train(float[][] rows, int[] l, long seed) {
                throw new AssertionError("weights were dropped");
            }

            @Override
            public Scorer train(float[][] rows, int[] l, double[] weights, long seed) {
                for (int i = 0; i < rows.length; i++) {
                    assertEquals(0.5 * rows[i][0], weights[i], 0.0);
                }
                seen.add(weights);
                return q -> new double[q.length];
            }
        };
        KFold.run(recorder, x, labels, w, 5, 3);
        assertEquals(5, seen.size());
        // every row is in the training set of k − 1 = 4 models
        assertEquals(4 * 0.5 * (n - 1) * n / 2, seen.stream().flatMapToDouble(java.util.Arrays::stream).sum(), 1e-9);
    }
}
