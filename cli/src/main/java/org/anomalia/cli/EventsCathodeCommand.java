package org.anomalia.cli;

import java.nio.file.Path;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.method.CathodeMethod;
import org.anomalia.events.method.FittedMethod;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.density.FlowSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events cathode}: sideband flow, samples in the signal region, data-vs-samples classifier. */
@Command(name = "cathode", mixinStandardHelpOptions = true, sortOptions = false,
        header = "CATHODE: signal-region data against samples of a sideband flow.",
        description = {"CATHODE: a conditional MAF learns the sidebands, is sampled in the signal region (resonant variable from a",
                "KDE of the data), and a classifier of signal-region data against the samples gives the anomaly score.",
                "Defaults follow the CATHODE paper (MAF 15x128 with BatchNorm, Adam 1e-4, batch 256, 100 epochs, 10 best;",
                "classifier 64-64-64, Adam 1e-3, batch 128, 100 epochs, 10 best; 5 folds, 4x oversampling); --fast for a quick look.",
                "Scores --eval events (restricted to the signal region) with the fold ensemble, else the SR data out of fold.",
                "The flow and classifier train unweighted: --weight only judges."})
final class EventsCathodeCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events over the whole resonant range.")
    Path data;

    @Option(names = "--eval", paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Option(names = "--oversampling", defaultValue = "4", description = "Background samples per signal-region event (default ${DEFAULT-VALUE}).")
    int oversampling;

    @Option(names = "--runs", defaultValue = "1", description = "Independent sample-and-classify runs to average (default ${DEFAULT-VALUE}).")
    int runs;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    EventsDensityOptions density = new EventsDensityOptions();

    @Mixin
    ClassifierOptions options = new ClassifierOptions();

    @Override
    public void run() {
        FlowSettings flow = density.flow(options.fast);
        ScoreAndJudge.Judging judging = options.judging();
        CathodeSettings s = new CathodeSettings(flow, options.trainer(), options.folds, oversampling, runs);
        EventsDensityOptions.Split split = density.split(inputs, data, "cathode");
        Table sr = split.signalRegion();
        Table scored = eval != null ? split.region().inside(inputs.read(eval)) : sr;
        ScoreAndJudge.Target target = inputs.target(scored, split.features());
        Map<String, Object> settings = options.settings("anomalia events cathode");
        settings.put("oversampling", oversampling);
        settings.put("runs", runs);
        inputs.describe(settings);
        density.describe(settings, split, flow, options.seed);
        FittedMethod r = new CathodeMethod(s, density.sidebandWidth).fit(split.window(), options.seed);
        if (eval != null) {
            ScoreAndJudge.write(options.out, "CATHODE", r.score(scored), target, judging, settings);
        } else {
            ScoreAndJudge.write(options.out, "CATHODE (out-of-fold scores of the signal region)", r.dataScores(split.window().inRegion()),
                    target, judging, settings);
        }
    }
}
