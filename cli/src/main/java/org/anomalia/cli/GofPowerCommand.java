package org.anomalia.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.gof.GofJob;
import org.anomalia.gof.study.PowerJob;
import org.anomalia.gof.study.PowerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code anomalia gof power}: size and power of every method on artificial anomalies. */
@Command(name = "power", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Size and power of each method on artificial anomalies.",
        description = {"Size and power of every goodness-of-fit method on pseudo-experiments smeared with the experimental covariance:",
                "new-physics points (built-in input) and shifts of given Mahalanobis size along random or given directions.",
                "Never reads the measured central values. Takes every option of 'gof' for input and null models."})
final class GofPowerCommand implements Runnable {
    @ParentCommand
    GofCommand gof;

    @Option(names = "--np", paramLabel = "C=V[,C=V]", description = "A new-physics alternative (repeatable), e.g. --np C9=-0.5 --np C9=-1.")
    List<String> np = new ArrayList<>();

    @Option(names = "--mahalanobis", split = ",", paramLabel = "S",
            description = "Mahalanobis sizes of the shifts in Lambda_th + Lambda_exp (default 1,2,3,4,5,6).")
    List<Double> mahalanobis = PowerOptions.DEFAULT_MAHALANOBIS;

    @Option(names = "--direction", paramLabel = "OBS=W,...",
            description = "Also shift along this direction (observable names as in the samples, e.g. P5p_4_6=1,P5p_6_8=1).")
    String direction;

    @Option(names = "--pseudo", defaultValue = "" + PowerOptions.DEFAULT_PSEUDO, paramLabel = "N", description = "Pseudo-experiments per point (default ${DEFAULT-VALUE}).")
    int pseudo;

    /** Where a study writes: the --out given to gof, or anomalia-out/gof-NAME by default (not over the main job's output). */
    static Path studyOut(GofCommand gof, String name) {
        return gof.out.equals(GofJob.DEFAULT_OUT) ? Path.of("anomalia-out", "gof-" + name) : gof.out;
    }

    @Override
    public void run() {
        PowerOptions p = new PowerOptions(PowerOptions.parseNewPhysics(np), mahalanobis, direction, pseudo, studyOut(gof, "power"));
        PowerJob.run(gof.options(), p, System.out);
    }
}
