package org.anomalia.spark;

import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskEngineProvider;

/** {@code --engine spark}: registered in META-INF/services for {@link java.util.ServiceLoader}. */
public final class SparkEngineProvider implements TaskEngineProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public TaskEngine start(EngineSettings settings) {
        return SparkEngine.start(settings);
    }

    @Override
    public void check(EngineSettings settings) {
        SparkSettings.conf(settings);
    }
}
