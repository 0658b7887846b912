package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code anomalia gof}: one line on stderr, exit code 2, and no output directory. */
class GofCommandTest {
    @TempDir
    Path dir;

    private static final String GOOD_MEASUREMENT = "{\"observables\": [\"a\", \"b\"], \"central\": [0.1, -0.2],"
            + " \"covariance\": [[0.04, 0.01], [0.01, 0.09]]}";

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** A CSV of n linear-Gaussian theory draws for columns a, b (optionally with NaN rows). */
    private Path samples(String header, int n, int nanRows) throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        Random rng = new Random(5);
        for (int i = 0; i < n; i++) {
            double nu = rng.nextGaussian();
            sb.append(i < nanRows ? "nan" : Double.toString(0.3 * nu)).append(',').append(-0.2 * nu + 0.05 * rng.nextGaussian()).append('\n');
        }
        return write("samples.csv", sb.toString());
    }

    private record Run(int code, String err) {}

    private Run gof(String... args) {
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 3];
            all[0] = "gof";
            System.arraycopy(args, 0, all, 1, args.length);
            all[args.length + 1] = "--out";
            all[args.length + 2] = dir.resolve("out").toString();
            return new Run(Main.execute(all), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    private void assertUserError(Run r, String... fragments) {
        assertEquals(Main.USER_ERROR, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line: " + r.err());
        for (String f : fragments) assertTrue(lines[0].contains(f), "'" + f + "' in: " + lines[0]);
        assertFalse(Files.exists(dir.resolve("out")), "no partial report");
    }

    @Test
    void covarianceNotSymmetric() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT.replace("[0.01, 0.09]", "[0.02, 0.09]"));
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", samples("a,b", 2000, 0).toString()), "m.json", "symmetric");
    }

    @Test
    void covarianceNotPositiveDefinite() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT.replace("0.01", "0.3"));
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", samples("a,b", 2000, 0).toString()),
                "m.json", "positive definite", "smallest eigenvalue -");
    }

    @Test
    void namesDifferBetweenMeasurementAndSamples() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT);
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", samples("a,c", 2000, 0).toString()),
                "samples.csv", "no column for 1 of the 2 measured values: b", "columns not used: c");
    }

    @Test
    void tooFewSamplesForTheSplit() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT);
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", samples("a,b", 120, 0).toString()), "too few samples", "120");
    }

    @Test
    void nonFiniteRowsAreCountedOrDropped() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT);
        Path s = samples("a,b", 2000, 7);
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", s.toString()), "7 of 2000 rows", "--drop-nonfinite");
        Run ok = gof("--measurement", m.toString(), "--theory-samples", s.toString(), "--drop-nonfinite", "--epochs", "2");
        assertEquals(Main.OK, ok.code(), ok.err());
        assertTrue(Files.exists(dir.resolve("out/results.json")) && Files.exists(dir.resolve("out/report.html")));
    }

    @Test
    void unreadableFiles() throws IOException {
        assertUserError(gof("--measurement", dir.resolve("nope.json").toString(), "--theory-samples", samples("a,b", 2000, 0).toString()),
                "nope.json");
        Path bad = write("bad.json", "{\"observables\": [\"a\", ");
        assertUserError(gof("--measurement", bad.toString(), "--theory-samples", samples("a,b", 2000, 0).toString()), "bad.json");
        Path m = write("m.json", GOOD_MEASUREMENT);
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", dir.resolve("missing.csv").toString()), "missing.csv");
    }

    @Test
    void badOptionValues() throws IOException {
        Path m = write("m.json", GOOD_MEASUREMENT);
        assertUserError(gof("--measurement", m.toString(), "--theory-samples", samples("a,b", 2000, 0).toString(), "--exp-cov-scale", "-2"),
                "--exp-cov-scale");
        assertUserError(gof("--measurement", m.toString()), "--theory-samples");
    }
}
