package org.anomalia.cli;

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
    @Mixin
    DensityFiles files = new DensityFiles();

    @Option(names = "--fast", description = "Quick look: flows of 5 MADE blocks x 64, Adam 1e-3, 15 epochs, 5 best epochs.")
    boolean fast;

    @Mixin
    DensityScoring common = new DensityScoring();

    @Override
    public void run() {
        FlowSettings flow = common.density.flow(fast);
        DensityScoring.Run run = common.prepare("anode", files, flow);
        FittedMethod anode = new AnodeMethod(flow, common.density.sidebandWidth).fit(run.split().window(), common.seed);
        common.write(run, "ANODE", anode);
    }
}
