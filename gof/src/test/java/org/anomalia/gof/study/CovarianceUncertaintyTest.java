package org.anomalia.gof.study;

import org.anomalia.numerics.stats.Quantiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.anomalia.gof.GofAnalysis;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.GofResult;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.junit.jupiter.api.Test;

class CovarianceUncertaintyTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void parsesBothKindsAndRejectsNonsense() {
        assertEquals(new CovarianceUncertainty(CovarianceUncertainty.Kind.WISHART, 40), CovarianceUncertainty.parse("wishart:40"));
        assertEquals(new CovarianceUncertainty(CovarianceUncertainty.Kind.LKJ, 2.5), CovarianceUncertainty.parse("LKJ:2.5"));
        for (String bad : List.of("wishart", "lkj:-1", "gamma:3", "lkj:x", "wishart:nan")) {
            assertThrows(UserException.class, () -> CovarianceUncertainty.parse(bad), bad);
        }
        assertThrows(UserException.class, () -> CovarianceUncertainty.parse("wishart:3").validate(4));
    }

    /** LKJ draws keep the published errors exactly and are positive definite; Wishart draws average to Λexp. */
    @Test
    void drawsKeepErrorsOrCentreOnThePublishedMatrix() {
        List<double[][]> lkj = CovarianceUncertainty.parse("lkj:5").draw(GaussianToy.EXP, 200, 3L, "toy");
        for (double[][] c : lkj) {
            for (int i = 0; i < 4; i++) assertEquals(GaussianToy.EXP[i][i], c[i][i], 1e-12);
            assertTrue(MultivariateNormal.smallestEigenvalue(c) > 0);
        }
        // the zero between the two blocks becomes uncertain
        double spread = 0;
        for (double[][] c : lkj) spread += c[0][2] * c[0][2];
        assertTrue(Math.sqrt(spread / lkj.size()) > 0.01);
        List<double[][]> w = CovarianceUncertainty.parse("wishart:50").draw(GaussianToy.EXP, 4000, 4L, "toy");
        double s01 = 0, s00 = 0;
        for (double[][] c : w) {
            s00 += c[0][0];
            s01 += c[0][1];
        }
        assertEquals(GaussianToy.EXP[0][0], s00 / w.size(), 5 * GaussianToy.EXP[0][0] * Math.sqrt(2.0 / 50 / w.size()));
        assertEquals(GaussianToy.EXP[0][1], s01 / w.size(), 0.005);
    }

    /**
     * The study re-runs the analysis per draw: an almost certain covariance (η = 10⁶) reproduces the
     * nominal p-values; a loose one (η = 2) spreads them, and the band contains the median.
     */
    @Test
    void tightDrawsReproduceTheNominalRunAndLooseOnesSpread() {
        double[] measured = {1.2, -0.3, 2.4, 1.5};
        GofProblem problem = GaussianToy.problem(measured, 1000, 8L);
        GofResult nominal = GofAnalysis.run(problem, new ExactGaussianModel(), 4L, 1.0);
        CovarianceUncertaintyResult tight = CovarianceUncertaintyStudy.run(problem, c -> new ExactGaussianModel(),
                CovarianceUncertainty.parse("lkj:1000000"), 5, nominal, QUIET);
        for (String m : tight.nominal().keySet()) {
            Quantiles q = tight.band(m);
            assertEquals(tight.nominal().get(m), q.median(), 0.01, m);
        }
        CovarianceUncertaintyResult loose = CovarianceUncertaintyStudy.run(problem, null, CovarianceUncertainty.parse("lkj:2"), 20, nominal, QUIET);
        // the draws without a model re-run only the χ²: the nominal run's learned statistic gets no band (no NaN histogram in the report)
        assertTrue(tight.nominal().size() > 2, "tight draws re-run the model: " + tight.nominal().keySet());
        assertEquals(List.of(MethodPValues.CHI2_ASYMPTOTIC, MethodPValues.CHI2_MC), List.copyOf(loose.nominal().keySet()));
        assertEquals(loose.nominal().keySet(), loose.perDraw().keySet());
        assertEquals(loose.nominal().keySet(), loose.labels().keySet());
        Quantiles q = loose.band(MethodPValues.CHI2_ASYMPTOTIC);
        assertTrue(q.upper() - q.lower() > 0.02, "band " + q);
        assertTrue(q.lower() <= q.median() && q.median() <= q.upper());
    }
}
