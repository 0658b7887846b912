package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.gof.input.BuiltInInput;
import org.anomalia.gof.input.GofProblem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built-in case (flavour-engine SM samples against the bundled LHCb 2020 measurement) against
 * testdata/physics/validation/gof_reference.json, which flavio 2.7 computed from 2000 of its samples.
 */
@Tag("slow")
class BuiltInReferenceTest {
    private static final Path REFERENCE = Path.of(System.getProperty("anomalia.testdata", "../testdata"),
            "physics", "validation", "gof_reference.json");

    private static GofProblem builtIn(int samples, long seed) {
        return BuiltInInput.problem(GofOptions.DEFAULT_OBSERVABLES, GofOptions.DEFAULT_BINS, samples, Seeds.derive(seed, Seeds.THEORY), false,
                new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void chi2With2000DrawsReproducesFlavio() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(REFERENCE.toFile());
        GofProblem p = builtIn(2000, 1);
        List<String> order = new ArrayList<>();
        ref.get("observables_order").forEach(n -> order.add(n.asText()));
        assertEquals(order, p.observables(), "same 32 observables in the same order");
        for (int i = 0; i < 32; i++) {
            assertEquals(ref.get("data").get(i).asDouble(), p.measured()[i], 1e-12, "LHCb central value " + order.get(i));
            assertEquals(ref.get("exp_sigma").get(i).asDouble(), Math.sqrt(p.expCovariance()[i][i]), 1e-9, "LHCb σ " + order.get(i));
        }
        GofResult r = GofAnalysis.run(p, null, 1, 1.0);
        double chi2 = ref.get("chi2").asDouble(); // 45.62
        System.out.printf("built-in chi2 with 2000 draws: %.3f (flavio reference %.3f), p = %.4f (reference %.4f)%n", r.chi2(), chi2,
                r.pChi2Asymptotic(), ref.get("p_value").asDouble());
        assertEquals(chi2, r.chi2(), 0.10 * chi2);
        GofResult scaled = GofAnalysis.run(p.withExpCovarianceScaled(0.1), null, 1, 0.1);
        double chi2Scaled = ref.get("chi2_exp_cov_scaled_0.1").asDouble(); // 314.9
        assertEquals(chi2Scaled, scaled.chi2(), 0.10 * chi2Scaled);
    }

    @Test
    void atTenthOfTheExperimentalCovarianceTheChi2TailIsMiscalibrated() {
        // Issue 4: with today's errors the χ²(32) tail is nearly calibrated; at Λexp × 0.1 the tail at nominal 1e-3 is about 3e-3.
        GofProblem p = builtIn(20_000, 2);
        TailCalibration today = tailAt(GofAnalysis.run(p, null, 3, 1.0), 1e-3);
        TailCalibration future = tailAt(GofAnalysis.run(p.withExpCovarianceScaled(0.1), null, 3, 0.1), 1e-3);
        System.out.printf("chi2(32) tail at nominal 1e-3: %.2g [%.2g, %.2g] today, %.2g [%.2g, %.2g] at exp-cov-scale 0.1%n",
                today.observed(), today.interval().lower(), today.interval().upper(),
                future.observed(), future.interval().lower(), future.interval().upper());
        assertTrue(today.interval().lower() < 1.5e-3 && today.observed() < 2e-3, "nearly calibrated today: " + today.observed());
        assertTrue(future.interval().lower() > 1.5e-3, "miscalibrated at 0.1: " + future.observed());
        assertEquals(3e-3, future.observed(), 1.2e-3);
    }

    private static TailCalibration tailAt(GofResult r, double nominal) {
        for (TailCalibration t : r.chi2Tails()) if (t.nominal() == nominal) return t;
        throw new AssertionError("no tail at " + nominal);
    }
}
