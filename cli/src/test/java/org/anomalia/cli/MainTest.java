package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpAndVersionExitZero() {
        assertEquals(Main.OK, Main.execute("--help"));
        assertEquals(Main.OK, Main.execute("--version"));
    }

    @Test
    void unknownOptionIsUserError() {
        assertEquals(Main.USER_ERROR, Main.execute("--no-such-option"));
    }
}
