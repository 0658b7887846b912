package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.anomalia.gof.nullmodel.FlowNullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.learn.flow.FlowConfig;
import org.junit.jupiter.api.Test;

/**
 * A learning rate far too high (no clip) makes each member of a flow ensemble diverge; each retries at a tenth of it,
 * and every member's note reaches the trained model's notes (the notes travel beside each member's flow).
 */
class FlowDivergenceTest {
    @Test
    void everyMembersRetryIsNoted() {
        CurveToy toy = CurveToy.exponential(0.05, 0.05);
        double[][] rows = GofAnalysis.smear(toy.draw(3000, 1), toy.expCovariance(), "toy", 2);
        double[][] train = Arrays.copyOf(rows, 2500), validation = Arrays.copyOfRange(rows, 2500, 3000);
        FlowNullModel flow = new FlowNullModel(new FlowNullModel.Settings(FlowConfig.Kind.MAF, 2, 16, 3, 64, 3.0, 0, 2, false), toy.expCovariance());
        TrainedNullModel t = flow.train(train, validation, 3);
        assertEquals(2, t.notes().size(), "one retry per member: " + t.notes());
        for (String note : t.notes()) assertTrue(note.startsWith("flow training diverged at learning rate 3.00") && note.endsWith("retried at 0.300"), note);
        for (TestStatistic s : t.statistics()) {
            for (double v : s.evaluate(validation)) assertTrue(Double.isFinite(v), s.name() + " after the retries");
        }
    }
}
