package org.anomalia.cli;

import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.method.WindowMethod;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code events cathode} and {@code events lacathode} share: the sideband flow's and the classifier's options,
 * signal-region data against background draws, scoring and judging. The subclass names the method and builds it.
 */
abstract class SampledBackgroundCommand implements Runnable {
    @Mixin
    DensityFiles files = new DensityFiles();

    @Option(names = "--oversampling", defaultValue = "4",
            description = "Background draws per signal-region event: sideband-flow samples (cathode) or N(0, I) latents (lacathode) (default ${DEFAULT-VALUE}).")
    int oversampling;

    @Option(names = "--runs", defaultValue = "1", description = "Independent draw-and-classify runs to average (default ${DEFAULT-VALUE}).")
    int runs;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    EventsDensityOptions density = new EventsDensityOptions();

    @Mixin
    ClassifierOptions options = new ClassifierOptions();

    /** The command's name ("cathode"), as in settings and messages. */
    abstract String name();

    /** The method's name in reports ("CATHODE"). */
    abstract String label();

    abstract WindowMethod method(CathodeSettings settings, double sidebandWidth);

    @Override
    public void run() {
        FlowSettings flow = density.flow(options.fast);
        ScoreAndJudge.Judging judging = options.judging();
        CathodeSettings s = new CathodeSettings(flow, options.trainer(), options.folds, oversampling, runs);
        EventsDensityOptions.Split split = density.split(inputs, files.data, name());
        Table sr = split.signalRegion();
        Table scored = files.eval != null ? split.region().inside(inputs.read(files.eval)) : sr;
        ScoreAndJudge.Target target = inputs.target(scored, split.features());
        Map<String, Object> settings = options.settings("anomalia events " + name());
        settings.put("oversampling", oversampling);
        settings.put("runs", runs);
        inputs.describe(settings);
        density.describe(settings, split, flow, options.seed);
        var r = method(s, density.sidebandWidth).fit(split.window(), options.seed);
        if (files.eval != null) {
            ScoreAndJudge.write(options.out, label(), r.score(scored), target, judging, settings);
        } else {
            ScoreAndJudge.write(options.out, label() + " (out-of-fold scores of the signal region)", r.dataScores(split.window().inRegion()),
                    target, judging, settings);
        }
    }
}
