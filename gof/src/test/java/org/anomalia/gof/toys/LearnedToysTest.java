package org.anomalia.gof.toys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anomalia.gof.nullmodel.FlowNullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The flow of {@code --method flow} (its defaults, {@link FlowNullModel#defaults}) against the exact toys:
 * trained on 60 000 smeared draws (a 200 000-row sample file after the marginal's half and the split
 * leave about that many), null distribution from 20 000 fresh draws, points placed at exact p. Asserted
 * within the tolerance (0.03, and 30 % below p = 0.05) at exact p = 0.3, 0.05, 0.01 and 0.005 of
 * the banana, the narrow bounded/ratio and the twelve-observable toy. The narrow-error toy trains without
 * a divergence (no retry note).
 */
@Tag("slow")
class LearnedToysTest {
    static final int TRAIN = 60_000, NULL_POINTS = 20_000;
    static final double[] TARGETS = {0.3, 0.05, 0.01, 0.005};

    /** p of the flow at points of exact p = targets; also checks that training needed no retry. */
    static double[][] pValues(ExactToy toy, double[] targets, long seed) {
        ExactToy.ExactNull exact = toy.exactNull(10_000, 4242);
        double[][] smeared = toy.drawSmeared(TRAIN + TRAIN / 6, 1000 + seed);
        TrainedNullModel trained = new FlowNullModel(FlowNullModel.defaults(FlowNullModel.LEARNING_RATE, 10, false), toy.expCovariance())
                .train(Arrays.copyOfRange(smeared, 0, TRAIN), Arrays.copyOfRange(smeared, TRAIN, smeared.length), seed);
        assertEquals(List.of(), trained.notes(), "no divergence, no retry on " + toy);
        TestStatistic flow = trained.statistics().get(0);
        EmpiricalPValue.NullDistribution nd = EmpiricalPValue.NullDistribution.of(flow.evaluate(toy.drawSmeared(NULL_POINTS, 2000 + seed)));
        double[][] out = new double[targets.length][];
        for (int t = 0; t < targets.length; t++) {
            double[] x = exact.pointWithP(targets[t], toy.centre(), toy.sigma());
            double pExact = exact.p(x), p = EmpiricalPValue.of(flow.evaluate(new double[][] {x})[0], nd).p();
            System.out.printf("%s: exact p %.4f, flow p %.4f (%+.0f %%)%n", toy.name(), pExact, p, 100 * (p - pExact) / pExact);
            out[t] = new double[] {pExact, p};
        }
        return out;
    }

    static void assertWithinAcceptance(ExactToy toy, double[][] results) {
        List<String> misses = new ArrayList<>();
        for (double[] r : results) {
            double pExact = r[0], p = r[1];
            // the exact p itself has a binomial error (10 000 exact null draws): allow two of its standard errors on top
            double slack = 2 * Math.sqrt(pExact * (1 - pExact) / 10_000);
            double tol = (pExact < 0.05 ? Math.min(0.03, 0.3 * pExact) : 0.03) + slack;
            if (Math.abs(p - pExact) > tol) misses.add(String.format("exact %.4f → flow %.4f (tolerance %.4f)", pExact, p, tol));
        }
        assertTrue(misses.isEmpty(), toy.name() + ": " + misses);
    }

    @Test
    void banana() {
        ExactToy toy = ExactToys.banana();
        assertWithinAcceptance(toy, pValues(toy, TARGETS, 1));
    }

    @Test
    void boundedRatioNarrowErrorsTrainsWithoutDivergence() {
        ExactToy toy = ExactToys.boundedRatio();
        assertWithinAcceptance(toy, pValues(toy, TARGETS, 1));
    }

    @Test
    void twelveObservables() {
        ExactToy toy = ExactToys.twelveObservables();
        assertWithinAcceptance(toy, pValues(toy, TARGETS, 1));
    }
}
