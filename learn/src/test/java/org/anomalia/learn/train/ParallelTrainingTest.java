package org.anomalia.learn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.anomalia.learn.Kernels;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.nn.Mlp;
import org.anomalia.learn.nn.Sequential;
import org.junit.jupiter.api.Test;

class ParallelTrainingTest {
    /** Regression through 128-wide layers: at batch 256 its matmuls are big enough to split across kernel threads. */
    static final class Wide implements Trainable {
        final Sequential net;

        Wide(long seed) {
            net = Mlp.builder("wide", 2).dense(128, Activation.RELU).dense(128, Activation.RELU).dense(1, Activation.IDENTITY)
                    .build(new SplittableRandom(seed));
        }

        public List<Param> params() {
            return net.params();
        }

        public Tensor loss(Tape t, Matrix batch, SplittableRandom rng) {
            Tensor all = t.constant(batch);
            return t.meanAll(t.square(t.sub(net.forward(t, t.sliceCols(all, 0, 2)), t.sliceCols(all, 2, 3))));
        }
    }

    /** The weights of a model trained with its own seed and its own data. */
    private static List<float[]> member(int i) {
        Wide w = new Wide(100 + i);
        Trainer.fit(w, TrainerTest.data(700, 200 + i), new TrainConfig().withEpochs(2).withBatchSize(256).withLr(1e-2).withSeed(300 + i).withProgress(false));
        List<float[]> weights = new ArrayList<>();
        for (Param p : w.params()) weights.add(p.value.data.clone());
        return weights;
    }

    @Test
    void membersSideBySideGiveTheSequentialWeightsBitForBit() {
        assertTrue(Kernels.threads() >= 1);
        List<List<float[]>> sequential = ParallelTraining.map(4, 1, ParallelTrainingTest::member);
        for (int threads : new int[] {2, 3}) {
            List<List<float[]>> parallel = ParallelTraining.map(4, threads, ParallelTrainingTest::member);
            assertEquals(4, parallel.size());
            for (int i = 0; i < 4; i++) {
                for (int p = 0; p < sequential.get(i).size(); p++) {
                    assertArrayEquals(sequential.get(i).get(p), parallel.get(i).get(p), "member " + i + " param " + p + ", " + threads + " threads");
                }
            }
        }
        // the members differ from each other: the comparison above is not trivially true
        assertTrue(sequential.get(0).get(0)[0] != sequential.get(1).get(0)[0]);
    }

    @Test
    void resultsComeInTaskOrder() {
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36), ParallelTraining.map(7, 3, i -> i * i));
        assertEquals(List.of(0, 1, 4), ParallelTraining.map(3, 1, i -> i * i));
    }

    @Test
    void theLowestFailingTaskIsReportedAfterTheOthersFinish() {
        AtomicInteger finished = new AtomicInteger();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParallelTraining.map(6, 2, i -> {
            if (i == 1 || i == 4) throw new IllegalArgumentException("task " + i + " failed");
            finished.incrementAndGet();
            return i;
        }));
        assertEquals("task 1 failed", e.getMessage());
        assertEquals(4, finished.get());
    }

    @Test
    void aMapInsideAMemberRunsInThatMember() {
        List<List<String>> threads = ParallelTraining.map(2, 2, i -> {
            String outer = Thread.currentThread().getName();
            return ParallelTraining.map(3, 2, q -> outer + " " + Thread.currentThread().getName());
        });
        for (List<String> inner : threads) {
            for (String pair : inner) {
                String[] names = pair.split(" ");
                assertEquals(names[0], names[1], "nested task left its member thread");
            }
        }
    }
}
