package org.anomalia.flavour.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.anomalia.data.measurement.Measurement;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.ReferenceData;
import org.anomalia.flavour.measurements.BkstarMeasurement;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Theory uncertainties from 2000 parameter draws, as flavio's sm_uncertainty computes them, against
 * flavio's sigma_th (sm_binned.csv, itself from 500 draws) and the χ² of gof_reference.json.
 */
class TheoryUncertaintyTest {
    /*
     * Seed note: flavio's sigma_th comes from 500 draws (its own error about 3 %, more for heavy-tailed
     * observables). The tightest entry is S9 in 2.5-4 GeV^2 (kurtosis about 5.5): with 20000 draws our
     * sigma is 1.116 x flavio's, and flavio's value sits at the 1.2 % quantile of our 500-draw sigmas;
     * with 2000 draws the ratio scatters 1.09-1.15 between seeds. Seed 1 is used; the worst ratio is printed.
     */
    static final long SEED = 1L;
    static final int DRAWS = 2000;
    static List<String[]> reference;
    static PredictionSamples samples;

    @BeforeAll
    static void sampleAllReferenceObservablesAndBins() {
        reference = ReferenceData.csv("validation/sm_binned.csv");
        Set<Observable> obs = new LinkedHashSet<>();
        Set<Q2Bin> bins = new LinkedHashSet<>();
        for (String[] row : reference.subList(1, reference.size())) {
            obs.add(Observable.parse(row[0]));
            bins.add(new Q2Bin(Double.parseDouble(row[1]), Double.parseDouble(row[2])));
        }
        PredictionSampler sampler = new PredictionSampler(new ArrayList<>(obs), new ArrayList<>(bins), NewPhysics.SM,
                ParameterCatalog.bundled());
        long t = System.nanoTime();
        samples = sampler.sample(DRAWS, SEED, false, 2, null);
        System.out.printf("%d draws of %d predictions in %.1f s%n", DRAWS, samples.width(), (System.nanoTime() - t) / 1e9);
    }

    @Test
    void standardDeviationsAgreeWithFlaviosSigmaTh() {
        double[] sd = samples.standardDeviation();
        double worst = 1;
        String worstName = "";
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (String[] row : reference.subList(1, reference.size())) {
            Observable o = Observable.parse(row[0]);
            Q2Bin b = new Q2Bin(Double.parseDouble(row[1]), Double.parseDouble(row[2]));
            int j = samples.columns().indexOf(BkstarMeasurement.columnName(o, b));
            double ratio = sd[j] / Double.parseDouble(row[4]);
            if (Math.abs(ratio - 1) > Math.abs(worst - 1)) {
                worst = ratio;
                worstName = samples.columns().get(j);
            }
            if (Math.abs(ratio - 1) > 0.15) {
                failures.add(String.format("%s: sigma %.5g vs flavio %s (ratio %.3f)", samples.columns().get(j), sd[j], row[4], ratio));
            }
            checked++;
        }
        assertEquals(144, checked);
        assertTrue(failures.isEmpty(), "sigma_th off by more than 15 %: " + failures);
        System.out.printf("sigma_th: worst ratio ours/flavio %.3f (%s) over %d observables x bins%n", worst, worstName, checked);
    }

    @Test
    void chiSquareOfLhcb2020AgreesWithTheReference() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(ReferenceData.physics("validation/gof_reference.json").toFile());
        Measurement exp = BkstarMeasurement.lhcb2020().select(BkstarMeasurement.P_BASIS, BkstarMeasurement.LOW_Q2_BINS)
                .measurement();
        int n = exp.size();
        int[] col = exp.observables().stream().mapToInt(samples.columns()::indexOf).toArray();
        double[] mean = samples.mean();
        double[][] cth = samples.covariance();
        double[] chi2 = new double[2];
        double[] scales = {1.0, 0.1};
        for (int s = 0; s < 2; s++) {
            double[][] c = new double[n][n];
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                assertTrue(col[i] >= 0, exp.observables().get(i));
                r[i] = exp.central(i) - mean[col[i]];
                for (int j = 0; j < n; j++) c[i][j] = cth[col[i]][col[j]] + scales[s] * exp.covariance(i, j);
            }
            chi2[s] = MultivariateNormal.of(new double[n], c, "theory + experiment").chi2(r);
        }
        System.out.printf("chi2 (32 obs, 2000 draws): %.2f (reference %.2f); with exp cov x0.1: %.1f (reference %.1f)%n",
                chi2[0], ref.get("chi2").asDouble(), chi2[1], ref.get("chi2_exp_cov_scaled_0.1").asDouble());
        assertEquals(ref.get("chi2").asDouble(), chi2[0], 0.10 * ref.get("chi2").asDouble());
    }
}
