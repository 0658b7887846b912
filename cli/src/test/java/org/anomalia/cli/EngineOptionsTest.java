package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.anomalia.events.engine.LocalEngine;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class EngineOptionsTest {
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        EngineOptions engine;
    }

    private static EngineOptions parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.engine;
    }

    @Test
    void localByDefault() {
        try (TaskEngine e = parse().start()) {
            assertTrue(e instanceof LocalEngine, e.describe());
        }
    }

    @Test
    void sparkSettingsAreParsedAndMisplacedOnesRefused() {
        EngineOptions o = parse("--engine", "spark", "--master", "spark://127.0.0.1:7077", "--engine-conf", "spark.task.cpus=2");
        assertEquals("spark (spark://127.0.0.1:7077)", o.settings().describe());
        assertEquals(Map.of("spark.task.cpus", "2"), o.settings().conf());
        UserException e = assertThrows(UserException.class, () -> parse("--master", "local[2]").settings());
        assertTrue(e.getMessage().startsWith("--master local[2] needs --engine spark"), e.getMessage());
        // the cli module alone has no Spark on its classpath: the message says how to get it
        UserException missing = assertThrows(UserException.class, () -> parse("--engine", "spark").start());
        assertTrue(missing.getMessage().contains("bin/anomalia"), missing.getMessage());
        // and so before any work
        UserException early = assertThrows(UserException.class, () -> parse("--engine", "spark").checked());
        assertEquals(missing.getMessage(), early.getMessage());
    }
}
