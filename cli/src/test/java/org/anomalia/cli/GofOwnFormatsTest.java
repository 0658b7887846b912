package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.data.measurement.Measurement;
import org.anomalia.data.measurement.MeasurementReader;
import org.anomalia.flavour.measurements.BkstarMeasurement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool's own formats connect: the columns {@code bsll sample} writes ({@code FL_1.1_2.5}) and the
 * bundled flavio-YAML LHCb file ({@code <FL>(B0->K*mumu)[1.1,2.5]}, 80 values) meet in {@code gof},
 * in both directions, and --observables/--bins pick the main job's 32 values out of the file.
 */
class GofOwnFormatsTest {
    @TempDir
    static Path dir;
    static Path samples;
    static Path yaml;

    static final String[] MAIN_JOB = {"--observables", "FL,P1,P2,P3,P4p,P5p,P6p,P8p", "--bins", "1.1-2.5,2.5-4,4-6,6-8"};
    static final String[] QUICK = {"--epochs", "1", "--hidden", "8", "--latent", "2", "--iwae-k", "2", "--seed", "5", "-q"};

    @BeforeAll
    static void sampleAndCopy() throws IOException {
        samples = dir.resolve("samples.csv");
        assertEquals(Main.OK, run("bsll", "sample", "-q", "--n", "2000", "--seed", "3", "--out", samples.toString()).code());
        yaml = dir.resolve("lhcb2020.yaml");
        try (InputStream in = GofOwnFormatsTest.class.getResourceAsStream("/org/anomalia/flavour/measurements/lhcb2020_bkstarmumu_pbasis.yaml")) {
            Files.write(yaml, in.readAllBytes());
        }
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream(), out = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            return new Run(Main.execute(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    static JsonNode gof(String name, String measurement, String theory, String... more) throws IOException {
        List<String> a = new ArrayList<>(List.of("gof", "--measurement", measurement, "--theory-samples", theory, "--out", dir.resolve(name).toString()));
        a.addAll(List.of(QUICK));
        a.addAll(List.of(more));
        Run r = run(a.toArray(String[]::new));
        assertEquals(Main.OK, r.code(), r.err());
        return new ObjectMapper().readTree(dir.resolve(name).resolve("results.json").toFile());
    }

    /** The main job's 32 values as a generic JSON measurement named as bsll sample names its columns. */
    static Path columnNamedMeasurement() throws IOException {
        Measurement m = BkstarMeasurement.lhcb2020().select(BkstarMeasurement.P_BASIS, BkstarMeasurement.LOW_Q2_BINS)
                .measurement(); // the main job's 32, named FL_1.1_2.5 …
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode names = root.putArray("observables"), central = root.putArray("central"), cov = root.putArray("covariance");
        for (int i = 0; i < m.size(); i++) {
            names.add(m.observables().get(i));
            central.add(m.central(i));
            ArrayNode row = cov.addArray();
            for (int j = 0; j < m.size(); j++) row.add(m.covariance(i, j));
        }
        Path p = dir.resolve("main32.json");
        json.writeValue(p.toFile(), root);
        return p;
    }

    @Test
    void theBundledYamlAndTheSampleColumnsAreOneSetOfObservables() throws IOException {
        assertEquals(80, MeasurementReader.read(yaml).size(), "the bundled file holds more than the main job's values");
        Path json = columnNamedMeasurement();
        // reference: both files spelled the same way (exact labels)
        JsonNode ref = gof("ref", json.toString(), samples.toString());
        assertEquals(32, ref.get("n_observables").asInt());
        double chi2 = ref.get("chi2").asDouble();
        assertTrue(chi2 > 0 && Double.isFinite(chi2), "chi2 " + chi2);

        // flavio names in the measurement, the tool's column names in the samples; the 32 chosen from 80
        JsonNode yamlRun = gof("yaml", yaml.toString(), samples.toString(), MAIN_JOB);
        assertEquals(32, yamlRun.get("n_observables").asInt());
        assertEquals(chi2, yamlRun.get("chi2").asDouble(), 1e-9 * chi2, "same observables, same order, same numbers");
        assertEquals(ref.get("p_vae_elbo").asDouble(), yamlRun.get("p_vae_elbo").asDouble(), 0, "same seed, same problem, same VAE");

        // the other direction: column names in the measurement, flavio names in the samples
        List<String> lines = Files.readAllLines(samples);
        String[] header = lines.get(0).split(",");
        StringBuilder flavioHeader = new StringBuilder();
        for (String h : header) {
            int a = h.indexOf('_');
            String[] edges = h.substring(a + 1).split("_");
            flavioHeader.append(flavioHeader.length() == 0 ? "" : ",").append("\"<").append(h, 0, a).append(">(B0->K*mumu)[")
                    .append(edges[0]).append(',').append(edges[1]).append("]\"");
        }
        lines.set(0, flavioHeader.toString());
        Path flavioSamples = Files.write(dir.resolve("flavio-named.csv"), lines);
        JsonNode back = gof("back", json.toString(), flavioSamples.toString());
        assertEquals(chi2, back.get("chi2").asDouble(), 1e-9 * chi2);
    }

    @Test
    void withoutASelectionTheWholeFileIsAskedForAndTheMessageSaysHowToNarrowIt() {
        Run r = run("gof", "--measurement", yaml.toString(), "--theory-samples", samples.toString(), "--epochs", "1",
                "--out", dir.resolve("none").toString());
        assertEquals(Main.USER_ERROR, r.code());
        assertTrue(r.err().contains("no column for 48 of the 80 measured values") && r.err().contains("--observables/--bins"), r.err());
        assertEquals("", r.out());
        Run bad = run("gof", "--measurement", yaml.toString(), "--theory-samples", samples.toString(), "--bins", "1.1-2.5,5-7",
                "--out", dir.resolve("none").toString());
        assertEquals(Main.USER_ERROR, bad.code());
        assertTrue(bad.err().contains("--observables/--bins: " + yaml + " has no entry for FL_5_7"), bad.err());
    }
}
