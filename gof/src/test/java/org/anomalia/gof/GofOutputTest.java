package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.anomalia.gof.output.GofOutput;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GofOutputTest {
    @Test
    void writesReportAndJsonWithTheResultNumbers(@TempDir Path dir) throws Exception {
        LinearToy toy = LinearToy.standard();
        GofResult r = GofAnalysis.run(toy.problem(toy.pointWithChi2(7, 0), 2_000, 3), toy.exactModel(), 77, 1.0);
        Path out = dir.resolve("gof");
        GofOutput.write(r, out);
        GofOutput.write(r, out); // a second run replaces the first
        JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        for (String key : List.of("n_observables", "n_samples", "seed", "chi2", "p_chi2_asymptotic", "p_gaussian_mc", "p_vae_elbo",
                "p_vae_iwae", "z_chi2_asymptotic", "z_vae_elbo", "z_vae_iwae", "null_ks_statistic")) {
            assertTrue(j.has(key), key);
        }
        assertEquals(4, j.get("n_observables").asInt());
        assertEquals(2000, j.get("n_samples").asInt());
        assertEquals(77, j.get("seed").asLong());
        assertEquals(r.chi2(), j.get("chi2").asDouble(), 0);
        assertEquals(r.chi2MonteCarlo().p(), j.get("p_gaussian_mc").asDouble(), 0);
        assertEquals(r.statistic("exact").pValue().p(), j.get("statistics").get(0).get("p").asDouble(), 0);
        assertTrue(j.get("p_vae_elbo").isNull(), "no VAE in this run");
        String html = Files.readString(out.resolve("report.html"));
        for (String png : List.of("chi2_distribution.png", "chi2_tail.png", "null_exact.png", "pulls.png")) {
            assertTrue(html.contains(png) && Files.size(out.resolve(png)) > 1000, png);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no temporary directories left behind");
        }
    }

    @Test
    void failedWriteLeavesNothing(@TempDir Path dir) throws Exception {
        LinearToy toy = LinearToy.standard();
        GofResult r = GofAnalysis.run(toy.problem(toy.b, 1_000, 3), null, 1, 1.0);
        Path blocker = Files.writeString(dir.resolve("taken"), "a file, not a directory");
        assertThrows(UserException.class, () -> GofOutput.write(r, blocker));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(blocker), s.toList());
        }
    }
}
