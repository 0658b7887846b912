package org.anomalia.flavour.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.ReferenceData;
import org.anomalia.flavour.parameters.ParameterValues;
import org.junit.jupiter.api.Test;

/** One predictor shared by threads gives bit-identical vectors to sequential use (it keeps no mutable state). */
class PredictorConcurrencyTest {
    @Test
    void sharedPredictorIsThreadSafe() throws Exception {
        BinnedPredictor p = new BinnedPredictor(List.of(Observable.FL, Observable.P5P, Observable.DBR_DQ2),
                List.of(new Q2Bin(1.1, 2.5), new Q2Bin(4, 6), new Q2Bin(15, 19)));
        List<ParameterValues> points = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            points.add(ReferenceData.central().with("m_b", 4.16 + 0.002 * i).with("B->K* BSZ a1_V", -1.3 + 0.01 * i)
                    .with("B0->K*0 delta_C7 b_- Re", 0.01 * i - 0.2));
        }
        NewPhysics np = NewPhysics.parse("C9=-0.7+0.2i,C10p=0.1");
        List<double[]> sequential = new ArrayList<>();
        for (ParameterValues pt : points) {
            sequential.add(p.predict(pt, np));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<double[]>> futures = new ArrayList<>();
                for (ParameterValues pt : points) {
                    futures.add(pool.submit(() -> p.predict(pt, np)));
                }
                for (int i = 0; i < points.size(); i++) {
                    assertArrayEquals(sequential.get(i), futures.get(i).get(), 0.0, "point " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
