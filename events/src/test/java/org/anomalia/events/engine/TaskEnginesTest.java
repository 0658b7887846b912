package org.anomalia.events.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.anomalia.learn.train.ParallelTraining;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

class TaskEnginesTest {
    @Test
    void localIsTheMachinesCores() {
        try (TaskEngine e = TaskEngines.start(EngineSettings.local())) {
            LocalEngine local = assertInstanceOf(LocalEngine.class, e);
            assertEquals(ParallelTraining.threads(), local.sideBySide());
        }
    }

    @Test
    void missingOrUnknownEnginesAndMisplacedOptionsAreUserErrorsNamingTheOption() {
        // the events module alone has no Spark: the message says how to get it
        UserException spark = assertThrows(UserException.class,
                () -> TaskEngines.start(new EngineSettings("spark", null, Map.of())));
        assertTrue(spark.getMessage().startsWith("--engine spark: Spark is not on the classpath"), spark.getMessage());
        UserException unknown = assertThrows(UserException.class,
                () -> TaskEngines.start(new EngineSettings("flink", null, Map.of())));
        assertTrue(unknown.getMessage().startsWith("--engine flink: unknown engine; use local"), unknown.getMessage());
        UserException master = assertThrows(UserException.class,
                () -> new EngineSettings("local", "spark://h:7077", Map.of()));
        assertTrue(master.getMessage().startsWith("--master spark://h:7077 needs --engine spark"), master.getMessage());
        assertThrows(UserException.class, () -> new EngineSettings("local", null, Map.of("spark.task.cpus", "2")));
        assertThrows(UserException.class, () -> new EngineSettings(" ", null, null));
    }
}
