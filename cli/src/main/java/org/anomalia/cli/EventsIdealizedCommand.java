package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.baselines.Baselines;
import org.anomalia.events.classify.KFold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events idealized}: signal-region data against a pure-background sample. */
@Command(name = "idealized", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Idealized anomaly detector: a classifier of signal-region data against a pure-background sample",
                "of the signal region. Scores --eval events with the fold ensemble (else the data, out of fold)."})
final class EventsIdealizedCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events (the data).")
    Path data;

    @Option(names = "--background", required = true, paramLabel = "FILE", description = "Pure background events.")
    Path background;

    @Option(names = "--eval", paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    ClassifierOptions options = new ClassifierOptions();

    @Override
    public void run() {
        Table d = inputs.inRegion(inputs.read(data));
        Table b = inputs.inRegion(inputs.read(background));
        List<String> features = inputs.features(d);
        Map<String, Object> settings = options.settings("anomalia events idealized");
        settings.put("features", features);
        System.out.println("seed " + options.seed + "; " + d.rows() + " data and " + b.rows() + " background events; features " + features);
        KFold.Result r = Baselines.idealized(d, b, features, options.trainer(), options.folds, options.seed);
        if (eval != null) {
            Table e = inputs.inRegion(inputs.read(eval));
            ScoreAndJudge.ensemble(options.out, "Idealized anomaly detector", r, inputs.target(e, features), options.judging(), settings);
        } else {
            double[] oof = java.util.Arrays.copyOf(r.outOfFold(), d.rows());
            ScoreAndJudge.write(options.out, "Idealized anomaly detector (out-of-fold scores of the data)", oof,
                    inputs.target(d, features), options.judging(), settings);
        }
    }
}
