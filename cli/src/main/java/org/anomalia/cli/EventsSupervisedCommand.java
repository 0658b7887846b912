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

/** {@code anomalia events supervised}: labelled signal against labelled background. */
@Command(name = "supervised", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fully supervised classifier of signal events against background events (the upper bound).")
final class EventsSupervisedCommand implements Runnable {
    @Option(names = "--signal", required = true, paramLabel = "FILE", description = "Signal events.")
    Path signal;

    @Option(names = "--background", required = true, paramLabel = "FILE", description = "Background events.")
    Path background;

    @Option(names = "--eval", required = true, paramLabel = "FILE", description = "Events to score and, if labelled, judge.")
    Path eval;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    ClassifierOptions options = new ClassifierOptions();

    @Override
    public void run() {
        Table s = inputs.inRegion(inputs.read(signal));
        Table b = inputs.inRegion(inputs.read(background));
        List<String> features = inputs.features(s);
        Map<String, Object> settings = options.settings("anomalia events supervised");
        settings.put("features", features);
        System.out.println("seed " + options.seed + "; " + s.rows() + " signal and " + b.rows() + " background events; features " + features);
        KFold.Result r = Baselines.supervised(s, b, features, options.trainer(), options.folds, options.seed);
        Table e = inputs.inRegion(inputs.read(eval));
        ScoreAndJudge.ensemble(options.out, "Supervised classifier", r, inputs.target(e, features), options.judging(), settings);
    }
}
