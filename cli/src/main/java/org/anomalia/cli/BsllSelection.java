package org.anomalia.cli;

import java.util.List;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.measurements.BkstarMeasurement;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Option;

/** The options shared by {@code bsll predict} and {@code bsll sample}: observables, bins, new physics, threads. */
final class BsllSelection {
    @Option(names = "--observables", split = ",", paramLabel = "NAME",
            description = "Observables, e.g. FL,P5p,dBR/dq2 (default FL,P1,P2,P3,P4p,P5p,P6p,P8p). Valid: FL, AFB, S3, S4, S5,"
                    + " S7, S8, S9, P1, P2, P3, P4p, P5p, P6p, P8p, dBR/dq2.")
    List<String> observables;

    @Option(names = "--bins", split = ",", paramLabel = "LO-HI",
            description = "q2 bins in GeV2, e.g. 1.1-2.5,4-6 or 15-19 (default 1.1-2.5,2.5-4,4-6,6-8).")
    List<String> bins;

    @Option(names = "--np", paramLabel = "C=V,...",
            description = "New-physics shifts at 4.8 GeV: C7, C9, C10, C7p, C9p, C10p, e.g. C9=-1,C10=0.3 or C9=-1+0.5i (default SM).")
    String newPhysics;

    @Option(names = "--fix", paramLabel = "NAME[=VALUE]",
            description = "Fix a parameter (flavio's name) at its central value or at VALUE: it is not drawn. Repeatable,"
                    + " e.g. --fix 'm_c BVgamma=1.7' --fix alpha_s.")
    List<String> fixes;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores; results do not depend on it).")
    Integer threads;

    List<Observable> observables() {
        return observables == null ? BkstarMeasurement.P_BASIS : observables.stream().map(Observable::parse).toList();
    }

    List<Q2Bin> bins() {
        return bins == null ? BkstarMeasurement.LOW_Q2_BINS : bins.stream().map(Q2Bin::parse).toList();
    }

    NewPhysics newPhysics() {
        return NewPhysics.parse(newPhysics);
    }

    /** flavio's default parameters with the --fix settings applied. */
    ParameterCatalog catalog() {
        ParameterCatalog c = ParameterCatalog.bundled();
        for (String f : fixes == null ? List.<String>of() : fixes) {
            int eq = f.lastIndexOf('=');
            if (eq < 0) {
                c = c.fixed(f.trim());
                continue;
            }
            String name = f.substring(0, eq).trim(), value = f.substring(eq + 1).trim();
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new UserException("--fix " + f + ": '" + value + "' is not a number");
            }
            if (!Double.isFinite(v)) throw new UserException("--fix " + f + ": the value must be finite");
            c = c.fixed(name, v);
        }
        return c;
    }

    int threads() {
        if (threads != null && threads < 1) throw new UserException("--threads must be at least 1");
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
