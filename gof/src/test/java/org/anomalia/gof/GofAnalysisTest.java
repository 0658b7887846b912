package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.TrainingHistory;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.junit.jupiter.api.Test;

/** The statistical pipeline with exact statistics plugged in: every p-value it reports is checked against a closed form or quadrature. */
class GofAnalysisTest {
    private static double binomialSigma(double p, long n) {
        return Math.sqrt(Math.max(p * (1 - p), 1e-4) / n);
    }

    @Test
    void linearToyGaussianAndMonteCarloPValuesMatchExactChi2() {
        LinearToy toy = LinearToy.standard();
        for (double chi2 : new double[] {2.0, 6.0, 11.0}) {
            double[] x = toy.pointWithChi2(chi2, 1);
            double exact = toy.exactP(x);
            GofResult r = GofAnalysis.run(toy.problem(x, 20_000, 3), toy.exactModel(), 17, 1.0);
            // μth, Λth from 20000 samples: χ² is exact up to estimation noise of order 1 %.
            assertEquals(chi2, r.chi2(), 0.03 * chi2 + 0.05, "chi2 at " + chi2);
            assertEquals(exact, r.pChi2Asymptotic(), 0.01, "asymptotic p");
            EmpiricalPValue mc = r.chi2MonteCarlo();
            assertEquals(exact, mc.p(), 4 * binomialSigma(exact, mc.n()) + 0.005, "MC p of the chi2 statistic");
            StatisticResult s = r.statistic("exact");
            assertEquals(exact, s.pValue().p(), 4 * binomialSigma(exact, s.pValue().n()), "p from the test-split null");
            assertTrue(s.calibrationPassed(), "calibration KS p = " + s.calibration().pValue());
            assertTrue(s.pValue().interval().lower() <= s.pValue().p() && s.pValue().p() <= s.pValue().interval().upper());
        }
    }

    @Test
    void linearToyTailsFollowChi2AndAsymptoticPValuesAreUniform() {
        LinearToy toy = LinearToy.standard();
        GofResult r = GofAnalysis.run(toy.problem(toy.b, 40_000, 8), null, 5, 1.0);
        for (TailCalibration t : r.chi2Tails()) {
            assertEquals(t.nominal(), t.observed(), 4 * binomialSigma(t.nominal(), t.n()), "tail at " + t.nominal());
        }
        assertTrue(r.chi2AsymptoticUniformity().pValue() > 1e-3, "KS " + r.chi2AsymptoticUniformity());
        assertEquals(0.0, r.chi2(), 1e-2); // the centre
    }

    @Test
    void curveToysExactStatisticGivesExactPValueWhereGaussianIsBiased() {
        CurveToy toy = CurveToy.banana(0.3, 0.3);
        EmpiricalPValue.NullDistribution exactNull = toy.exactNull(30_000, 1234);
        for (double[] x : new double[][] {{0.5, 1.2}, {-1.0, 0.0}, {2.0, 3.0}}) {
            double exact = (double) exactNull.countAtLeast(toy.minusLogDensity(x)) / exactNull.size();
            GofResult r = GofAnalysis.run(toy.problem(x, 20_000, 21), toy.exactModel(), 4, 1.0);
            assertTrue(Math.abs(r.pChi2Asymptotic() - exact) > 0.05, "Gaussian chi2 p is biased here");
            StatisticResult s = r.statistic("exact");
            assertEquals(exact, s.pValue().p(), 4 * binomialSigma(exact, s.pValue().n()) + 0.003);
            assertTrue(s.calibrationPassed());
        }
    }

    @Test
    void biasedStatisticFailsTheCalibrationCheck() {
        // A statistic that is evaluated differently on the test split and elsewhere must be flagged.
        LinearToy toy = LinearToy.standard();
        NullModel broken = (train, val, seed) -> new TrainedNullModel(java.util.List.of(new TestStatistic() {
            @Override public String name() { return "broken"; }
            @Override public String label() { return "broken"; }
            @Override public double[] evaluate(double[][] rows) {
                double[] v = new double[rows.length];
                for (int i = 0; i < v.length; i++) v[i] = toy.exactChi2(rows[i]) * (rows.length > 3000 ? 1.0 : 1.3);
                return v;
            }
        }), TrainingHistory.NONE);
        GofResult r = GofAnalysis.run(toy.problem(toy.b, 20_000, 2), broken, 3, 1.0);
        StatisticResult s = r.statistic("broken");
        assertTrue(!s.calibrationPassed(), "KS p = " + s.calibration().pValue());
    }

    @Test
    void dataBeyondEveryNullSampleIsReportedAsABound() {
        LinearToy toy = LinearToy.standard();
        double[] far = toy.pointWithChi2(400, 0);
        GofResult r = GofAnalysis.run(toy.problem(far, 2_000, 1), toy.exactModel(), 1, 1.0);
        StatisticResult s = r.statistic("exact");
        assertTrue(s.pValue().isBound());
        assertEquals(1.0 / s.pValue().n(), s.pValue().pOrBound(), 0);
        assertTrue(r.pChi2Asymptotic() > 0 && r.pChi2Asymptotic() < 1e-70, "asymptotic p stays positive: " + r.pChi2Asymptotic());
        assertTrue(Double.isFinite(r.zChi2Asymptotic()));
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherNumbers() {
        LinearToy toy = LinearToy.standard();
        double[] x = toy.pointWithChi2(5, 0);
        GofResult a = GofAnalysis.run(toy.problem(x, 3_000, 9), toy.exactModel(), 42, 1.0);
        GofResult b = GofAnalysis.run(toy.problem(x, 3_000, 9), toy.exactModel(), 42, 1.0);
        GofResult c = GofAnalysis.run(toy.problem(x, 3_000, 9), toy.exactModel(), 43, 1.0);
        assertArrayEquals(a.chi2Null(), b.chi2Null(), 0);
        assertEquals(a.statistic("exact").pValue(), b.statistic("exact").pValue());
        assertTrue(a.chi2MonteCarlo().exceeding() != c.chi2MonteCarlo().exceeding()
                || a.statistic("exact").pValue().exceeding() != c.statistic("exact").pValue().exceeding());
    }

    @Test
    void expCovScaleScalesTheSmearing() {
        LinearToy toy = LinearToy.standard();
        GofProblem p = toy.problem(toy.b, 1000, 1);
        GofProblem scaled = p.withExpCovarianceScaled(0.1);
        assertEquals(0.025, scaled.expCovariance()[0][0], 1e-15);
        assertThrows(UserException.class, () -> p.withExpCovarianceScaled(-1));
    }

    @Test
    void tooFewSamplesForTheSplitIsAUserError() {
        LinearToy toy = LinearToy.standard();
        UserException e = assertThrows(UserException.class, () -> GofAnalysis.run(toy.problem(toy.b, 200, 1), toy.exactModel(), 1, 1.0));
        assertTrue(e.getMessage().contains("too few samples"), e.getMessage());
    }
}
