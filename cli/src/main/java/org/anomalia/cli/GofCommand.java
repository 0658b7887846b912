package org.anomalia.cli;

import picocli.CommandLine.Command;

/** Goodness of fit of measurements against theory: the main job. Placeholder until the gof issue lands. */
@Command(name = "gof", mixinStandardHelpOptions = true,
        description = "Goodness of fit: Gaussian chi2 and VAE p-values of measurements against theory samples.")
final class GofCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("anomalia gof: the goodness-of-fit application is not built yet (issue 4).");
        System.out.println("Available now: anomalia --help lists the commands that exist.");
    }
}
