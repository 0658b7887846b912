package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.method.Window;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Option;

/** Settings of the conditional flows of {@code events anode} and {@code events cathode}, and the data split they share. */
final class EventsDensityOptions {
    @Option(names = "--flow-epochs", description = "Flow training epochs (overrides the preset: paper 100, --fast 15).")
    Integer epochs;

    @Option(names = "--flow-blocks", description = "MADE blocks (overrides the preset: paper 15, --fast 5).")
    Integer blocks;

    @Option(names = "--sideband-width", defaultValue = "0",
            description = "Width of each sideband the flow learns from; 0 = every event outside the signal region (default, as CATHODE).")
    double sidebandWidth;

    /** The data file's signal region and sidebands, their features, and the events to score; all checked before training. */
    record Split(Table data, SignalRegion region, List<String> features, Table signalRegion, Table sidebands) {
        /** The window the density methods fit on. */
        Window window() {
            return new Window(data, region, features);
        }
    }

    Split split(EventsInputs inputs, Path data, String method) {
        EventsCwolaCommand.checkSidebandWidth(sidebandWidth);
        SignalRegion region = inputs.requireRegion(method, data);
        Table d = inputs.read(data); // the flows train unweighted: weights here only judge, negative ones too
        List<String> features = inputs.features(d);
        Table sr = region.inside(d);
        Table sb = region.sidebands(d, sidebandWidth);
        inputs.requireEvents(sr, "signal-region");
        inputs.requireEvents(sb, "sideband");
        return new Split(d, region, features, sr, sb);
    }

    FlowSettings flow(boolean fast) {
        FlowSettings f = fast ? FlowSettings.fast() : FlowSettings.paper();
        if (epochs != null) {
            if (epochs < 1) throw new UserException("--flow-epochs must be at least 1, got " + epochs);
            f = f.withEpochs(epochs, f.bestEpochs());
        }
        if (blocks != null) {
            if (blocks < 1) throw new UserException("--flow-blocks must be at least 1, got " + blocks);
            f = new FlowSettings(blocks, f.hidden(), f.batchNorm(), f.learningRate(), f.batchSize(), f.epochs(), f.bestEpochs(),
                    f.validationFraction(), f.progress());
        }
        return f;
    }

    /** Adds the split and flow settings to a run's settings and prints the run's first line. */
    void describe(Map<String, Object> settings, Split split, FlowSettings f, long seed) {
        settings.put("features", split.features());
        settings.put("signal_region", split.region().toString());
        settings.put("flow", f.toString());
        settings.put("sideband_width", sidebandWidth);
        System.out.printf("seed %d; signal region %s: %d events, sidebands: %d events%n", seed, split.region(), split.signalRegion().rows(),
                split.sidebands().rows());
    }
}
