package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Bad input to the studies ({@code gof --cov-uncertainty}, {@code gof power}, {@code gof profile}): one line, exit 2, no output. */
class GofStudyCommandTest extends GofRuns {
    @Test
    void covarianceUncertaintySpecifications() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT);
        String s = samples("a,b", 2000, 0).toString();
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", s, "--cov-uncertainty", "gamma:3"), "--cov-uncertainty", "wishart:DOF");
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", s, "--cov-uncertainty", "wishart:1"), "wishart:1", "exceed 1");
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", s, "--cov-uncertainty", "lkj:5", "--cov-draws", "1"), "--cov-draws");
    }

    @Test
    void powerBadInput() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT);
        String s = samples("a,b", 2000, 0).toString();
        assertUserError(gof("power", "--measurement", m.toString(), "--theory-samples", s, "--np", "C9=-1"), "--np", "built-in");
        // 2000 rows: 1000 go to the marginal's integration set, so 1800 pseudo-experiments leave too few; nothing on stdout
        Run tooFew = gof("power", "--measurement", m.toString(), "--theory-samples", s, "--pseudo", "1800");
        assertUserError(tooFew, "1800", "--pseudo", "--marginal-samples");
        assertEquals("", tooFew.out(), "no first line before the error");
        assertUserError(gof("power", "--measurement", m.toString(), "--theory-samples", s, "--direction", "zz=1"), "unknown observable 'zz'");
        assertUserError(gof("power", "--mahalanobis", "0"), "--mahalanobis");
        assertUserError(gof("power", "--np", "C11=1"), "C11");
    }

    @Test
    void profileBadInput() throws IOException {
        assertUserError(gof("profile", "--np-grid", "C9=1:0:5"), "--np-grid", "FROM < TO");
        assertUserError(gof("profile", "--np-grid", "C9=-1:0"), "--np-grid");
        assertUserError(gof("profile", "--np-grid", "C9=-1:0:5,C10=-1:1:3,C7=0:1:3"), "at most two");
        Path m = write("m.json", GOOD_MEASUREMENT);
        assertUserError(gof("profile", "--np-grid", "C9=-1:0:5", "--measurement", m.toString(), "--theory-samples",
                samples("a,b", 2000, 0).toString()), "built-in");
    }

    @org.junit.jupiter.api.Tag("slow")
    /** A small power run end to end on file input: the size check and the curves land in power.json. */
    @Test
    void powerRunsOnFileInput() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT);
        Run ok = gof("power", "--measurement", m.toString(), "--theory-samples", samples("a,b", 2000, 0).toString(), "--pseudo", "300",
                "--mahalanobis", "3", "--direction", "a=1", "--epochs", "1");
        assertEquals(Main.OK, ok.code(), ok.err());
        String json = Files.readString(dir.resolve("out/power.json"));
        assertTrue(json.contains("\"size\"") && json.contains("\"vae_elbo\"") && json.contains("\"marginal\"") && json.contains("direction a=1"), json);
        assertTrue(Files.exists(dir.resolve("out/report.html")));
    }

    @Test
    void hypothesisBadInput() throws IOException {
        assertUserError(gof("--np", "C11=1"), "C11");
        Path m = write("m.json", GOOD_MEASUREMENT);
        assertUserError(gof("--np", "C9=-1", "--measurement", m.toString(), "--theory-samples", samples("a,b", 2000, 0).toString()), "--np", "built-in");
        assertUserError(gof("--np", "C9=-1", "power"), "SM as H0");
    }

    @org.junit.jupiter.api.Tag("slow")
    /**
     * Tuning never evaluates the measured values: two runs whose measurements differ only in the central
     * values write the same tune.json.
     */
    @Test
    void tuneDoesNotDependOnTheMeasuredValues() throws IOException {
        String s = samples("a,b", 2400, 0).toString(); // half of a file's rows integrate the marginal
        Path m1 = write("m1.json", GOOD_MEASUREMENT);
        String[] args = {"tune", "--theory-samples", s, "--beta-grid", "1,2", "--latent-grid", "2", "--epochs-grid", "1", "--pseudo", "200",
                "--mahalanobis", "3"};
        Run a = gof(concat(args, "--measurement", m1.toString()));
        assertEquals(Main.OK, a.code(), a.err());
        String first = Files.readString(dir.resolve("out/tune.json"));
        Path m2 = write("m1.json", GOOD_MEASUREMENT.replace("[0.1, -0.2]", "[5.0, 7.0]"));
        Run b = gof(concat(args, "--measurement", m2.toString()));
        assertEquals(Main.OK, b.code(), b.err());
        assertEquals(first, Files.readString(dir.resolve("out/tune.json")));
        assertTrue(first.contains("\"chosen\"") && first.contains("\"trials\""), first);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
