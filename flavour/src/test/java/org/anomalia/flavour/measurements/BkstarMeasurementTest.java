package org.anomalia.flavour.measurements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.data.measurement.Measurement;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.ReferenceData;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.junit.jupiter.api.Test;

class BkstarMeasurementTest {
    static final List<Observable> PBASIS = BkstarMeasurement.P_BASIS;
    static final List<Q2Bin> LOW_BINS = BkstarMeasurement.LOW_Q2_BINS;

    @Test
    void bundledLhcb2020HasTenBinsOfEightObservables() {
        BkstarMeasurement m = BkstarMeasurement.lhcb2020();
        // 10 bins in the file; 11-12.5 lies between the charmonia and is left out
        assertEquals(72, m.measurement().size());
        assertEquals(9, m.bins().size());
        assertEquals(8, m.excluded().size());
        assertEquals("<FL>(B0->K*mumu)[11,12.5]", m.excluded().get(0));
        assertEquals(PBASIS, m.observables());
        assertEquals(new Q2Bin(0.1, 0.98), m.bins().get(0));
        assertEquals(-0.439, m.measurement().central(m.measurement().indexOf("P5p_4_6")), 1e-12);
    }

    /**
     * The 32-observable selection reproduces gof_reference.json's data, errors and its χ² with the
     * experimental covariance alone (against the reference theory mean): this pins the covariance flavio builds.
     */
    @Test
    void selectionReproducesTheReferenceExperimentalCovariance() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(ReferenceData.physics("validation/gof_reference.json").toFile());
        BkstarMeasurement sel = BkstarMeasurement.lhcb2020().select(PBASIS, LOW_BINS);
        Measurement m = sel.measurement();
        List<String> order = new ArrayList<>();
        ref.get("observables_order").forEach(n -> order.add(n.asText()));
        assertEquals(order, m.observables());
        double[] r = new double[32];
        for (int i = 0; i < 32; i++) {
            assertEquals(ref.get("data").get(i).asDouble(), m.central(i), 1e-12, order.get(i));
            assertEquals(ref.get("exp_sigma").get(i).asDouble(), m.sigma(i), 1e-12, order.get(i));
            r[i] = m.central(i) - ref.get("theory_mean").get(i).asDouble();
        }
        double chi2 = MultivariateNormal.of(new double[32], m.covariance(), "test").chi2(r);
        System.out.printf("chi2 with the experimental covariance only: %.8f (reference %.8f)%n", chi2,
                ref.get("chi2_exp_only_cov").asDouble());
        assertEquals(ref.get("chi2_exp_only_cov").asDouble(), chi2, 1e-8 * chi2);
        // bins are independent, observables within a bin are correlated
        assertEquals(0.0, m.covariance(m.indexOf("FL_1.1_2.5"), m.indexOf("FL_2.5_4")), 0);
        assertTrue(m.covariance(m.indexOf("FL_4_6"), m.indexOf("P5p_4_6")) != 0);
    }

    @Test
    void missingBinsOrObservablesAndForeignEntriesAreUserErrors() {
        BkstarMeasurement m = BkstarMeasurement.lhcb2020();
        UserException bin = assertThrows(UserException.class, () -> m.select(PBASIS, List.of(new Q2Bin(1, 6))));
        assertTrue(bin.getMessage().contains("no bin 1-6") && bin.getMessage().contains("1.1-6"), bin.getMessage());
        UserException obs = assertThrows(UserException.class, () -> m.select(List.of(Observable.S5), LOW_BINS));
        assertTrue(obs.getMessage().contains("no S5 in bin 1.1-2.5"), obs.getMessage());
        Measurement foreign = Measurement.of("x.yaml", List.of("BR(Bs->mumu)"), new double[] {3e-9}, new double[][] {{1e-19}});
        UserException f = assertThrows(UserException.class, () -> BkstarMeasurement.of("x", foreign));
        assertTrue(f.getMessage().startsWith("x.yaml: entry 'BR(Bs->mumu)' is not a binned B0->K*mumu observable"),
                f.getMessage());
        assertThrows(UserException.class, () -> BkstarMeasurement.bundled("belle"));
    }
}
