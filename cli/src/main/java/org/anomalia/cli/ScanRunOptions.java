package org.anomalia.cli;

import java.util.function.Function;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskEngines;
import picocli.CommandLine.Mixin;

/**
 * What every command that runs scans takes after {@link ScanOptions} and its own data, seed and output (add with
 * {@code @Mixin}, last): the density methods' flow options and where the scan's tasks run.
 */
final class ScanRunOptions {
    @Mixin
    EventsDensityOptions density = new EventsDensityOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    /** Starts the engine (checked before any work by {@code engine.checked()}), says which it is, runs the work on it and stops it. */
    static <T> T onEngine(EngineSettings settings, Function<TaskEngine, T> work) {
        try (TaskEngine e = TaskEngines.start(settings)) {
            System.out.println("engine: " + e.describe());
            return work.apply(e);
        }
    }
}
