package org.anomalia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code anomalia bsll}: B0→K*0μμ predictions, theory samples and bundled measurements. */
@Command(name = "bsll", mixinStandardHelpOptions = true,
        header = "b->s ll physics: B0->K*0mumu observables, theory samples, measurements.",
        description = "b->s ll physics: B0->K*0mumu binned observables (flavio 2.7 conventions), theory samples, measurements.",
        subcommands = {BsllPredictCommand.class, BsllSampleCommand.class, BsllMeasurementsCommand.class})
final class BsllCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
