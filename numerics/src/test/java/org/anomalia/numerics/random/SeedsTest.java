package org.anomalia.numerics.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void splitMix64ReferenceValues() {
        // SplitMix64 (Steele, Lea, Flood 2014) started at 0 gives these first outputs; derive(0, 0) is the first,
        // state(·) continues the same sequence.
        assertEquals(0xE220A8397B1DCDAFL, Seeds.derive(0, 0));
        assertEquals(0x6E789E6AA1B965F4L, Seeds.derive(0, 1));
        long[] s = Seeds.state(0, 0, 2);
        assertEquals(Seeds.derive(0x632BE59BD9B4E019L, 0), s[0]);
    }

    @Test
    void stepsIndicesAndSeedsGiveDistinctStreams() {
        Set<Long> seen = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            for (String step : new String[] {"fold", "run", "pure background", "evaluation events"}) {
                for (int i = 0; i < 50; i++) {
                    assertTrue(seen.add(Seeds.derive(seed, step, i)), seed + " " + step + " " + i);
                }
            }
        }
        // the old ad-hoc scheme collided: seed 1's second step (1 + 1) was seed 2's first (2 + 0)
        assertNotEquals(Seeds.derive(1, "step", 1), Seeds.derive(2, "step", 0));
        assertEquals(Seeds.derive(7, "fold", 3), Seeds.derive(7, "fold", 3));
        assertArrayEquals(Seeds.state(3, 4, 4), Seeds.state(3, 4, 4));
    }

    @Test
    void subSeedBitsLookUniform() {
        // adjacent seeds: each output bit set about half the time (4000 draws: ±4σ = ±0.032)
        int n = 4000;
        int[] ones = new int[64];
        for (int seed = 0; seed < n; seed++) {
            long v = Seeds.derive(seed, "toy", 0);
            for (int b = 0; b < 64; b++) ones[b] += (int) ((v >>> b) & 1);
        }
        for (int b = 0; b < 64; b++) assertEquals(0.5, ones[b] / (double) n, 0.032, "bit " + b);
    }
}
