package org.anomalia.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.scores.AnomalyScoreModel;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events score}: scores events with a model of {@code events train}. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Scores events with a model file from 'events train'.",
        description = {"Scores events with a model written by 'anomalia events train' (larger = more anomalous) and writes",
                "scores.csv (index = row of the events file, counted inside --sr if given); when the events carry a label",
                "column also metrics.json and report.html. Events outside the range the model's preprocessing was fitted on",
                "(flow: min-max -> logit) score 1e300: density zero under the model. --weight only judges."})
final class EventsScoreCommand implements Runnable {
    @Option(names = "--model", required = true, paramLabel = "MODELFILE", description = "Model file of 'events train'.")
    Path model;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Events to score.")
    Path events;

    @Mixin
    JudgingOptions output = new JudgingOptions();

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Override
    public void run() {
        AnomalyScoreModel m = AnomalyScoreModel.load(model);
        if (inputs.features != null && !inputs.features.equals(m.features())) {
            throw new UserException("--features " + String.join(",", inputs.features) + " differ from the model's " + String.join(",", m.features())
                    + "; drop --features (the model file fixes them)");
        }
        ScoreAndJudge.Judging judging = output.judging();
        Table e = inputs.inRegion(inputs.read(events));
        // every check on the events (feature columns, labels, weights) before anything is written
        ScoreAndJudge.Target target = inputs.target(e, m.features());
        System.out.printf("seed %d (of the model); scoring %d events of %s with the %s score of %s%n", m.seed(), e.rows(), events,
                m.kind().cliName(), model);
        AnomalyScoreModel.Scores s = m.score(e);
        if (s.outsideTrainingRange() > 0) {
            System.out.printf("%d event(s) lie outside the training range and score %.0e%n", s.outsideTrainingRange(), AnomalyScoreModel.OUTSIDE);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", "anomalia events score");
        settings.put("model_file", model.toString());
        settings.putAll(m.describe());
        settings.put("outside_training_range", s.outsideTrainingRange());
        if (inputs.region() != null) settings.put("signal_region", inputs.region().toString());
        inputs.describe(settings);
        ScoreAndJudge.write(output.out, m.kind().cliName().toUpperCase(java.util.Locale.ROOT) + " anomaly score", s.values(), target,
                judging, settings);
    }
}
