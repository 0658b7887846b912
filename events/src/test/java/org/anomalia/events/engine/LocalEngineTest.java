package org.anomalia.events.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

class LocalEngineTest {
    /** One seeded training: a small MLP on two Gaussian classes of n rows, scored on a fixed grid. */
    record Training(long seed, int rows) implements Serializable {}

    static final TaskFunction<Training, double[]> TRAIN = t -> {
        SplittableRandom rng = new SplittableRandom(t.seed());
        float[][] x = new float[t.rows()][2];
        int[] y = new int[t.rows()];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 2;
            x[i][0] = (float) (rng.nextGaussian() + y[i]);
            x[i][1] = (float) rng.nextGaussian();
        }
        MlpTrainer mlp = new MlpTrainer(new int[] {16, 16}, 3, 64, 1e-2, 2, 0.2, false);
        float[][] grid = new float[9][2];
        for (int i = 0; i < grid.length; i++) grid[i][0] = (i - 4) * 0.5f;
        return mlp.train(x, y, t.seed()).score(grid);
    };

    /** Different sizes, so tasks finish out of order when run side by side. */
    static List<Training> tasks() {
        List<Training> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) tasks.add(new Training(100 + i, 300 - 40 * i));
        return tasks;
    }

    @Test
    void resultsComeInTaskOrderAndEqualAPlainLoopWhateverTheThreads() {
        List<Training> tasks = tasks();
        List<double[]> loop = new ArrayList<>();
        for (Training t : tasks) loop.add(TRAIN.apply(t));
        // the tasks differ from each other, so a permutation would be seen
        for (int i = 1; i < loop.size(); i++) assertFalse(Arrays.equals(loop.get(0), loop.get(i)));
        for (int threads : new int[] {1, 2, 3}) {
            List<double[]> got = new LocalEngine(threads).map(tasks, TRAIN);
            assertEquals(tasks.size(), got.size());
            for (int i = 0; i < tasks.size(); i++) {
                assertArrayEquals(loop.get(i), got.get(i), 0.0, threads + " threads, task " + i);
            }
        }
    }

    @Test
    void theLowestFailingTaskSurfacesAsThrown() {
        List<Integer> tasks = List.of(0, 1, 2, 3, 4, 5);
        UserException ours = new UserException("window 2: too few sideband events; widen --sideband-width");
        TaskFunction<Integer, Integer> fn = i -> {
            if (i == 2) throw ours;
            if (i == 4) throw new IllegalStateException("later failure");
            return i * i;
        };
        for (int threads : new int[] {1, 2}) {
            UserException e = assertThrows(UserException.class, () -> new LocalEngine(threads).map(tasks, fn));
            assertSame(ours, e, threads + " threads");
        }
    }

    @Test
    void progressCountsEveryTaskOnce() {
        List<Integer> tasks = List.of(5, 3, 8, 1, 9);
        List<Integer> seen = new ArrayList<>();
        List<Integer> got = new LocalEngine(2).map(tasks, i -> i + 1, (done, total) -> {
            assertEquals(5, total);
            seen.add(done);
        });
        assertEquals(List.of(6, 4, 9, 2, 10), got);
        assertEquals(List.of(1, 2, 3, 4, 5), seen);
    }

    @Test
    void describesItselfAndRefusesZeroThreads() {
        assertTrue(new LocalEngine(2).describe().contains("2 tasks side by side"));
        assertThrows(IllegalArgumentException.class, () -> new LocalEngine(0));
    }
}
