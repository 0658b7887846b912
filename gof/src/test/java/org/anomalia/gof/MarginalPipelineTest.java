package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.TrainingHistory;
import org.anomalia.gof.output.GofOutput;
import org.anomalia.gof.output.GofSummary;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marginal likelihood inside the pipeline, on the linear Gaussian toy whose exact p is the χ²(n)
 * survival: its p, the headline choice (auto, explicit methods, the switch to a learned model when the
 * effective sample size is too small), the cross-check warning, determinism, results.json and the
 * file split.
 */
class MarginalPipelineTest {
    private static final LinearToy TOY = LinearToy.standard();

    private static GofProblem problem(double[] x, int m) {
        return TOY.problem(x, 4_000, 3).withIntegrationSamples(TOY.draw(m, 99), m + " toy draws");
    }

    /** A learned-model stand-in named like the VAE's bound: the exact χ², or its negative (a model that has it backwards). */
    private static NullModel learned(boolean backwards) {
        return (train, validation, seed) -> new TrainedNullModel(List.of(new TestStatistic() {
            @Override public String name() { return "vae_iwae"; }
            @Override public String label() { return "stand-in IWAE"; }
            @Override public double[] evaluate(double[][] rows) {
                double[] v = new double[rows.length];
                for (int i = 0; i < v.length; i++) v[i] = (backwards ? -1 : 1) * TOY.exactChi2(rows[i]);
                return v;
            }
        }), TrainingHistory.NONE);
    }

    @Test
    void marginalPIsTheExactPAndAutoTakesIt(@TempDir Path dir) throws Exception {
        double[] x = TOY.pointWithChi2(7, 0);
        GofResult r = GofAnalysis.run(problem(x, 20_000), learned(false), 5, 1.0);
        MarginalResult m = r.marginal();
        double exact = TOY.exactP(x);
        System.out.printf("linear toy: exact p %.4f, marginal p %.4f, ESS data %.0f, null median %.0f%n", exact, m.statistic().pValue().p(),
                m.essData(), m.essNullMedian());
        assertEquals(exact, m.statistic().pValue().p(), 0.025);
        assertEquals(3_600, m.essNull().length, "null points: all but the calibration split");
        assertTrue(m.adequate());
        assertEquals("marginal", r.headline().method());
        assertEquals(m.statistic().pValue().p(), r.headline().p(), 0);
        assertFalse(r.crossCheck().warning(), r.crossCheck().lines().toString());

        GofOutput.write(r, dir.resolve("out"));
        JsonNode j = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        for (String key : List.of("p_value", "z_value", "method", "p_marginal", "p_marginal_ci", "ess_data", "ess_null_median", "ess_null_quantiles",
                "p_flow", "p_vae_elbo", "p_vae_iwae", "chi2", "p_chi2_asymptotic", "p_gaussian_mc", "cross_check", "marginal_samples")) {
            assertTrue(j.has(key), key);
        }
        assertEquals("marginal", j.get("method").asText());
        assertEquals(m.statistic().pValue().p(), j.get("p_value").asDouble(), 0);
        assertEquals(m.statistic().pValue().p(), j.get("p_marginal").asDouble(), 0);
        assertEquals(m.essData(), j.get("ess_data").asDouble(), 0);
        assertEquals(20_000, j.get("marginal_samples").asInt());
        assertTrue(j.get("p_flow").isNull());
        assertEquals("ok", j.get("cross_check_status").asText());
        assertEquals(r.crossCheck().verdict(), j.get("cross_check_verdict").asText());
        JsonNode marginalEntry = j.get("statistics").get(0), learnedEntry = j.get("statistics").get(1);
        assertEquals("marginal", marginalEntry.get("name").asText());
        assertTrue(marginalEntry.get("headline").asBoolean() && !learnedEntry.get("headline").asBoolean());
        assertTrue(marginalEntry.get("cross_check").isNull());
        assertEquals("ok", learnedEntry.get("cross_check").asText());
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("marginal_ess.png") && html.contains("null_marginal.png") && html.contains("null_vae_iwae.png"), "report figures");
        // the verdict as a heading before the figures, the ESS beside the marginal's null distribution, every p in its caption
        assertTrue(html.contains("<h2>Cross-check: OK</h2>"), "cross-check verdict heading");
        assertTrue(html.indexOf("Cross-check: OK") < html.indexOf("null_marginal.png"), "verdict before the null distributions");
        String marginalCaption = html.substring(html.indexOf("null_marginal.png"), html.indexOf("</figure>", html.indexOf("null_marginal.png")));
        assertTrue(marginalCaption.contains(String.format("%.1f at the data", m.essData())) && marginalCaption.contains("adequate")
                && marginalCaption.contains("p = " + m.statistic().pValue().describe()), marginalCaption);
    }

    @Test
    void autoSwitchesToTheLearnedModelWhenTheEssIsTooSmall() {
        double[] x = TOY.pointWithChi2(7, 0);
        GofResult r = GofAnalysis.run(problem(x, 30), learned(false), 5, 1.0);
        assertFalse(r.marginal().adequate(), "30 integration points cannot give ESS ≥ 100");
        assertEquals("vae_iwae", r.headline().method());
        assertTrue(r.headline().reason().contains("too small"), r.headline().reason());
        assertTrue(r.crossCheck().lines().get(0).contains("not made"));
        assertEquals("not made", r.crossCheck().status());
        assertTrue(GofSummary.table(r).toText().contains("TOO SMALL"), "the summary table says the ESS is too small");
        // asked for explicitly, the marginal is the headline even so, with a warning in the reason
        GofResult asked = GofAnalysis.run(problem(x, 30), learned(false), 5, 1.0, Map.of(), GofMethod.MARGINAL);
        assertEquals("marginal", asked.headline().method());
        assertTrue(asked.headline().reason().contains("WARNING"));
        GofResult vae = GofAnalysis.run(problem(x, 20_000), learned(false), 5, 1.0, Map.of(), GofMethod.VAE);
        assertEquals("vae_iwae", vae.headline().method());
    }

    /** Two learned density stand-ins, the flow's −log p worse than the VAE's by {@code flowExcess} nats on every row. */
    private static NullModel flowAndVae(double flowExcess) {
        return (train, validation, seed) -> new TrainedNullModel(List.of(density("flow", flowExcess), density("vae_iwae", 0)), TrainingHistory.NONE);
    }

    private static TestStatistic density(String name, double shift) {
        return new TestStatistic() {
            @Override public String name() { return name; }
            @Override public String label() { return name; }
            @Override public boolean estimatesNegLogDensity() { return true; }
            @Override public double[] evaluate(double[][] rows) {
                double[] v = new double[rows.length];
                for (int i = 0; i < v.length; i++) v[i] = 0.5 * TOY.exactChi2(rows[i]) + shift;
                return v;
            }
        };
    }

    @Test
    void autoFallsBackToTheLearnedModelWithTheBestHeldOutLikelihood() {
        double[] x = TOY.pointWithChi2(7, 0);
        GofResult vaeBetter = GofAnalysis.run(problem(x, 30), flowAndVae(0.5), 5, 1.0);
        assertEquals("vae_iwae", vaeBetter.headline().method(), vaeBetter.headline().reason());
        GofResult flowBetter = GofAnalysis.run(problem(x, 30), flowAndVae(-0.5), 5, 1.0);
        assertEquals("flow", flowBetter.headline().method(), flowBetter.headline().reason());
        assertTrue(flowBetter.headline().reason().contains("held-out mean −log p"), flowBetter.headline().reason());
    }

    @Test
    void theLearnedModelsAreChosenAfterTheMarginal() {
        double[] x = TOY.pointWithChi2(7, 0);
        java.util.List<Boolean> adequateSeen = new java.util.ArrayList<>();
        GofAnalysis.run(problem(x, 30), m -> {
            adequateSeen.add(m.adequate());
            return learned(false);
        }, 5, 1.0, Map.of(), GofMethod.AUTO);
        assertEquals(List.of(false), adequateSeen);
    }

    @Test
    void aLearnedModelThatDisagreesIsAWarning(@TempDir Path dir) throws Exception {
        GofResult r = GofAnalysis.run(problem(TOY.pointWithChi2(7, 0), 20_000), learned(true), 5, 1.0);
        assertTrue(r.marginal().adequate());
        assertTrue(r.crossCheck().warning());
        String checks = String.join("\n", GofSummary.checks(r)) + "\n" + GofSummary.headline(r);
        assertTrue(checks.contains("WARNING: the learned model disagrees"), checks);
        assertEquals("warning", r.crossCheck().status());
        assertTrue(r.crossCheck().verdict().startsWith("cross-check: WARNING — stand-in IWAE disagrees"), r.crossCheck().verdict());
        GofOutput.write(r, dir.resolve("out"));
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("<h2>Cross-check: WARNING</h2>") && html.contains("cross-check WARNING"), "verdict heading and the table's note");
        assertEquals("warning", new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).get("cross_check_status").asText());
        assertEquals("marginal", r.headline().method());
    }

    @Test
    void sameSeedSameAnswerOtherSeedOtherNullSample() {
        double[] x = TOY.pointWithChi2(5, 2);
        GofResult a = GofAnalysis.run(problem(x, 5_000), null, 11, 1.0);
        GofResult b = GofAnalysis.run(problem(x, 5_000), null, 11, 1.0);
        GofResult c = GofAnalysis.run(problem(x, 5_000), null, 12, 1.0);
        assertEquals(a.marginal().statistic().observed(), b.marginal().statistic().observed(), 0);
        assertEquals(a.marginal().statistic().pValue().p(), b.marginal().statistic().pValue().p(), 0);
        assertEquals(a.marginal().essData(), b.marginal().essData(), 0);
        assertNotEquals(a.marginal().statistic().pValue().p(), c.marginal().statistic().pValue().p());
    }

    @Test
    void fileRowsSplitIntoDisjointIntegrationAndPipelineParts() {
        double[][] rows = TOY.draw(3_000, 4);
        IntegrationSplit half = IntegrationSplit.of(rows, null, 7, "s.csv");
        assertEquals(1_500, half.integration().length);
        assertEquals(1_500, half.pipeline().length);
        Set<double[]> seen = new HashSet<>(List.of(half.integration()));
        for (double[] r : half.pipeline()) assertFalse(seen.contains(r), "a row in both parts");
        assertEquals(2_500, IntegrationSplit.of(rows, 2_500, 7, "s.csv").integration().length);
        assertEquals(100, IntegrationSplit.of(TOY.draw(600, 4), null, 7, "s.csv").integration().length, "default leaves the null its 500 rows");
        UserException e = assertThrows(UserException.class, () -> IntegrationSplit.of(rows, 2_600, 7, "s.csv"));
        assertTrue(e.getMessage().contains("--marginal-samples"), e.getMessage());
    }
}
