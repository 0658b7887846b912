package org.anomalia.cli;

import java.util.stream.Collectors;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.measurements.BkstarMeasurement;
import picocli.CommandLine.Command;

/** {@code anomalia bsll measurements}: what is bundled, with bins and observables. */
@Command(name = "measurements", mixinStandardHelpOptions = true,
        header = "Lists the bundled measurements with their bins and observables.",
        description = "List the bundled B0->K*0mumu measurements with their bins and observables.")
final class BsllMeasurementsCommand implements Runnable {
    @Override
    public void run() {
        for (String name : BkstarMeasurement.bundledNames()) {
            BkstarMeasurement m = BkstarMeasurement.bundled(name);
            System.out.println(name + ": " + m.measurement().source() + " (" + m.measurement().size() + " values)");
            System.out.println("  observables: " + m.observables().stream().map(Observable::flavioName)
                    .collect(Collectors.joining(", ")));
            System.out.println("  q2 bins (GeV^2): " + m.bins().stream().map(Q2Bin::toString).collect(Collectors.joining(", ")));
            System.out.println("  covariance: sqrt(stat^2 + syst^2) with the published correlations in each bin,"
                    + " bins independent (flavio's Gaussian approximation)");
            if (!m.excluded().isEmpty()) {
                System.out.println("  left out: " + m.excluded().size() + " values in bins inside the charmonium region"
                        + " 8-14 GeV^2, where no prediction is made");
            }
        }
    }
}
