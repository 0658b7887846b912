package org.anomalia.cli;

import java.nio.file.Path;
import org.anomalia.data.Table;
import picocli.CommandLine.Option;

/**
 * Seed and output file of the event generators (add with {@code @Mixin}): the events go to --out
 * and the run's settings to the .meta.json beside it, both or neither.
 */
final class GeneratorOutput {
    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output .npy or .csv file (a .meta.json goes beside it).")
    Path out;

    /** A user error, before any work, unless the events and their .meta.json can be written there in a known format. */
    void check() {
        TableWithSettings.checkOut(out);
    }

    /** Writes the events and {@code meta} (a record or map, written as JSON) beside them; returns the .meta.json's path. */
    Path write(Table events, Object meta) {
        return TableWithSettings.write(out, events, meta);
    }
}
