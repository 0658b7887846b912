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
    ClassifierRunOptions common = new ClassifierRunOptions();

    @Override
    public void run() {
        Table s = common.inputs.inRegion(common.inputs.readTraining(signal));
        Table b = common.inputs.inRegion(common.inputs.readTraining(background));
        Table e = common.inputs.inRegion(common.inputs.read(eval));
        TwoSampleCommand.run(common.inputs, common.options, "anomalia events supervised", "Supervised classifier",
                new TwoSampleCommand.Sample("signal", s), new TwoSampleCommand.Sample("background", b), e, Map.of());
    }
}
