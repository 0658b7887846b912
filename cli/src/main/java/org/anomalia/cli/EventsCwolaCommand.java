package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.baselines.Baselines;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.classify.KFold;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events cwola}: signal region against its sidebands. */
@Command(name = "cwola", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"CWoLa hunting: a classifier of signal-region events against the neighbouring sidebands.",
                "Scores --eval events (restricted to the signal region) with the fold ensemble, else the SR data out of fold."})
final class EventsCwolaCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events over the whole resonant range.")
    Path data;

    @Option(names = "--sideband-width", defaultValue = "0.2", description = "Width of each sideband next to the signal region (default ${DEFAULT-VALUE}).")
    double sidebandWidth;

    @Option(names = "--eval", paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    ClassifierOptions options = new ClassifierOptions();

    @Override
    public void run() {
        SignalRegion region = inputs.region();
        if (region == null) {
            throw new UserException("cwola needs a signal region: --sr LOW,HIGH");
        }
        Table d = inputs.read(data);
        List<String> features = inputs.features(d);
        Map<String, Object> settings = options.settings("anomalia events cwola");
        settings.put("features", features);
        settings.put("signal_region", region.toString());
        settings.put("sideband_width", sidebandWidth);
        System.out.println("seed " + options.seed + "; signal region " + region + ", sidebands of width " + sidebandWidth);
        KFold.Result r = Baselines.cwola(d, region, sidebandWidth, features, options.trainer(), options.folds, options.seed);
        if (eval != null) {
            Table e = region.inside(inputs.read(eval));
            ScoreAndJudge.ensemble(options.out, "CWoLa hunting", r, inputs.target(e, features), options.judging(), settings);
        } else {
            Table sr = region.inside(d);
            double[] oof = java.util.Arrays.copyOf(r.outOfFold(), sr.rows());
            ScoreAndJudge.write(options.out, "CWoLa hunting (out-of-fold scores of the signal region)", oof,
                    inputs.target(sr, features), options.judging(), settings);
        }
    }
}
