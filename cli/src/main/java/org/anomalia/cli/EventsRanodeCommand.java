package org.anomalia.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.density.RanodeSettings;
import org.anomalia.events.method.RanodeMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events ranode}: a signal-only flow and the signal fraction fitted against the frozen sideband flow. */
@Command(name = "ranode", mixinStandardHelpOptions = true, sortOptions = false,
        header = "R-ANODE: a signal-only flow fitted against the frozen sideband flow.",
        description = {"R-ANODE (Das, Kasieczka, Shih 2023): the sideband flow p_bg(x|m) (as CATHODE's) is frozen; a small signal flow",
                "p_sig(x) and the signal fraction w maximise the likelihood of the signal-region data under w p_sig + (1 - w) p_bg.",
                "The score is log p_sig(x) - log p_bg(x|m); the fitted w is printed and stored. Sideband flow defaults follow the",
                "CATHODE paper; signal flow 4 spline coupling layers (2 x 64), 100 epochs; --fast: flow 5x64, 15 epochs, signal flow 3 (2 x 32), 30 epochs.",
                "Scores --eval events (restricted to the signal region), else the signal-region data themselves.",
                "The flows train unweighted: --weight only judges."})
final class EventsRanodeCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events over the whole resonant range.")
    Path data;

    @Option(names = "--eval", paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Option(names = "--fast", description = "Quick look (see above).")
    boolean fast;

    @Option(names = "--signal-epochs", description = "Signal flow epochs (overrides the preset: 100, --fast 30).")
    Integer signalEpochs;

    @Option(names = "--initial-fraction", defaultValue = "0.01", description = "Signal fraction w at the start of the fit, in (0, 1) (default ${DEFAULT-VALUE}).")
    double initialFraction;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JudgingOptions output = new JudgingOptions();

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    EventsDensityOptions density = new EventsDensityOptions();

    @Override
    public void run() {
        RanodeSettings s = settings(density, fast, signalEpochs, initialFraction, true);
        ScoreAndJudge.Judging judgement = output.judging();
        EventsDensityOptions.Split split = density.split(inputs, data, "ranode");
        Table scored = eval != null ? split.region().inside(inputs.read(eval)) : split.signalRegion();
        ScoreAndJudge.Target target = inputs.target(scored, split.features());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", "anomalia events ranode");
        settings.put("seed", seed);
        inputs.describe(settings);
        density.describe(settings, split, s.background(), seed);
        settings.put("ranode", s.toString());
        RanodeMethod.Fitted fit = new RanodeMethod(s, density.sidebandWidth).fit(split.window(), seed);
        System.out.printf(Locale.ROOT, "fitted signal fraction of the signal region: w = %.5g%n", fit.signalFraction());
        settings.put("fitted_signal_fraction", fit.signalFraction());
        double[] scores = eval != null ? fit.score(scored) : fit.dataScores(split.window().inRegion());
        ScoreAndJudge.write(output.out, eval != null ? "R-ANODE" : "R-ANODE (signal-region data)", scores, target, judgement, settings);
    }

    /** The settings from the shared flow options and R-ANODE's own (also for {@code events scan --method ranode}). */
    static RanodeSettings settings(EventsDensityOptions density, boolean fast, Integer signalEpochs, double initialFraction, boolean progress) {
        FlowSettings f = density.flow(fast);
        RanodeSettings s = (fast ? RanodeSettings.fast() : RanodeSettings.paper()).withBackground(f).withInitialFraction(initialFraction);
        if (signalEpochs != null) s = s.withSignalEpochs(signalEpochs);
        return s.withProgress(progress && f.progress());
    }
}
