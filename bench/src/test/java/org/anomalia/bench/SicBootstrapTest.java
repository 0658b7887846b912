package org.anomalia.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.events.metrics.Roc;
import org.junit.jupiter.api.Test;

class SicBootstrapTest {
    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] v = {4, 1, 3, 2};
        assertEquals(1, SicBootstrap.quantile(v, 0), 0);
        assertEquals(4, SicBootstrap.quantile(v, 1), 0);
        assertEquals(2.5, SicBootstrap.quantile(v, 0.5), 1e-12);
        assertEquals(2, SicBootstrap.quantile(v, 1.0 / 3), 1e-12);
        assertEquals(1.3, SicBootstrap.quantile(v, 0.1), 1e-12);
    }

    @Test
    void everyScoreVectorIsJudgedOnTheSameResample() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 2000;
        int[] labels = new int[n];
        double[] a = new double[n];
        double[] flipped = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4 == 0 ? 1 : 0;
            a[i] = rng.nextGaussian() + 1.5 * labels[i];
            flipped[i] = -a[i];
        }
        double[] monotone = a.clone();
        for (int i = 0; i < n; i++) {
            monotone[i] = Math.exp(a[i]); // same ranking, so the same ROC on any resample
        }
        double[][] sic = SicBootstrap.maxSic(List.of(a, monotone, flipped), labels, 1e-2, 30, 11);
        double spread = 0;
        for (double[] r : sic) {
            assertEquals(r[0], r[1], 1e-12);
            assertTrue(r[2] < r[0], "the reversed score ranks signal last");
            spread = Math.max(spread, Math.abs(r[0] - sic[0][0]));
        }
        assertTrue(spread > 0, "resamples differ");
        assertArrayEquals(sic[7], SicBootstrap.maxSic(List.of(a, monotone, flipped), labels, 1e-2, 30, 11)[7], "same seed, same resamples");
        // The resamples scatter around the max SIC of the evaluation set itself.
        double[] col = new double[sic.length];
        for (int r = 0; r < sic.length; r++) {
            col[r] = sic[r][0];
        }
        double full = Roc.of(a, labels).maxSic(1e-2);
        assertTrue(SicBootstrap.quantile(col, 0.05) < full * 1.05 && SicBootstrap.quantile(col, 0.95) > full * 0.95,
                "full-set max SIC " + full + " inside the bulk of the resamples");
    }
}
