package org.anomalia.events.engine;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.anomalia.numerics.UserException;

/**
 * Which engine runs the tasks: {@code engine} "local" (this JVM's cores) or the name of a
 * {@link TaskEngineProvider} ("spark"); {@code master} the cluster to run on (null = the engine's
 * default, for Spark {@code local[*]} or whatever {@code spark-submit} set); {@code conf} extra
 * engine settings (Spark's {@code spark.*} keys), in key order.
 */
public record EngineSettings(String engine, String master, Map<String, String> conf) implements Serializable {
    public EngineSettings {
        if (engine == null || engine.isBlank()) throw new UserException("--engine must be local or spark");
        engine = engine.trim();
        conf = conf == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(conf));
        if (engine.equals("local") && master != null) {
            throw new UserException("--master " + master + " needs --engine spark (the local engine runs on this machine)");
        }
        if (engine.equals("local") && !conf.isEmpty()) {
            throw new UserException("--engine-conf needs --engine spark; got " + conf.keySet() + " with --engine local");
        }
    }

    /** The local engine on this machine's cores. */
    public static EngineSettings local() {
        return new EngineSettings("local", null, Map.of());
    }

    /** "local" or "spark (local[*])", for logs and the settings stored with outputs. */
    public String describe() {
        return master == null ? engine : engine + " (" + master + ")";
    }
}
