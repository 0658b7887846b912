package org.anomalia.cli;

import java.util.List;
import org.anomalia.gof.study.TuneJob;
import org.anomalia.gof.study.TuneOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code anomalia gof tune}: VAE settings chosen by power at correct size on artificial anomalies, without looking at the data. */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Tunes the VAE on artificial anomalies, never on the data.",
        description = {"Grid over the VAE's beta, latent size, width and epochs, each scored by its power at alpha = 0.05 on random-direction",
                "shifts (correct size and calibration required). Never evaluates the measured central values. Writes the chosen settings."})
final class GofTuneCommand implements Runnable {
    @ParentCommand
    GofCommand gof;

    @Option(names = "--beta-grid", split = ",", paramLabel = "B", description = "beta values (default 0.5,1,2).")
    List<Double> betas = TuneOptions.DEFAULT_BETAS;

    @Option(names = "--latent-grid", split = ",", paramLabel = "L", description = "latent sizes (default 4,8).")
    List<Integer> latents = TuneOptions.DEFAULT_LATENTS;

    @Option(names = "--hidden-grid", split = ",", paramLabel = "H", description = "hidden widths (default: --hidden).")
    List<Integer> hiddens;

    @Option(names = "--epochs-grid", split = ",", paramLabel = "E", description = "training epochs (default: --epochs).")
    List<Integer> epochs;

    @Option(names = "--mahalanobis", split = ",", paramLabel = "S", description = "Mahalanobis sizes of the artificial anomalies (default 3,4).")
    List<Double> mahalanobis = TuneOptions.DEFAULT_MAHALANOBIS;

    @Option(names = "--pseudo", defaultValue = "1000", paramLabel = "N", description = "Pseudo-experiments per anomaly and for the size (default ${DEFAULT-VALUE}).")
    int pseudo;

    @Override
    public void run() {
        TuneOptions t = new TuneOptions(betas, latents, hiddens == null ? List.of(gof.hidden) : hiddens, epochs == null ? List.of(gof.epochs) : epochs,
                mahalanobis, pseudo, GofPowerCommand.studyOut(gof, "tune"));
        TuneJob.run(gof.options(), t, System.out);
    }
}
