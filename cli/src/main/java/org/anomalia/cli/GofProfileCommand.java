package org.anomalia.cli;

import org.anomalia.gof.study.GridAxis;
import org.anomalia.gof.study.ProfileJob;
import org.anomalia.gof.study.ProfileOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code anomalia gof profile}: −2 log p(x | C) on a Wilson-coefficient grid, Gaussian and exact marginal likelihood side by side. */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Likelihood profile in Wilson coefficients: Gaussian and exact.",
        description = {"Likelihood profile of the built-in LHCb measurement in one or two Wilson coefficients (real parts of C7, C9, C10, C7p, C9p, C10p):",
                "Gaussian approximation (theory covariance re-estimated per point) and exact marginal likelihood, best fit, 1/2 sigma intervals",
                "(Wilks and toys at the best fit) and the SM's pull. --samples is the number of theory draws per grid point here."})
final class GofProfileCommand implements Runnable {
    @ParentCommand
    GofCommand gof;

    @Option(names = "--np-grid", required = true, paramLabel = "C=FROM:TO:POINTS[,C=FROM:TO:POINTS]",
            description = "The grid, e.g. C9=-2.5:1:36 or C9=-2:0:21,C10=-1:1:21.")
    String grid;

    @Option(names = "--toys", defaultValue = "" + ProfileOptions.DEFAULT_TOYS, paramLabel = "N", description = "Toys at the best fit for the critical values (default ${DEFAULT-VALUE}; 0: Wilks only).")
    int toys;

    @Override
    public void run() {
        ProfileOptions p = new ProfileOptions(GridAxis.parse(grid), gof.samples == null ? ProfileOptions.DEFAULT_SAMPLES : gof.samples, toys,
                GofPowerCommand.studyOut(gof, "profile"));
        ProfileJob.run(gof.options(), p, System.out);
    }
}
