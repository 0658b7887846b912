package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalia.gof.nullmodel.MarginalLikelihood;
import org.anomalia.numerics.stats.BinomialInterval;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.anomalia.numerics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

/**
 * The cross-check's allowance: the marginal's 95 % interval, widened by the learned p's own binomial half-width and the
 * training spread measured for the run's training rows — the tighter one where the learned models trained on the built-in
 * training-only draws, the split-rows one otherwise. A learned p just beyond the tighter limit warns in the first case only.
 */
class CrossCheckTest {
    private static final long NULL_POINTS = 2_000;

    private static EmpiricalPValue p(long k, long n) {
        return new EmpiricalPValue(k, n, (double) k / n, BinomialInterval.clopperPearson(k, n, EmpiricalPValue.CONFIDENCE));
    }

    private static StatisticResult result(String name, EmpiricalPValue p) {
        return new StatisticResult(name, name + " stand-in", 1.0, p, new double[] {0}, new KolmogorovSmirnov.Result(0, 1, 0.5), 0, 0);
    }

    /** A marginal of p = 0.1 on 9 000 null points, with ESS well above the adequacy thresholds. */
    private static MarginalResult marginal() {
        return new MarginalResult(result(MarginalLikelihood.NAME, p(900, 9_000)), 500, new double[] {500}, 500, 300_000, "test", "plain");
    }

    /** The upper limit of the allowed range for a learned p of k exceedances, by the documented rule. */
    private static double upperLimit(long k, double spread) {
        EmpiricalPValue m = marginal().statistic().pValue(), l = p(k, NULL_POINTS);
        return m.interval().upper() + 0.5 * (l.interval().upper() - l.interval().lower()) + spread * m.p();
    }

    private static void checkRegimes(String name, double withDraws, double splitRows) {
        assertTrue(withDraws < splitRows, name);
        assertEquals(withDraws, CrossCheck.trainingSpread(name, true), 0);
        assertEquals(splitRows, CrossCheck.trainingSpread(name, false), 0);
        // the first learned p beyond the tighter limit, still inside the looser one
        long k = 200;
        while ((double) k / NULL_POINTS <= upperLimit(k, withDraws)) k++;
        assertTrue((double) k / NULL_POINTS <= upperLimit(k, splitRows), name + ": the two limits lie apart");
        List<StatisticResult> beyond = List.of(result(name, p(k, NULL_POINTS))), inside = List.of(result(name, p(k - 1, NULL_POINTS)));
        assertTrue(CrossCheck.of(marginal(), beyond, true).warning(), name + " beyond the training-draws allowance");
        assertFalse(CrossCheck.of(marginal(), beyond, false).warning(), name + " inside the split-rows allowance");
        assertFalse(CrossCheck.of(marginal(), inside, true).warning(), name + " just inside the training-draws allowance");
        String line = CrossCheck.of(marginal(), beyond, true).lines().get(0);
        assertTrue(line.contains(String.format("training spread %.0f%%", 100 * withDraws)), line);
    }

    @Test
    void theVaeIsAllowedTheSpreadOfItsTrainingRows() {
        checkRegimes("vae_iwae", CrossCheck.TRAINING_SPREAD, CrossCheck.SPLIT_ROWS_TRAINING_SPREAD);
    }

    @Test
    void theFlowIsAllowedTheSpreadOfItsTrainingRows() {
        checkRegimes("flow", CrossCheck.FLOW_TRAINING_SPREAD, CrossCheck.SPLIT_ROWS_FLOW_TRAINING_SPREAD);
    }
}
