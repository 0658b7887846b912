package org.anomalia.cli;

import java.util.Map;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskEngines;
import picocli.CommandLine.Option;

/**
 * Where many independent tasks run (add with {@code @Mixin}): {@code --engine local} on this
 * machine's cores, or {@code --engine spark} as Spark tasks, embedded ({@code local[*]}) or on a
 * cluster given by {@code --master}. Same seed, same numbers, whichever engine.
 */
final class EngineOptions {
    @Option(names = "--engine", defaultValue = "local",
            description = "Where the tasks run: local (this machine's cores) or spark (Apache Spark, embedded local[*] unless --master is given); same seed, same results (default ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark: local[N], local[*] or spark://HOST:7077 (default local[*], or what spark-submit set).")
    String master;

    @Option(names = "--engine-conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting for --engine spark, e.g. spark.task.cpus=2 (kernel threads per task); repeatable.")
    Map<String, String> conf;

    /** The choice, checked (a misplaced option is a user error naming it). */
    EngineSettings settings() {
        return new EngineSettings(engine, master, conf);
    }

    /** As {@link #settings()}, and the engine is there and accepts them (a bad --master is refused here, before any work). */
    EngineSettings checked() {
        EngineSettings s = settings();
        TaskEngines.check(s);
        return s;
    }

    /** The engine, started; close it when done. */
    TaskEngine start() {
        return TaskEngines.start(settings());
    }
}
