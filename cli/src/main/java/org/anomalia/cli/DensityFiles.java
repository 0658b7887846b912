package org.anomalia.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The files of the commands that fit densities on a window's sidebands (add with {@code @Mixin}): the data over the
 * whole resonant range, and optionally other events to score instead of the signal-region data.
 */
final class DensityFiles {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events over the whole resonant range.")
    Path data;

    @Option(names = "--eval", paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;
}
