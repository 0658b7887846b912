package org.anomalia.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.events.metrics.Roc;

/**
 * How much the max SIC moves with the evaluation events themselves: the evaluation set is
 * resampled with replacement (as weights: how often each event was drawn) and every score vector
 * is judged on the same resample, so differences between classifiers are compared pairwise. At an
 * FPR floor of 1e-4 on 40k background events the maximum rests on a handful of events, which this
 * makes visible beside the seed-to-seed spread.
 */
final class SicBootstrap {
    private SicBootstrap() {
    }

    /** max SIC [replicate][vector] of each score vector on each resample of the evaluation events. */
    static double[][] maxSic(List<double[]> scores, int[] labels, double fprFloor, int replicates, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = labels.length;
        double[][] out = new double[replicates][scores.size()];
        double[] weights = new double[n];
        for (int r = 0; r < replicates; r++) {
            java.util.Arrays.fill(weights, 0);
            for (int i = 0; i < n; i++) {
                weights[rng.nextInt(n)] += 1;
            }
            for (int v = 0; v < scores.size(); v++) {
                out[r][v] = Roc.of(scores.get(v), labels, weights).maxSic(fprFloor);
            }
        }
        return out;
    }

    /** The q-quantile (0..1) of the values, linear between order statistics. */
    static double quantile(double[] values, double q) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
