package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anomalia.numerics.io.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress of a real command as a log file sees it, and with --quiet. */
class ProgressOutputTest {
    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        System.clearProperty(Progress.PROPERTY);
    }

    private String stderrOf(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(Main.OK, Main.execute(args));
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void inALogTheSampleProgressIsAFewWholeLines() {
        System.setProperty(Progress.PROPERTY, "lines"); // what bin/anomalia sets when stderr is not a terminal
        String err = stderrOf("bsll", "sample", "--n", "20000", "--observables", "FL", "--bins", "1.1-2.5", "--threads", "2",
                "--out", dir.resolve("s.csv").toString());
        assertFalse(err.contains("\r"), err);
        long lines = err.lines().filter(l -> l.startsWith("bsll sample:")).count();
        assertTrue(lines >= 1 && lines <= 12, err);
        assertTrue(err.contains("bsll sample: done, 20000 rows in "), err);
    }

    @Test
    void quietShowsNoProgressButStillWrites() {
        System.setProperty(Progress.PROPERTY, "bar");
        String err = stderrOf("bsll", "sample", "--quiet", "--n", "20000", "--observables", "FL", "--bins", "1.1-2.5",
                "--out", dir.resolve("q.csv").toString());
        assertEquals("", err);
        assertTrue(Files.exists(dir.resolve("q.csv")));
        assertEquals("", stderrOf("-q", "bsll", "sample", "--n", "100", "--observables", "FL", "--bins", "1.1-2.5",
                "--out", dir.resolve("q2.csv").toString()));
    }
}
