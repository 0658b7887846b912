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
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@code anomalia gof} command tests share (they extend it): a temporary directory, a small
 * two-observable measurement, theory samples for it, a run of the command with its streams
 * captured, and the bad-input contract.
 */
abstract class GofRuns {
    @TempDir
    Path dir;

    /** Observables a, b with a valid covariance. */
    static final String GOOD_MEASUREMENT = "{\"observables\": [\"a\", \"b\"], \"central\": [0.1, -0.2],"
            + " \"covariance\": [[0.04, 0.01], [0.01, 0.09]]}";

    /** Exit code, stderr and stdout of one run. */
    record Run(int code, String err, String out) {
    }

    /** Where {@link #gof} sends --out (appended to the arguments), or null for none. */
    Path out() {
        return dir.resolve("out");
    }

    /** What a refused run must not have written. */
    Path noOutput() {
        return dir.resolve("out");
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** samples.csv in dir: n linear-Gaussian theory draws for columns a, b (the first nanRows rows with a NaN). */
    Path samples(String header, int n, int nanRows) throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        Random rng = new Random(5);
        for (int i = 0; i < n; i++) {
            double nu = rng.nextGaussian();
            sb.append(i < nanRows ? "nan" : Double.toString(0.3 * nu)).append(',').append(-0.2 * nu + 0.05 * rng.nextGaussian()).append('\n');
        }
        return write("samples.csv", sb.toString());
    }

    /** {@code anomalia gof ARGS}, and {@code --out} {@link #out()} after them unless that is null. */
    Run gof(String... args) {
        Path out = out();
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream(), stdout = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + (out == null ? 1 : 3)];
            all[0] = "gof";
            System.arraycopy(args, 0, all, 1, args.length);
            if (out != null) {
                all[args.length + 1] = "--out";
                all[args.length + 2] = out.toString();
            }
            int code = Main.execute(all);
            return new Run(code, err.toString(StandardCharsets.UTF_8), stdout.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    /** Exit 2, one line on stderr holding every fragment, and nothing written to {@link #noOutput()}. */
    void assertUserError(Run r, String... fragments) {
        assertEquals(Main.USER_ERROR, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line: " + r.err());
        for (String f : fragments) assertTrue(lines[0].contains(f), "'" + f + "' in: " + lines[0]);
        assertFalse(Files.exists(noOutput()), "no partial report");
    }
}
