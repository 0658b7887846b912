package org.anomalia.cli;

import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.method.LaCathodeMethod;
import org.anomalia.events.method.WindowMethod;
import picocli.CommandLine.Command;

/** {@code anomalia events lacathode}: CATHODE's classifier in the latent space of the sideband flow. */
@Command(name = "lacathode", mixinStandardHelpOptions = true, sortOptions = false,
        header = "LaCATHODE: signal-region latents of the sideband flow against N(0, I).",
        description = {"LaCATHODE (Hallin et al. 2022): the conditional sideband flow (as CATHODE's) maps each signal-region event to its",
                "latent z = f(x; m), where background is N(0, I) at every m; a k-fold classifier of the latents against N(0, I) draws",
                "gives the score, which does not learn the m dependence of the features and so does not sculpt the spectrum outside",
                "the window. Flow and classifier defaults as events cathode; --fast for a quick look.",
                "Scores --eval events (restricted to the signal region) with the fold ensemble, else the SR data out of fold.",
                "The flow and classifier train unweighted: --weight only judges."})
final class EventsLaCathodeCommand extends SampledBackgroundCommand {
    @Override
    String name() {
        return "lacathode";
    }

    @Override
    String label() {
        return "LaCATHODE";
    }

    @Override
    WindowMethod method(CathodeSettings settings, double sidebandWidth) {
        return new LaCathodeMethod(settings, sidebandWidth);
    }
}
