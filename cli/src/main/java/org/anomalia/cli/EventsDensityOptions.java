package org.anomalia.cli;

import java.util.Map;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Option;

/** Settings of the conditional flows of {@code events anode} and {@code events cathode}. */
final class EventsDensityOptions {
    @Option(names = "--flow-epochs", description = "Flow training epochs (overrides the preset: paper 100, --fast 15).")
    Integer epochs;

    @Option(names = "--flow-blocks", description = "MADE blocks (overrides the preset: paper 15, --fast 5).")
    Integer blocks;

    @Option(names = "--sideband-width", defaultValue = "0",
            description = "Width of each sideband the flow learns from; 0 = every event outside the signal region (default, as CATHODE).")
    double sidebandWidth;

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

    void describe(Map<String, Object> settings, FlowSettings f) {
        settings.put("flow", f.toString());
        settings.put("sideband_width", sidebandWidth);
    }
}
