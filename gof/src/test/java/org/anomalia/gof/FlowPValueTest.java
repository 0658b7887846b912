package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.gof.nullmodel.FlowNullModel;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The flow's −log p and p-value against exact answers: the linear Gaussian toy (exact density and χ²
 * p-value, which also checks that the whitening and standardisation Jacobians are in) and the banana
 * x = (ν, ν²), whose bimodal posterior defeats a single-Gaussian VAE encoder but not a flow.
 */
@Tag("slow")
class FlowPValueTest {
    private static FlowNullModel.Settings settings(int epochs) {
        return new FlowNullModel.Settings(4, 32, epochs, 128, 3e-3, 10, false);
    }

    @Test
    void linearToyFlowDensityAndPValueAreExact() {
        LinearToy toy = LinearToy.standard();
        NullModel flow = new TrainOnce(new FlowNullModel(settings(20), toy.expCovariance));
        for (double chi2 : new double[] {2.0, 9.0}) {
            double[] x = toy.pointWithChi2(chi2, 1);
            GofResult r = GofAnalysis.run(toy.problem(x, 20_000, 3), flow, 17, 1.0);
            StatisticResult s = r.statistic("flow");
            double exact = toy.exactP(x);
            System.out.printf("linear toy chi2 %.1f: exact p %.4f, flow p %.4f, flow mean -log p minus exact %.4f, KS %.4f%n", chi2, exact,
                    s.pValue().p(), s.excessOverGaussian(), s.calibration().statistic());
            assertEquals(exact, s.pValue().p(), 0.025, "flow p at exact χ² = " + chi2);
            // The Gaussian is the exact density here: the flow's −log p in observable units must match it on average.
            assertEquals(0.0, s.excessOverGaussian(), 0.05, "flow mean −log p vs exact, in observable units");
            assertTrue(s.calibrationPassed(), "calibration " + s.calibration());
        }
    }

    @Test
    void bananaFlowPValueMatchesQuadrature() {
        CurveToy toy = CurveToy.banana(0.3, 0.3);
        EmpiricalPValue.NullDistribution exactNull = toy.exactNull(40_000, 99);
        NullModel flow = new TrainOnce(new FlowNullModel(settings(25), toy.expCovariance()));
        for (double[] x : new double[][] {{0.0, 1.2}, {1.0, -0.4}, {-0.2, 2.4}}) {
            double exact = (double) exactNull.countAtLeast(toy.minusLogDensity(x)) / exactNull.size();
            GofResult r = GofAnalysis.run(toy.problem(x, 12_000, 21), flow, 4, 1.0);
            double p = r.statistic("flow").pValue().p();
            System.out.printf("banana (%.1f, %.1f): exact p %.4f, chi2 p %.4f, flow p %.4f%n", x[0], x[1], exact, r.pChi2Asymptotic(), p);
            assertEquals(exact, p, Math.max(0.03, 0.3 * exact), "flow p at (" + x[0] + ", " + x[1] + ")");
        }
    }

    @Test
    void sameSeedSameFlowPValues() {
        CurveToy toy = CurveToy.banana(0.3, 0.3);
        double[] x = {1.0, -0.4};
        FlowNullModel flow = new FlowNullModel(settings(2), toy.expCovariance());
        GofResult a = GofAnalysis.run(toy.problem(x, 2_000, 5), flow, 11, 1.0);
        GofResult b = GofAnalysis.run(toy.problem(x, 2_000, 5), flow, 11, 1.0);
        assertEquals(a.statistic("flow").observed(), b.statistic("flow").observed(), 0);
        assertArrayEquals(a.statistic("flow").nullValues(), b.statistic("flow").nullValues(), 0);
    }
}
