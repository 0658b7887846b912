package org.anomalia.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.method.AnodeMethod;
import org.anomalia.events.method.FittedMethod;
import org.anomalia.events.density.FlowSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events anode}: log p_data(x|m) − log p_bg(x|m) with conditional flows. */
@Command(name = "anode", mixinStandardHelpOptions = true, sortOptions = false,
        header = "ANODE: ratio of signal-region and interpolated sideband densities.",
        description = {"ANODE: conditional MAFs of the signal-region data, p_data(x|m), and of the sidebands, p_bg(x|m),",
                "interpolated into the signal region; the score is log p_data - log p_bg. Flow defaults follow the CATHODE paper",
                "(15x128 with BatchNorm, Adam 1e-4, batch 256, 100 epochs, 10 best epochs); --fast for a quick look.",
                "Scores --eval events (restricted to the signal region), else the signal-region data themselves.",
                "The flows train unweighted: --weight only judges."})
final class EventsAnodeCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events over the whole resonant range.")
    Path data;

    @Option(names = "--eval", paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Option(names = "--fast", description = "Quick look: flows of 5 MADE blocks x 64, Adam 1e-3, 15 epochs, 5 best epochs.")
    boolean fast;

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
        FlowSettings flow = density.flow(fast);
        ScoreAndJudge.Judging judgement = output.judging();
        EventsDensityOptions.Split split = density.split(inputs, data, "anode");
        Table scored = eval != null ? split.region().inside(inputs.read(eval)) : split.signalRegion();
        ScoreAndJudge.Target target = inputs.target(scored, split.features());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", "anomalia events anode");
        settings.put("seed", seed);
        inputs.describe(settings);
        density.describe(settings, split, flow, seed);
        FittedMethod anode = new AnodeMethod(flow, density.sidebandWidth).fit(split.window(), seed);
        double[] scores = eval != null ? anode.score(scored) : anode.dataScores(split.window().inRegion());
        ScoreAndJudge.write(output.out, eval != null ? "ANODE" : "ANODE (signal-region data)", scores, target, judgement, settings);
    }
}
