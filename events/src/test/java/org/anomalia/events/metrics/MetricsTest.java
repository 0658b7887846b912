package org.anomalia.events.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

/** Every number here was worked out by hand from the definitions (see the comments). */
class MetricsTest {
    // 3 signal, 4 background, no ties. ROC points (FPR, TPR):
    // (0,0) (0,1/3) (1/4,1/3) (1/4,2/3) (1/2,2/3) (1/2,1) (3/4,1) (1,1)
    static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
    static final int[] LABELS = {1, 0, 1, 0, 1, 0, 0};

    @Test
    void rocPointsAucAndSic() {
        Roc roc = Roc.of(SCORES, LABELS);
        assertArrayEquals(new double[] {0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 1}, roc.fpr(), 1e-15);
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1, 1, 1}, roc.tpr(), 1e-15);
        // pairs (signal above background): 4 + 3 + 2 of 12
        assertEquals(9.0 / 12, roc.auc(), 1e-15);
        // SIC = TPR/sqrt(FPR): best at (1/2, 1) -> sqrt 2
        assertEquals(Math.sqrt(2), roc.maxSic(Roc.DEFAULT_FPR_FLOOR), 1e-15);
        // a floor of 0.6 leaves (3/4, 1) and (1, 1): 1/sqrt(3/4)
        assertEquals(1 / Math.sqrt(0.75), roc.maxSic(0.6), 1e-15);
        // the same floor as a minimum background count: 3 of 4 background events
        assertEquals(1 / Math.sqrt(0.75), roc.maxSicWithMinBackground(3), 1e-15);
        // rejection: TPR 1/2 lies on the vertical segment at FPR 1/4; TPR 0.8 at FPR 1/2
        assertEquals(4.0, roc.rejectionAt(0.5), 1e-12);
        assertEquals(2.0, roc.rejectionAt(0.8), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, roc.rejectionAt(0.2));
    }

    @Test
    void tiesMoveTogetherAndInterpolateLinearly() {
        // signal at 1.0 and 0.5, background at 0.5 and 0.0: points (0,0) (0,1/2) (1/2,1) (1,1)
        Roc roc = Roc.of(new double[] {1.0, 0.5, 0.5, 0.0}, new int[] {1, 1, 0, 0});
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, roc.fpr(), 0);
        // P(s > b) + P(tie)/2 = (2 + 1 + 0.5) / 4
        assertEquals(0.875, roc.auc(), 1e-15);
        // TPR 3/4 is halfway along (0,1/2)-(1/2,1): FPR 1/4
        assertEquals(0.25, roc.fprAtTpr(0.75), 1e-15);
        assertEquals(4.0, roc.rejectionAt(0.75), 1e-12);
    }

    @Test
    void weightsCountAsEvents() {
        // doubling an event's weight is the same as duplicating it
        double[] s = {0.9, 0.8, 0.7, 0.2};
        int[] l = {1, 0, 1, 0};
        Roc weighted = Roc.of(s, l, new double[] {1, 2, 1, 1});
        Roc duplicated = Roc.of(new double[] {0.9, 0.8, 0.8, 0.7, 0.2}, new int[] {1, 0, 0, 1, 0});
        assertEquals(duplicated.auc(), weighted.auc(), 1e-15);
        assertArrayEquals(duplicated.fpr(), weighted.fpr(), 1e-15);
        assertEquals(3.0, weighted.backgroundTotal(), 0);
    }

    @Test
    void aucEqualsTheMannWhitneyCountOnRandomData() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 400;
        double[] s = new double[n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = rng.nextInt(3) == 0 ? 1 : 0;
            s[i] = Math.round((rng.nextGaussian() + l[i]) * 4) / 4.0; // coarse: many ties
        }
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (l[i] == 1 && l[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, Roc.of(s, l).auc(), 1e-12);
    }

    @Test
    void significanceAfterCuts() {
        Roc roc = Roc.of(new double[] {1.0, 0.5, 0.5, 0.0}, new int[] {1, 1, 0, 0});
        double s0 = 100;
        double b0 = 10000;
        SignificanceAfterCut c = SignificanceAfterCut.atSignalEfficiencies(roc, s0, b0, new double[] {0.75}).get(0);
        // TPR 3/4, FPR 1/4: S = 75, B = 2500
        assertEquals(75, c.signal(), 1e-12);
        assertEquals(2500, c.background(), 1e-12);
        assertEquals(75 / Math.sqrt(2575), c.sOverSqrtSPlusB(), 1e-12);
        assertEquals(1.5, c.sOverSqrtB(), 1e-12);
        assertEquals(1.5, c.improvementSOverSqrtB(), 1e-12); // = TPR/sqrt(FPR) = SIC
        assertEquals((75 / Math.sqrt(2575)) / (100 / Math.sqrt(10100)), c.improvementSOverSqrtSPlusB(), 1e-12);
        // best cut with FPR > 0: (1/2, 1) gives S = 100, B = 5000
        SignificanceAfterCut best = SignificanceAfterCut.best(roc, s0, b0, 1e-4);
        assertEquals((100 / Math.sqrt(5100)) / (100 / Math.sqrt(10100)), best.improvementSOverSqrtSPlusB(), 1e-12);
        // signal efficiency 1 is reached at FPR 1/2 already (the loosest cut keeping all signal)
        SignificanceAfterCut all = SignificanceAfterCut.atSignalEfficiencies(roc, s0, b0, new double[] {1.0}).get(0);
        assertEquals(0.5, all.backgroundEfficiency(), 1e-15);
    }

    @Test
    void metricsJsonHasTheAgreedFields() {
        Metrics m = Metrics.of(SCORES, LABELS);
        Map<String, Object> json = m.toJsonMap();
        assertEquals(0.75, (Double) json.get("auc"), 1e-15);
        assertEquals(Math.sqrt(2), (Double) json.get("max_sic"), 1e-15);
        assertNull(json.get("rejection_at_0.2")); // infinite: no background passes
        assertEquals(1 / 0.25, (Double) json.get("rejection_at_0.4"), 1e-12);
        // S0 = 3, B0 = 4; best S/sqrt(S+B) over cuts: (1/2, 1) -> 3/sqrt(5) against 3/sqrt(7)
        assertEquals(Math.sqrt(7.0 / 5.0), (Double) json.get("significance_improvement"), 1e-12);
        assertTrue(json.containsKey("cuts"));
        assertEquals(SignificanceAfterCut.DEFAULT_SIGNAL_EFFICIENCIES.length, ((List<?>) json.get("cuts")).size());
    }

    @Test
    void badInputIsAUserError() {
        assertThrows(UserException.class, () -> Roc.of(new double[] {1, 2}, new int[] {1, 2}));
        assertThrows(UserException.class, () -> Roc.of(new double[] {1, 2}, new int[] {1, 1}));
        assertThrows(UserException.class, () -> Roc.of(new double[] {Double.NaN, 2}, new int[] {1, 0}));
    }

    @Test
    void integerWeightsEqualDuplicatedEventsAndWeightZeroEqualsDropping() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 300;
        double[] s = new double[n];
        int[] l = new int[n];
        double[] w = new double[n];
        List<Double> dupScores = new ArrayList<>();
        List<Integer> dupLabels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l[i] = rng.nextInt(3) == 0 ? 1 : 0;
            s[i] = Math.round((rng.nextGaussian() + l[i]) * 4) / 4.0; // coarse: many ties
            w[i] = rng.nextInt(4); // 0 to 3: a weight-0 event is dropped from the duplicated sample
            for (int k = 0; k < w[i]; k++) {
                dupScores.add(s[i]);
                dupLabels.add(l[i]);
            }
        }
        Roc weighted = Roc.of(s, l, w);
        Roc duplicated = Roc.of(dupScores.stream().mapToDouble(Double::doubleValue).toArray(),
                dupLabels.stream().mapToInt(Integer::intValue).toArray());
        assertArrayEquals(duplicated.fpr(), weighted.fpr(), 0);
        assertArrayEquals(duplicated.tpr(), weighted.tpr(), 0);
        assertArrayEquals(duplicated.thresholds(), weighted.thresholds(), 0);
        assertEquals(duplicated.auc(), weighted.auc(), 1e-15);
        Metrics mw = Metrics.of(weighted, 0.01, weighted.signalTotal(), weighted.backgroundTotal());
        Metrics md = Metrics.of(duplicated, 0.01, duplicated.signalTotal(), duplicated.backgroundTotal());
        assertEquals(md.toJsonMap(), mw.toJsonMap());
        assertEquals(dupLabels.stream().filter(x -> x == 1).count(), weighted.signalTotal(), 0);

        // the smallest case by hand: a weight-0 event between two others leaves no ROC point
        Roc dropped = Roc.of(new double[] {0.9, 0.5, 0.1}, new int[] {1, 0, 0});
        Roc zero = Roc.of(new double[] {0.9, 0.7, 0.5, 0.1}, new int[] {1, 1, 0, 0}, new double[] {1, 0, 1, 1});
        assertArrayEquals(dropped.fpr(), zero.fpr(), 0);
        assertArrayEquals(dropped.tpr(), zero.tpr(), 0);
    }

    @Test
    void weightedSignificanceTableByHand() {
        // signal 1.0 (w 3), 0.5 (w 1); background 0.5 (w 2), 0.0 (w 6): S0 = 4, B0 = 8.
        // ROC points (FPR, TPR): (0,0) (0,3/4) (1/4,1) (1,1)
        Roc roc = Roc.of(new double[] {1.0, 0.5, 0.5, 0.0}, new int[] {1, 1, 0, 0}, new double[] {3, 1, 2, 6});
        assertArrayEquals(new double[] {0, 0, 0.25, 1}, roc.fpr(), 0);
        assertArrayEquals(new double[] {0, 0.75, 1, 1}, roc.tpr(), 0);
        // weighted pairs: 3·2 + 3·6 + ½·1·2 + 1·6 = 31 of 4·8
        assertEquals(31.0 / 32, roc.auc(), 1e-15);
        Metrics m = Metrics.of(roc, 1e-4, roc.signalTotal(), roc.backgroundTotal());
        assertEquals(4, m.expectedSignal(), 0);
        assertEquals(8, m.expectedBackground(), 0);
        // ε_S = 0.8 lies a fifth of the way from (0, 3/4) to (1/4, 1): ε_B = 0.05, S = 3.2, B = 0.4
        SignificanceAfterCut c = m.cuts().get(0);
        assertEquals(0.8, c.signalEfficiency(), 0);
        assertEquals(0.05, c.backgroundEfficiency(), 1e-12);
        assertEquals(3.2, c.signal(), 1e-12);
        assertEquals(0.4, c.background(), 1e-12);
        assertEquals(3.2 / Math.sqrt(3.6), c.sOverSqrtSPlusB(), 1e-12);
        assertEquals((3.2 / Math.sqrt(3.6)) / (4 / Math.sqrt(12)), c.improvementSOverSqrtSPlusB(), 1e-12);
        // best cut with ε_B > 0: (1/4, 1), S = 4, B = 2: 4/√6 against 4/√12
        assertEquals(Math.sqrt(2), m.significanceImprovement(), 1e-12);
        // SIC at (1/4, 1) = 2
        assertEquals(2, m.maxSic(), 1e-12);
    }

    @Test
    void negativeWeightsKeepTheAucTheWeightedPairCount() {
        // NLO-like: a negative signal weight. Weighted pairs (signal above background):
        // 0.9(2) > 0.8(1): 2; 0.9(2) > 0.6(1): 2; 0.7(−1) > 0.6(1): −1 -> 3 of S·B = 1·2
        Roc roc = Roc.of(new double[] {0.9, 0.8, 0.7, 0.6}, new int[] {1, 0, 1, 0}, new double[] {2, 1, -1, 1});
        assertEquals(1, roc.signalTotal(), 0);
        assertEquals(1.5, roc.auc(), 1e-15);
        assertThrows(UserException.class, () -> Roc.of(new double[] {1, 2}, new int[] {1, 0}, new double[] {1, Double.NaN}));
    }
}
