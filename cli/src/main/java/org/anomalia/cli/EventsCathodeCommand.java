package org.anomalia.cli;

import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.method.CathodeMethod;
import org.anomalia.events.method.WindowMethod;
import picocli.CommandLine.Command;

/** {@code anomalia events cathode}: sideband flow, samples in the signal region, data-vs-samples classifier. */
@Command(name = "cathode", mixinStandardHelpOptions = true, sortOptions = false,
        header = "CATHODE: signal-region data against samples of a sideband flow.",
        description = {"CATHODE: a conditional MAF learns the sidebands, is sampled in the signal region (resonant variable from a",
                "KDE of the data), and a classifier of signal-region data against the samples gives the anomaly score.",
                "Defaults follow the CATHODE paper (MAF 15x128 with BatchNorm, Adam 1e-4, batch 256, 100 epochs, 10 best;",
                "classifier 64-64-64, Adam 1e-3, batch 128, 100 epochs, 10 best; 5 folds, 4x oversampling); --fast for a quick look.",
                "Scores --eval events (restricted to the signal region) with the fold ensemble, else the SR data out of fold.",
                "The flow and classifier train unweighted: --weight only judges."})
final class EventsCathodeCommand extends SampledBackgroundCommand {
    @Override
    String name() {
        return "cathode";
    }

    @Override
    String label() {
        return "CATHODE";
    }

    @Override
    WindowMethod method(CathodeSettings settings, double sidebandWidth) {
        return new CathodeMethod(settings, sidebandWidth);
    }
}
