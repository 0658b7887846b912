package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.density.Cathode;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events cathode}: sideband flow, samples in the signal region, data-vs-samples classifier. */
@Command(name = "cathode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"CATHODE: a conditional MAF learns the sidebands, is sampled in the signal region (resonant variable from a",
                "KDE of the data), and a classifier of signal-region data against the samples gives the anomaly score.",
                "Defaults follow the CATHODE paper (MAF 15x128 with BatchNorm, Adam 1e-4, batch 256, 100 epochs, 10 best;",
                "classifier 64-64-64, Adam 1e-3, batch 128, 100 epochs, 10 best; 5 folds, 4x oversampling); --fast for a quick look.",
                "Scores --eval events (restricted to the signal region) with the fold ensemble, else the SR data out of fold."})
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
        SignalRegion region = inputs.region();
        if (region == null) throw new UserException("cathode needs a signal region: --sr LOW,HIGH");
        Table d = inputs.read(data);
        List<String> features = inputs.features(d);
        Table sr = region.inside(d);
        Table sb = region.sidebands(d, density.sidebandWidth);
        if (sr.rows() < 10) throw new UserException(data + ": only " + sr.rows() + " events in the signal region " + region);
        if (sb.rows() < 10) throw new UserException(data + ": only " + sb.rows() + " events in the sidebands of " + region);
        FlowSettings flow = density.flow(options.fast);
        CathodeSettings s = new CathodeSettings(flow, options.trainer(), options.folds, oversampling, runs);
        Map<String, Object> settings = options.settings("anomalia events cathode");
        settings.put("features", features);
        settings.put("signal_region", region.toString());
        settings.put("oversampling", oversampling);
        settings.put("runs", runs);
        density.describe(settings, flow);
        System.out.printf("seed %d; signal region %s: %d events, sidebands: %d events%n", options.seed, region, sr.rows(), sb.rows());
        Cathode.Result r = Cathode.run(sr.toRows(features), sr.column(region.variable()), sb.toRows(features), sb.column(region.variable()),
                region.low(), region.high(), s, options.seed);
        if (eval != null) {
            Table e = region.inside(inputs.read(eval));
            ScoreAndJudge.write(options.out, "CATHODE", r.score(e.toRows(features)), inputs.target(e, features), options.judging(), settings);
        } else {
            ScoreAndJudge.write(options.out, "CATHODE (out-of-fold scores of the signal region)", r.dataScores(), inputs.target(sr, features),
                    options.judging(), settings);
        }
    }
}
