package org.anomalia.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code anomalia events}: event-level anomaly detection. */
@Command(name = "events", mixinStandardHelpOptions = true,
        header = "Event-level anomaly detection: generators, scores, weak supervision, metrics.",
        description = "Event-level anomaly detection: generate toy dijet events, classifier baselines, AE/VAE/flow scores, density methods, evaluate scores.",
        subcommands = {EventsGenerateCommand.class, EventsGenerateBfactoryCommand.class, EventsFeaturesCommand.class, EventsSignificanceStudyCommand.class, EventsIdealizedCommand.class, EventsSupervisedCommand.class,
                EventsCwolaCommand.class, EventsAnodeCommand.class, EventsRanodeCommand.class, EventsCathodeCommand.class, EventsLaCathodeCommand.class,
                EventsTrainCommand.class, EventsScoreCommand.class, EventsEvaluateCommand.class, EventsScanCommand.class, EventsScanStudyCommand.class})
final class EventsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
