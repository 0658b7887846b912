package org.anomalia.cli;

import org.anomalia.numerics.UserException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.Baselines;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.method.CwolaMethod;
import org.anomalia.events.method.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events cwola}: signal region against its sidebands. */
@Command(name = "cwola", mixinStandardHelpOptions = true, sortOptions = false,
        header = "CWoLa hunting: signal-region events against the sidebands.",
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
    ClassifierRunOptions common = new ClassifierRunOptions();

    @Override
    public void run() {
        checkSidebandWidth(sidebandWidth);
        common.options.trainer(); // --folds and --classifier before reading anything
        common.options.judging();
        SignalRegion region = common.inputs.requireRegion("cwola", data);
        Table d = common.inputs.readTraining(data);
        Table sr = region.inside(d);
        Table sb = region.sidebands(d, sidebandWidth);
        Table e = eval == null ? null : region.inside(common.inputs.read(eval));
        Baselines.requireResonantNotAFeature(region, common.inputs.features(d));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("signal_region", region.toString());
        settings.put("sideband_width", sidebandWidth);
        TwoSampleCommand.run(common.inputs, common.options, "anomalia events cwola", "CWoLa hunting",
                new TwoSampleCommand.Sample("signal region", sr), new TwoSampleCommand.Sample("sideband", sb), e, settings, features -> {
                    Window w = new Window(d, region, features);
                    return new TwoSampleCommand.Fitted(w, new CwolaMethod(common.options.trainer(), common.options.folds, sidebandWidth, common.inputs.weight)
                            .fit(w, common.options.seed));
                });
    }

    /** A negative width would silently mean "everything outside the signal region": refuse it. */
    static void checkSidebandWidth(double width) {
        if (!(width >= 0) || !Double.isFinite(width)) {
            throw new UserException("--sideband-width must not be negative (0 takes every event outside the signal region), got " + width);
        }
    }
}
