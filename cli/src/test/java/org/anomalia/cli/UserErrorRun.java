package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command that must end in the bad-input contract: exit 2, one line on stderr naming the problem, nothing on stdout. */
final class UserErrorRun {
    private UserErrorRun() {}

    /** Runs {@code args} through {@link Main#execute}, asserts the contract and that the line contains {@code expected}; returns the line. */
    static String assertOneLineUserError(String name, String expected, String... args) {
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream(), stdout = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(Main.USER_ERROR, code, name + ": " + message);
        assertEquals(1, message.lines().count(), name + ": one line: " + message);
        assertTrue(message.startsWith("anomalia: ") && message.contains(expected), name + ": expected '" + expected + "' in: " + message);
        assertFalse(message.contains("Exception"), name + ": " + message);
        assertEquals("", stdout.toString(StandardCharsets.UTF_8), name + ": nothing started before the error");
        return message;
    }
}
