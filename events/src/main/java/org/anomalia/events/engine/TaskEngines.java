package org.anomalia.events.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.anomalia.numerics.UserException;

/** Starts the engine named in {@link EngineSettings}: "local" here, others from their {@link TaskEngineProvider}. */
public final class TaskEngines {
    private TaskEngines() {}

    /** The engine the settings name, started; a name nobody provides is a user error, before any work. */
    public static TaskEngine start(EngineSettings settings) {
        if (settings.engine().equals("local")) return LocalEngine.onThisMachine();
        return provider(settings).start(settings);
    }

    /**
     * Checks the settings without starting anything (the engine is there, its master and settings
     * make sense), so that a command can refuse bad engine options before it reads or trains anything.
     */
    public static void check(EngineSettings settings) {
        if (!settings.engine().equals("local")) provider(settings).check(settings);
    }

    private static TaskEngineProvider provider(EngineSettings settings) {
        List<String> known = new ArrayList<>(List.of("local"));
        try {
            for (TaskEngineProvider p : ServiceLoader.load(TaskEngineProvider.class, TaskEngines.class.getClassLoader())) {
                if (p.name().equals(settings.engine())) return p;
                known.add(p.name());
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new UserException("--engine " + settings.engine() + ": the engine's libraries are incomplete on the classpath ("
                    + e.getMessage() + "); run through bin/anomalia, which adds them");
        }
        if (settings.engine().equals("spark")) {
            throw new UserException("--engine spark: Spark is not on the classpath; run through bin/anomalia, which adds"
                    + " spark/target/lib, or spark-submit (see the spark module's README)");
        }
        throw new UserException("--engine " + settings.engine() + ": unknown engine; use " + String.join(" or ", known)
                + (known.contains("spark") ? "" : " (or spark, through bin/anomalia)"));
    }
}
