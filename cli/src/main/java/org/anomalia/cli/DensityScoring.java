package org.anomalia.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.method.FittedMethod;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code events anode} and {@code events ranode} share after their own options (add with {@code @Mixin}): the seed,
 * output and judging, the event columns, the sideband flow's options; the checks and the split before any training, and
 * the scoring and judging of the fitted method (the --eval events, else the signal-region data).
 */
final class DensityScoring {
    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JudgingOptions output = new JudgingOptions();

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    EventsDensityOptions density = new EventsDensityOptions();

    /** A run checked and split, with what it scores and the settings it records so far. */
    record Run(DensityFiles files, EventsDensityOptions.Split split, Table scored, ScoreAndJudge.Target target,
               ScoreAndJudge.Judging judging, Map<String, Object> settings) {
    }

    /** Every check and the split, before anything is trained; {@code name} is the command's ("anode"). */
    Run prepare(String name, DensityFiles files, FlowSettings flow) {
        ScoreAndJudge.Judging judging = output.judging();
        EventsDensityOptions.Split split = density.split(inputs, files.data, name);
        Table scored = files.eval != null ? split.region().inside(inputs.read(files.eval)) : split.signalRegion();
        ScoreAndJudge.Target target = inputs.target(scored, split.features());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", "anomalia events " + name);
        settings.put("seed", seed);
        inputs.describe(settings);
        density.describe(settings, split, flow, seed);
        return new Run(files, split, scored, target, judging, settings);
    }

    /** Scores the --eval events, else the signal-region data, and writes them judged; {@code label} names the method ("ANODE"). */
    void write(Run run, String label, FittedMethod fitted) {
        boolean eval = run.files().eval != null;
        double[] scores = eval ? fitted.score(run.scored()) : fitted.dataScores(run.split().window().inRegion());
        ScoreAndJudge.write(output.out, eval ? label : label + " (signal-region data)", scores, run.target(), run.judging(), run.settings());
    }
}
