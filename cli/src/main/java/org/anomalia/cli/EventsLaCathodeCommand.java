package org.anomalia.cli;

import java.nio.file.Path;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.method.FittedMethod;
import org.anomalia.events.method.LaCathodeMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events lacathode}: CATHODE's classifier in the latent space of the sideband flow. */
@Command(name = "lacathode", mixinStandardHelpOptions = true, sortOptions = false,
        header = "LaCATHODE: signal-region latents of the sideband flow against N(0, I).",
        description = {"LaCATHODE (Hallin et al. 2022): the conditional sideband flow (as CATHODE's) maps each signal-region event to its",
                "latent z = f(x; m), where background is N(0, I) at every m; a k-fold classifier of the latents against N(0, I) draws",
                "gives the score, which does not learn the m dependence of the features and so does not sculpt the spectrum outside",
                "the window. Flow and classifier defaults as events cathode; --fast for a quick look.",
                "Scores --eval events (restricted to the signal region) with the fold ensemble, else the SR data out of fold.",
                "The flow and classifier train unweighted: --weight only judges."})
final class EventsLaCathodeCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events over the whole resonant range.")
    Path data;

    @Option(names = "--eval", paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Option(names = "--oversampling", defaultValue = "4", description = "N(0, I) draws per signal-region event (default ${DEFAULT-VALUE}).")
    int oversampling;

    @Option(names = "--runs", defaultValue = "1", description = "Independent draw-and-classify runs to average (default ${DEFAULT-VALUE}).")
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
        EventsDensityOptions.Split split = density.split(inputs, data, "lacathode");
        Table sr = split.signalRegion();
        Table scored = eval != null ? split.region().inside(inputs.read(eval)) : sr;
        ScoreAndJudge.Target target = inputs.target(scored, split.features());
        Map<String, Object> settings = options.settings("anomalia events lacathode");
        settings.put("oversampling", oversampling);
        settings.put("runs", runs);
        inputs.describe(settings);
        density.describe(settings, split, flow, options.seed);
        FittedMethod r = new LaCathodeMethod(s, density.sidebandWidth).fit(split.window(), options.seed);
        if (eval != null) {
            ScoreAndJudge.write(options.out, "LaCATHODE", r.score(scored), target, judging, settings);
        } else {
            ScoreAndJudge.write(options.out, "LaCATHODE (out-of-fold scores of the signal region)", r.dataScores(split.window().inRegion()),
                    target, judging, settings);
        }
    }
}
