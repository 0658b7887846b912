package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Bad input to {@code anomalia gof}: one line on stderr, exit code 2, and no output directory. */
class GofCommandTest extends GofRuns {
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
