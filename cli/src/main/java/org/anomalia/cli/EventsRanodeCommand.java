package org.anomalia.cli;

import java.util.Locale;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.density.RanodeSettings;
import org.anomalia.events.method.RanodeMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events ranode}: a signal-only flow and the signal fraction fitted against the frozen sideband flow. */
@Command(name = "ranode", mixinStandardHelpOptions = true, sortOptions = false,
        header = "R-ANODE: a signal-only flow fitted against the frozen sideband flow.",
        description = {"R-ANODE (Das, Kasieczka, Shih 2023): the sideband flow p_bg(x|m) (as CATHODE's) is frozen; a small signal flow",
                "p_sig(x) and the signal fraction w maximise the likelihood of the signal-region data under w p_sig + (1 - w) p_bg.",
                "The score is log p_sig(x) - log p_bg(x|m); the fitted w is printed and stored. Sideband flow defaults follow the",
                "CATHODE paper; signal flow 4 spline coupling layers (2 x 64), 100 epochs; --fast: flow 5x64, 15 epochs, signal flow 3 (2 x 32), 30 epochs.",
                "Scores --eval events (restricted to the signal region), else the signal-region data themselves.",
                "The flows train unweighted: --weight only judges."})
final class EventsRanodeCommand implements Runnable {
    @Mixin
    DensityFiles files = new DensityFiles();

    @Option(names = "--fast", description = "Quick look (see above).")
    boolean fast;

    @Option(names = "--signal-epochs", description = "Signal flow epochs (overrides the preset: 100, --fast 30).")
    Integer signalEpochs;

    @Option(names = "--initial-fraction", defaultValue = "0.01", description = "Signal fraction w at the start of the fit, in (0, 1) (default ${DEFAULT-VALUE}).")
    double initialFraction;

    @Option(names = "--starts", defaultValue = "3",
            description = "Fits of the signal flow from different starts (w, then its odds x10 and /10; new flow weights), keeping the lowest held-out loss: a guard against a fit stuck at w -> 0 (default ${DEFAULT-VALUE}).")
    int starts;

    @Mixin
    DensityScoring common = new DensityScoring();

    @Override
    public void run() {
        RanodeSettings s = settings(common.density, fast, signalEpochs, initialFraction, true).withStarts(starts);
        DensityScoring.Run run = common.prepare("ranode", files, s.background());
        run.settings().put("ranode", s.toString());
        RanodeMethod.Fitted fit = new RanodeMethod(s, common.density.sidebandWidth).fit(run.split().window(), common.seed);
        System.out.printf(Locale.ROOT, "fitted signal fraction of the signal region: w = %.5g%n", fit.signalFraction());
        System.out.println(fit.describeStarts());
        run.settings().put("fitted_signal_fraction", fit.signalFraction());
        run.settings().put("signal_fit_starts", fit.describeStarts());
        common.write(run, "R-ANODE", fit);
    }

    /** The settings from the shared flow options and R-ANODE's own (also for {@code events scan --method ranode}). */
    static RanodeSettings settings(EventsDensityOptions density, boolean fast, Integer signalEpochs, double initialFraction, boolean progress) {
        FlowSettings f = density.flow(fast);
        RanodeSettings s = (fast ? RanodeSettings.fast() : RanodeSettings.paper()).withBackground(f).withInitialFraction(initialFraction);
        if (signalEpochs != null) s = s.withSignalEpochs(signalEpochs);
        return s.withProgress(progress && f.progress());
    }
}
