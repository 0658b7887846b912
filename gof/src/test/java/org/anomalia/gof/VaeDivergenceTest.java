package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.VaeNullModel;
import org.junit.jupiter.api.Test;

/** A learning rate far too high (1.0, no clip) makes the first run diverge; the model retries at a tenth of it and says so. */
class VaeDivergenceTest {
    @Test
    void divergedRunIsRetriedAtALowerRateAndNoted() {
        CurveToy toy = CurveToy.exponential(0.05, 0.05);
        double[][] rows = GofAnalysis.smear(toy.draw(3000, 1), toy.expCovariance(), "toy", 2);
        double[][] train = Arrays.copyOf(rows, 2500), validation = Arrays.copyOfRange(rows, 2500, 3000);
        VaeNullModel vae = new VaeNullModel(new VaeNullModel.Settings(16, 2, 1, 1.0, 4, 64, 1.0, 4, false, 0), toy.expCovariance());
        TrainedNullModel t = vae.train(train, validation, 3);
        assertEquals(1, t.notes().size(), "one retry: " + t.notes());
        assertTrue(t.notes().get(0).contains("diverged at learning rate 1.00") && t.notes().get(0).contains("retried at 0.100"), t.notes().get(0));
        for (TestStatistic s : t.statistics()) {
            for (double v : s.evaluate(validation)) assertTrue(Double.isFinite(v), s.name() + " after the retry");
        }
    }
}
