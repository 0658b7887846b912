package org.anomalia.numerics.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkSharingTest {
    @Test
    void everyItemOnceWhateverTheThreads() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            int[] done = new int[1000];
            AtomicInteger workers = new AtomicInteger();
            WorkSharing.run(done.length, threads, "test", () -> {
                workers.incrementAndGet();
                return item -> done[item]++;
            });
            int[] once = new int[done.length];
            java.util.Arrays.fill(once, 1);
            assertArrayEquals(once, done, threads + " threads");
            assertTrue(workers.get() <= threads);
        }
    }

    @Test
    void theFirstFailureSurfacesAsThrownAndStopsTheRest() {
        IllegalArgumentException boom = new IllegalArgumentException("item 3");
        AtomicInteger after = new AtomicInteger();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkSharing.run(100_000, 2, "test", () -> item -> {
            if (item == 3) throw boom;
            if (item > 50_000) after.incrementAndGet();
        }));
        assertSame(boom, e);
        assertTrue(after.get() < 50_000, "items kept being taken after the failure: " + after.get());
    }
}
