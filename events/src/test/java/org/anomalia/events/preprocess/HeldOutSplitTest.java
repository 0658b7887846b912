package org.anomalia.events.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {
    /** A bulk N(0, 1) in two features, with a far tail in the first: one row in fifty at 5 to 40. */
    private static double[][] rows(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = new double[] {rng.nextInt(50) == 0 ? 5 + 35 * rng.nextDouble() : rng.nextGaussian(), rng.nextGaussian()};
        return x;
    }

    @Test
    void theTrainingAndHeldOutRowsPartitionTheRowsAndThePreprocessingSeesOnlyTheTrainingRows() {
        double[][] x = rows(3000, 1);
        HeldOutSplit s = HeldOutSplit.of(Preprocessing.FOR_FLOWS, x, 0.2, 7);
        assertEquals(2400, s.training().length);
        assertEquals(600, s.heldOut().length + s.outside());
        int[] all = IntStream.concat(Arrays.stream(s.training()), Arrays.stream(s.heldOut())).sorted().toArray();
        assertEquals(all.length, Arrays.stream(all).distinct().count(), "no row in both parts");

        // the same steps fitted on the training rows alone transform every row alike
        Preprocessing own = Preprocessing.fit(Preprocessing.FOR_FLOWS, HeldOutSplit.pick(x, s.training()));
        assertArrayEquals(own.forward(x, null)[s.heldOut()[0]], s.preprocessing().forward(x, null)[s.heldOut()[0]], 0);

        // counted from the training rows' own range: the held-out rows beyond it in some feature
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE}, hi = {-Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i : s.training()) for (int c = 0; c < 2; c++) {
            lo[c] = Math.min(lo[c], x[i][c]);
            hi[c] = Math.max(hi[c], x[i][c]);
        }
        boolean[] isTraining = new boolean[x.length];
        for (int i : s.training()) isTraining[i] = true;
        int beyond = 0;
        for (int i = 0; i < x.length; i++) {
            if (isTraining[i]) continue;
            boolean out = false;
            for (int c = 0; c < 2; c++) out |= x[i][c] < lo[c] || x[i][c] > hi[c];
            if (out) beyond++;
        }
        assertEquals(beyond, s.outside());
        for (int i : s.heldOut()) for (int c = 0; c < 2; c++) assertTrue(x[i][c] >= lo[c] && x[i][c] <= hi[c]);
    }

    @Test
    void theSplitFollowsTheSeedAndNothingIsHeldOutAtFractionZero() {
        double[][] x = rows(1000, 2);
        assertArrayEquals(HeldOutSplit.of(Preprocessing.FOR_FLOWS, x, 0.2, 3).heldOut(), HeldOutSplit.of(Preprocessing.FOR_FLOWS, x, 0.2, 3).heldOut());
        assertTrue(!Arrays.equals(HeldOutSplit.of(Preprocessing.FOR_FLOWS, x, 0.2, 3).heldOut(),
                HeldOutSplit.of(Preprocessing.FOR_FLOWS, x, 0.2, 4).heldOut()));
        HeldOutSplit none = HeldOutSplit.of(Preprocessing.FOR_FLOWS, x, 0, 3);
        assertEquals(1000, none.training().length);
        assertEquals(0, none.heldOut().length + none.outside());
    }
}
