package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code gof --blind} then {@code gof --unblind LOCK}: same numbers as a normal run, refusal when an input changed. */
class GofBlindCommandTest extends GofRuns {
    @Override
    Path out() {
        return null; // each run names its own
    }

    @Override
    Path noOutput() {
        return dir.resolve("unblinded");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void unblindedNumbersEqualANormalRunAndAChangedByteIsRefused() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT);
        String s = samples("a,b", 2000, 0).toString();
        String[] common = {"--measurement", m.toString(), "--theory-samples", s, "--epochs", "2", "--seed", "3"};
        Run normal = gof(concat(common, "--out", dir.resolve("normal").toString()));
        assertEquals(Main.OK, normal.code(), normal.err());
        Run blind = gof(concat(common, "--blind", "--out", dir.resolve("blind").toString()));
        assertEquals(Main.OK, blind.code(), blind.err());
        Path lock = dir.resolve("blind/gof.lock.json");
        String blindReport = Files.readString(dir.resolve("blind/report.html"));
        assertTrue(blindReport.contains("BLINDED") && !blindReport.contains("UNBLINDED"));
        assertFalse(Files.readString(lock).contains("p_vae") || Files.readString(lock).contains("p_marginal"), "the lock holds no p-value of the data");
        // the marginal likelihood is calibrated and locked like the other methods: its integration set hashed, its null in the fingerprint
        var locked = JSON.readTree(lock.toFile());
        assertTrue(locked.get("inputs").has("integration_samples"), "lock inputs: " + locked.get("inputs"));
        assertTrue(locked.get("blind_checks").has("marginal_calibration_ks"), "blind checks: " + locked.get("blind_checks"));
        assertTrue(blindReport.contains("marginal likelihood"), "the blinded report shows the marginal likelihood");
        // auto trains the flow beside the VAE in every run (a cross-check where the marginal is adequate, the headline's candidate where not): locked too
        for (String method : new String[] {"gaussian_mc", "marginal", "flow", "vae_elbo", "vae_iwae"}) {
            assertTrue(locked.get("methods_sha256").has(method), "locked methods: " + locked.get("methods_sha256"));
        }

        Run unblind = gof("--unblind", lock.toString(), "--out", dir.resolve("unblinded").toString());
        assertEquals(Main.OK, unblind.code(), unblind.err());
        assertTrue(Files.readString(dir.resolve("unblinded/report.html")).contains("UNBLINDED"));
        var a = JSON.readTree(dir.resolve("normal/results.json").toFile());
        var b = JSON.readTree(dir.resolve("unblinded/results.json").toFile());
        for (String key : new String[] {"chi2", "p_chi2_asymptotic", "p_gaussian_mc", "p_vae_elbo", "p_vae_iwae", "null_ks_statistic", "p_marginal",
                "ess_data", "p_value", "p_flow"}) {
            assertTrue(a.hasNonNull(key) && b.hasNonNull(key), key);
            assertEquals(a.get(key).asDouble(), b.get(key).asDouble(), 0.0, key);
        }
        assertEquals("marginal", a.get("method").asText(), "the marginal is adequate here: the flow is the cross-check, not the headline");
        assertEquals(a.get("cross_check_verdict").asText(), b.get("cross_check_verdict").asText());

        // a lock whose marginal null differs (another integration set or seed): refused, nothing written
        try (var walk = Files.walk(dir.resolve("unblinded"))) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
        Path tampered = write("tampered.lock.json", Files.readString(lock).replace(locked.get("methods_sha256").get("marginal").asText(), "0".repeat(64)));
        // (found after retraining, so training progress precedes the one error line)
        Run refused = gof("--unblind", tampered.toString(), "--out", dir.resolve("unblinded").toString());
        assertEquals(Main.USER_ERROR, refused.code(), refused.err());
        String[] lines = refused.err().strip().split("\n");
        assertTrue(lines[lines.length - 1].contains("marginal differs") && !refused.err().contains("Exception"), refused.err());
        assertFalse(Files.exists(dir.resolve("unblinded")), "no partial report");

        // one byte of the measurement changes: refused, nothing written
        Files.writeString(m, GOOD_MEASUREMENT.replace("0.1, -0.2", "0.2, -0.2"));
        assertUserError(gof("--unblind", lock.toString(), "--out", dir.resolve("unblinded").toString()), "m.json", "changed since the blind run");
        assertUserError(gof("--unblind", dir.resolve("nope.json").toString(), "--out", dir.resolve("unblinded").toString()), "nope.json");
        assertUserError(gof("--blind", "--unblind", lock.toString(), "--out", dir.resolve("unblinded").toString()), "--blind", "--unblind");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
