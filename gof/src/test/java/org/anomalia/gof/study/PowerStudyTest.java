package org.anomalia.gof.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.anomalia.gof.GofAnalysis;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.GofResult;
import org.anomalia.numerics.stats.ChiSquared;
import org.junit.jupiter.api.Test;

class PowerStudyTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    /** Noncentral χ²(k, λ) survival as a Poisson mixture of central ones: an independent reference for the χ² power. */
    static double noncentralSurvival(double x, int k, double lambda) {
        double s = 0, w = Math.exp(-lambda / 2);
        for (int j = 0; j < 400; j++) {
            s += w * ChiSquared.survival(x, k + 2 * j);
            w *= lambda / 2 / (j + 1);
        }
        return s;
    }

    /**
     * Linear Gaussian toy: a shift of Mahalanobis length s makes χ² noncentral χ²(4, s²), so the power of
     * the χ² test at α is known in closed form, for a fixed direction and for random ones alike. The size
     * check holds for χ² (asymptotic and Monte Carlo) and the exact likelihood.
     */
    @Test
    void chi2PowerMatchesTheNoncentralChiSquared() {
        GofProblem problem = GaussianToy.problem(GaussianToy.B, 20_000, 7L);
        CalibratedMethods methods = CalibratedMethods.calibrate(problem, List.of(new ExactGaussianModel()), 3L);
        int n = 4000;
        double[][] h0 = GaussianToy.draw(n, 99L);
        double[][] total = GaussianToy.exactTotal();
        List<Alternative> alts = List.of(
                Alternatives.direction(2, new double[] {1, 0, 0, 1}, total, n, "x1+x4"),
                Alternatives.direction(3, new double[] {0, 1, -1, 0}, total, n, "x2-x3"),
                Alternatives.randomDirections(3, total, n, 5L));
        PowerResult r = PowerStudy.run(methods, h0, GaussianToy.EXP, alts, 11L, QUIET);
        for (String m : List.of(MethodPValues.CHI2_ASYMPTOTIC, MethodPValues.CHI2_MC, "toy_exact")) {
            assertTrue(r.size().get(m).passed(), m + " size " + r.size().get(m));
        }
        double critical = ChiSquared.inverseSurvival(PowerStudy.ALPHA, 4);
        for (PowerResult.Point p : r.points()) {
            double s = p.alternative().size();
            double exact = noncentralSurvival(critical, 4, s * s);
            RejectionRate rate = p.atAlpha().get(MethodPValues.CHI2_ASYMPTOTIC);
            double sigma = Math.sqrt(exact * (1 - exact) / n);
            // 4 binomial σ plus 0.01 for Λth estimated from 20 000 samples
            assertEquals(exact, rate.rate(), 4 * sigma + 0.01, p.alternative().name());
            assertTrue(exact > 0.3, "the alternative should have real power: " + exact);
        }
    }

    /** With the same seed the calibrated methods give the measured point exactly the normal run's p-values. */
    @Test
    void pValuesEqualTheNormalRunWithTheSameSeed() {
        double[] measured = {1.2, -0.3, 2.4, 1.5};
        GofProblem problem = GaussianToy.problem(measured, 2000, 8L);
        GofResult normal = GofAnalysis.run(problem, new ExactGaussianModel(), 4L, 1.0);
        Map<String, double[]> p = CalibratedMethods.calibrate(problem, List.of(new ExactGaussianModel()), 4L).pValues(new double[][] {measured});
        assertEquals(normal.pChi2Asymptotic(), p.get(MethodPValues.CHI2_ASYMPTOTIC)[0], 1e-12);
        assertEquals(normal.chi2MonteCarlo().p(), p.get(MethodPValues.CHI2_MC)[0], 0.0);
        assertEquals(normal.statistic("toy_exact").pValue().p(), p.get("toy_exact")[0], 0.0);
        assertTrue(normal.chi2MonteCarlo().p() > 0 && normal.chi2MonteCarlo().p() < 1);
    }

    private static GofProblem withIntegration(GofProblem p) {
        return p.withIntegrationSamples(GaussianToy.draw(4000, 31L), "4000 toy draws");
    }

    /**
     * The exact marginal likelihood in the power study, on the linear Gaussian toy: under H0 its
     * rejection rate at α over 2000 pseudo-experiments lies in the 99 % binomial interval of α, and
     * each pseudo-experiment's p-value is the one the main job gives when that point is the measurement
     * (same seed, same theory and integration samples).
     */
    @Test
    void marginalSizeIsAlphaAndItsPValuesAreTheMainJobs() {
        CalibratedMethods methods = CalibratedMethods.calibrate(withIntegration(GaussianToy.problem(GaussianToy.B, 4000, 7L)),
                List.of(new ExactGaussianModel()), 3L);
        assertEquals(List.of("marginal", "toy_exact"), methods.statisticNames(), "the marginal first, as in the main job");
        int n = 2000;
        double[][] h0Theory = GaussianToy.draw(n, 99L);
        PowerResult r = PowerStudy.run(methods, h0Theory, GaussianToy.EXP, List.of(), 11L, QUIET);
        SizeCheck size = r.size().get("marginal");
        assertTrue(size.passed(), "marginal size " + size);
        assertTrue(r.labels().containsKey("marginal"));

        // the pseudo-experiments the study drew, each through the main job as its measured point
        double[][] h0 = GofAnalysis.smear(h0Theory, GaussianToy.EXP, "experimental covariance",
                org.anomalia.gof.Seeds.derive(11L, PowerStudy.NOISE_STREAM));
        double[] p = methods.pValues(h0).get("marginal");
        assertEquals(size.observed().rejected(), RejectionRate.of(p, PowerStudy.ALPHA).rejected());
        int checked = 0;
        for (int i = 0; i < n && checked < 6; i += 97, checked++) {
            GofResult normal = GofAnalysis.run(withIntegration(GaussianToy.problem(h0[i], 4000, 7L)), new ExactGaussianModel(), 3L, 1.0);
            assertEquals(normal.statistic("marginal").pValue().p(), p[i], 0.0, "pseudo-experiment " + i);
            assertEquals(normal.statistic("toy_exact").pValue().p(), methods.pValues(new double[][] {h0[i]}).get("toy_exact")[0], 0.0);
        }
    }
}
