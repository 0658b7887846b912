package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.density.Anode;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events anode}: log p_data(x|m) − log p_bg(x|m) with conditional flows. */
@Command(name = "anode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"ANODE: conditional MAFs of the signal-region data, p_data(x|m), and of the sidebands, p_bg(x|m),",
                "interpolated into the signal region; the score is log p_data - log p_bg. Flow defaults follow the CATHODE paper",
                "(15x128 with BatchNorm, Adam 1e-4, batch 256, 100 epochs, 10 best epochs); --fast for a quick look.",
                "Scores --eval events (restricted to the signal region), else the signal-region data themselves."})
final class EventsAnodeCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events over the whole resonant range.")
    Path data;

    @Option(names = "--eval", paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Option(names = "--fast", description = "Quick look: flows of 5 MADE blocks x 64, Adam 1e-3, 15 epochs, 5 best epochs.")
    boolean fast;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: scores.csv, metrics.json, report.html.")
    Path out;

    @Option(names = "--fpr-floor", defaultValue = "1e-4", description = "Lowest background efficiency for the maximum SIC (default ${DEFAULT-VALUE}).")
    double fprFloor;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    EventsDensityOptions density = new EventsDensityOptions();

    @Override
    public void run() {
        SignalRegion region = inputs.region();
        if (region == null) throw new UserException("anode needs a signal region: --sr LOW,HIGH");
        Table d = inputs.read(data);
        List<String> features = inputs.features(d);
        Table sr = region.inside(d);
        Table sb = region.sidebands(d, density.sidebandWidth);
        if (sr.rows() < 10) throw new UserException(data + ": only " + sr.rows() + " events in the signal region " + region);
        if (sb.rows() < 10) throw new UserException(data + ": only " + sb.rows() + " events in the sidebands of " + region);
        FlowSettings flow = density.flow(fast);
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("command", "anomalia events anode");
        settings.put("seed", seed);
        settings.put("features", features);
        settings.put("signal_region", region.toString());
        density.describe(settings, flow);
        System.out.printf("seed %d; signal region %s: %d events, sidebands: %d events%n", seed, region, sr.rows(), sb.rows());
        Anode anode = Anode.fit(sr.toRows(features), sr.column(region.variable()), sb.toRows(features), sb.column(region.variable()), flow, seed);
        Table target = eval != null ? region.inside(inputs.read(eval)) : sr;
        double[] scores = anode.score(target.toRows(features), target.column(region.variable()));
        ScoreAndJudge.write(out, eval != null ? "ANODE" : "ANODE (signal-region data)", scores, inputs.target(target, features),
                new ScoreAndJudge.Judging(fprFloor, 0, 0), settings);
    }
}
