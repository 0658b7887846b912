package org.anomalia.flavour.parameters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anomalia.numerics.UserException;
import org.anomalia.flavour.ReferenceData;
import org.junit.jupiter.api.Test;

class ParameterCatalogTest {

    @Test
    void bundledCatalogHasFlaviosParametersAndCentralValues() throws IOException {
        ParameterCatalog c = ParameterCatalog.bundled();
        assertEquals(ReferenceData.csv("parameters/parameters.csv").size() - 1, c.size());
        assertEquals(56, c.size());
        ParameterValues central = c.central();
        assertEquals(4.195, central.get("m_b"), 0);
        assertEquals(0.1184, central.get("alpha_s"), 0);
        assertEquals(-1.16597, central.get("B->K* BSZ a1_V"), 0);
        assertEquals(2307869836141.2417, central.get("tau_B0"), 0);
        assertEquals(5.83, central.get("B->K* BCL m1+"), 0);
        assertEquals(central.get("m_c"), central.get(c.index("m_c")), 0);
        assertEquals(0.957, c.correlation("m_c", "m_b"), 0);
        assertEquals(0.943, c.correlation("m_s", "m_b"), 0);
        // BSZ widths come from the covariance flavio uses; they equal the JSON's sigmas.
        assertEquals(0.261268, c.info("B->K* BSZ a1_V").sigma(), 1e-12);
        assertFalse(c.info("B->K* BCL m0").isRandom());
    }

    @Test
    void unknownNameListsTheValidOnes() {
        ParameterValues p = ParameterCatalog.bundled().central();
        UserException e = assertThrows(UserException.class, () -> p.get("m_bottom"));
        assertTrue(e.getMessage().contains("'m_bottom'"), e.getMessage());
        assertTrue(e.getMessage().contains("m_b, m_c"), e.getMessage());
        assertTrue(e.getMessage().contains("B->K* BSZ a0_A0"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void drawsReproduceMeansWidthsAndCorrelations() throws IOException {
        ParameterCatalog c = ParameterCatalog.bundled();
        int n = 40_000, d = c.size();
        double[][] x = new double[n][d];
        ParameterSampler.Draws draws = c.sampler().draws(12345L, 0);
        for (int r = 0; r < n; r++) draws.nextInto(x[r]);
        double[] mean = new double[d], sd = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (double[] row : x) s += row[j];
            mean[j] = s / n;
            double v = 0;
            for (double[] row : x) v += (row[j] - mean[j]) * (row[j] - mean[j]);
            sd[j] = Math.sqrt(v / n);
        }
        for (int j = 0; j < d; j++) {
            ParameterInfo p = c.info(j);
            if (!p.isRandom()) {
                for (double[] row : x) assertEquals(p.central(), row[j], 0, p.name());
                continue;
            }
            // mean within 4 standard errors, sigma within 4 standard errors of a Gaussian sigma (1/sqrt(2n))
            assertEquals(p.central(), mean[j], 4 * p.sigma() / Math.sqrt(n), p.name());
            assertEquals(1.0, sd[j] / p.sigma(), 4 / Math.sqrt(2.0 * n), p.name());
        }
        // correlations against the shared files, read independently of the resources
        List<String[]> corrLines = ReferenceData.csv("parameters/bkstar_ff_bsz_correlation.csv");
        String[] header = corrLines.get(0);
        double worst = 0;
        for (int a = 1; a < corrLines.size(); a++) {
            String[] f = corrLines.get(a);
            int i = c.index(f[0]);
            for (int b = 3; b < f.length; b++) {
                int k = c.index(header[b]);
                double expected = Double.parseDouble(f[b]);
                double got = sampleCorrelation(x, i, k, mean, sd);
                // standard error of r is (1 - rho^2)/sqrt(n)
                double tol = 4.5 * (1 - expected * expected) / Math.sqrt(n) + 1e-9;
                assertEquals(expected, got, tol, f[0] + " vs " + header[b]);
                worst = Math.max(worst, Math.abs(expected - got));
            }
        }
        assertEquals(0.957, sampleCorrelation(x, c.index("m_c"), c.index("m_b"), mean, sd), 0.005);
        assertEquals(0.933, sampleCorrelation(x, c.index("m_c"), c.index("m_s"), mean, sd), 0.005);
        assertEquals(0.943, sampleCorrelation(x, c.index("m_b"), c.index("m_s"), mean, sd), 0.005);
        assertEquals(0.0, sampleCorrelation(x, c.index("alpha_s"), c.index("m_b"), mean, sd), 4 / Math.sqrt(n));
        assertEquals(0.0, sampleCorrelation(x, c.index("B0->K*0 delta_C7 a_0 Re"),
                c.index("B0->K*0 delta_C7 a_0 Im"), mean, sd), 4 / Math.sqrt(n));
        System.out.printf("parameter draws: worst BSZ correlation deviation %.4f over %d draws%n", worst, n);
    }

    private static double sampleCorrelation(double[][] x, int i, int k, double[] mean, double[] sd) {
        double s = 0;
        for (double[] row : x) s += (row[i] - mean[i]) * (row[k] - mean[k]);
        return s / x.length / (sd[i] * sd[k]);
    }

    @Test
    void sameSeedSameDrawsAndStreamsDiffer() {
        ParameterSampler s = ParameterCatalog.bundled().sampler();
        double[] a = s.draws(7, 3).next().toArray();
        double[] b = s.draws(7, 3).next().toArray();
        double[] other = s.draws(7, 4).next().toArray();
        assertArrayEquals(a, b, 0);
        assertFalse(java.util.Arrays.equals(a, other));
    }

    @Test
    void fixingAndOverridingByName() {
        ParameterCatalog c = ParameterCatalog.bundled().fixed("m_b", 4.3).withCentral("alpha_s", 0.12)
                .withSigma("m_t", 0.0);
        ParameterSampler.Draws draws = c.sampler().draws(1, 0);
        double sumMc = 0, sumAs = 0;
        int n = 4000;
        for (int r = 0; r < n; r++) {
            ParameterValues p = draws.next();
            assertEquals(4.3, p.get("m_b"), 0);
            assertEquals(172.5, p.get("m_t"), 0);
            sumMc += p.get("m_c");
            sumAs += p.get("alpha_s");
        }
        assertEquals(1.273, sumMc / n, 4 * 0.01 / Math.sqrt(n));
        assertEquals(0.12, sumAs / n, 4 * 0.0008 / Math.sqrt(n));
        assertEquals(4.3, c.central().get("m_b"), 0);
        assertEquals(4.195, ParameterCatalog.bundled().central().get("m_b"), 0, "the bundled catalog is unchanged");
        assertThrows(UserException.class, () -> ParameterCatalog.bundled().fixed("mb"));
    }

    @Test
    void covarianceThatIsNotPositiveDefiniteIsNamed() {
        ParameterCatalog c = ParameterCatalog.bundled().withCorrelation("m_b", "m_s", -0.9);
        UserException e = assertThrows(UserException.class, c::sampler);
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
        assertTrue(e.getMessage().contains("m_b") && e.getMessage().contains("m_s"), e.getMessage());
        assertTrue(e.getMessage().contains("smallest eigenvalue"), e.getMessage());
    }

    @Test
    void asymmetricWidthsAreDrawnAsFlaviosGluedHalfGaussians() {
        String params = "name,central,uncertainty,err_plus,err_minus,distribution,varied_in_sm_uncertainty,unit,source,description,enters_observables\n"
                + "x,1.0,0.2,0.3,0.1,AsymmetricNormalDistribution,yes,1,test,test,none\n";
        ParameterCatalog c = ParameterCatalog.load(
                new ParameterCatalog.Source("p.csv", () -> new StringReader(params)),
                new ParameterCatalog.Source("c.csv", () -> new StringReader("param1,param2,correlation\n")),
                new ParameterCatalog.Source("v.csv", () -> new StringReader("name\n")), "test");
        ParameterSampler.Draws d = c.sampler().draws(99, 0);
        int n = 40_000, below = 0;
        double sumAbove = 0, sumBelow = 0;
        for (int r = 0; r < n; r++) {
            double v = d.next().get("x") - 1.0;
            if (v < 0) {
                below++;
                sumBelow += v * v;
            } else {
                sumAbove += v * v;
            }
        }
        // probability of the lower side = err_minus / (err_plus + err_minus) = 0.25
        assertEquals(0.25, below / (double) n, 4 * Math.sqrt(0.25 * 0.75 / n));
        assertEquals(0.1, Math.sqrt(sumBelow / below), 0.003);
        assertEquals(0.3, Math.sqrt(sumAbove / (n - below)), 0.006);
    }

    @Test
    void badParameterFileNamesFileLineAndColumn() {
        String params = "name,central,uncertainty,err_plus,err_minus,distribution,varied_in_sm_uncertainty,unit,source,description,enters_observables\n"
                + "x,abc,0.2,0.3,0.1,NormalDistribution,yes,1,test,test,none\n";
        UserException e = assertThrows(UserException.class, () -> ParameterCatalog.load(
                new ParameterCatalog.Source("p.csv", () -> new StringReader(params)),
                new ParameterCatalog.Source("c.csv", () -> new StringReader("param1,param2,correlation\n")),
                new ParameterCatalog.Source("v.csv", () -> new StringReader("name\n")), "test"));
        assertEquals("p.csv line 2 column 'central': 'abc' is not a finite number", e.getMessage());
    }
}
