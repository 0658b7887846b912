package org.anomalia.events.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.anomalia.events.metrics.Roc;
import org.junit.jupiter.api.Test;

class AnodeTest {
    /** Background x1 ~ N(0.5 m, 1), x2 ~ N(0, 1) with m ~ U(0, 3); signal at (2.5, 2.5) ± 0.3 with m in [1, 2). */
    private static double[] event(SplittableRandom rng, boolean signal, double m) {
        if (signal) return new double[] {2.5 + 0.3 * rng.nextGaussian(), 2.5 + 0.3 * rng.nextGaussian()};
        return new double[] {0.5 * m + rng.nextGaussian(), rng.nextGaussian()};
    }

    @Test
    void findsALocalisedExcessAndKeepsTheScoreFinite() {
        SplittableRandom rng = new SplittableRandom(21);
        int nSb = 4000, nSrBg = 2000, nSig = 200;
        double[][] sbX = new double[nSb][];
        double[] sbM = new double[nSb];
        for (int i = 0; i < nSb; i++) {
            double m = rng.nextDouble() < 0.5 ? rng.nextDouble() : 2 + rng.nextDouble();
            sbM[i] = m;
            sbX[i] = event(rng, false, m);
        }
        double[][] srX = new double[nSrBg + nSig][];
        double[] srM = new double[srX.length];
        for (int i = 0; i < srX.length; i++) {
            srM[i] = 1 + rng.nextDouble();
            srX[i] = event(rng, i >= nSrBg, srM[i]);
        }
        FlowSettings s = new FlowSettings(2, 16, true, 1e-2, 128, 8, 2, 0.2, false);
        Anode anode = Anode.fit(srX, srM, sbX, sbM, s, 3);

        int nTest = 2000;
        double[][] x = new double[nTest][];
        double[] m = new double[nTest];
        int[] label = new int[nTest];
        for (int i = 0; i < nTest; i++) {
            m[i] = 1 + rng.nextDouble();
            label[i] = i % 4 == 0 ? 1 : 0;
            x[i] = event(rng, label[i] == 1, m[i]);
        }
        double[] score = anode.score(x, m);
        double auc = Roc.of(score, label).auc();
        assertTrue(auc > 0.9, "ANODE AUC " + auc);

        // An event beyond both models' training ranges: no evidence either way, a neutral finite score.
        double[] edge = anode.score(new double[][] {{100, 0}}, new double[] {1.5});
        assertEquals(0, edge[0]);
    }
}
