package org.anomalia.cli;

import java.nio.file.Path;
import java.util.Map;
import org.anomalia.data.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events supervised}: labelled signal against labelled background. */
@Command(name = "supervised", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Fully supervised classifier of signal against background (the upper bound).",
        description = "Fully supervised classifier of signal events against background events (the upper bound).")
final class EventsSupervisedCommand implements Runnable {
    @Option(names = "--signal", required = true, paramLabel = "FILE", description = "Signal events.")
    Path signal;

    @Option(names = "--background", required = true, paramLabel = "FILE", description = "Background events.")
    Path background;

    @Option(names = "--eval", required = true, paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    ClassifierOptions options = new ClassifierOptions();

    @Override
    public void run() {
        Table s = inputs.inRegion(inputs.readTraining(signal));
        Table b = inputs.inRegion(inputs.readTraining(background));
        Table e = inputs.inRegion(inputs.read(eval));
        TwoSampleCommand.run(inputs, options, "anomalia events supervised", "Supervised classifier",
                new TwoSampleCommand.Sample("signal", s), new TwoSampleCommand.Sample("background", b), e, Map.of());
    }
}
