package org.anomalia.events.engine;

/**
 * An engine found at run time through {@link java.util.ServiceLoader} (the {@code spark} module
 * registers one), so that nothing below the CLI needs the engine's libraries on its classpath.
 */
public interface TaskEngineProvider {
    /** The name after {@code --engine}, e.g. "spark". */
    String name();

    /**
     * Checks the settings (before any work: a bad master URL is a {@link org.anomalia.numerics.UserException})
     * and starts the engine.
     */
    TaskEngine start(EngineSettings settings);

    /** Checks the settings as {@link #start} would, without starting anything (a bad one is a UserException). */
    default void check(EngineSettings settings) {
    }
}
