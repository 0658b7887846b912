package org.anomalia.cli;

import java.nio.file.Path;
import java.util.Map;
import org.anomalia.data.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events idealized}: signal-region data against a pure-background sample. */
@Command(name = "idealized", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Idealized detector: signal-region data against pure background.",
        description = {"Idealized anomaly detector: a classifier of signal-region data against a pure-background sample",
                "of the signal region. Scores --eval events with the fold ensemble (else the data, out of fold)."})
final class EventsIdealizedCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events (the data).")
    Path data;

    @Option(names = "--background", required = true, paramLabel = "FILE", description = "Pure background events.")
    Path background;

    @Option(names = "--eval", paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Mixin
    ClassifierRunOptions common = new ClassifierRunOptions();

    @Override
    public void run() {
        Table d = common.inputs.inRegion(common.inputs.readTraining(data));
        Table b = common.inputs.inRegion(common.inputs.readTraining(background));
        Table e = eval == null ? null : common.inputs.inRegion(common.inputs.read(eval));
        TwoSampleCommand.run(common.inputs, common.options, "anomalia events idealized", "Idealized anomaly detector",
                new TwoSampleCommand.Sample("data", d), new TwoSampleCommand.Sample("background", b), e, Map.of());
    }
}
