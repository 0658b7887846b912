package org.anomalia.cli;

import java.util.List;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.measurements.BkstarMeasurement;
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

    int threads() {
        if (threads != null && threads < 1) throw new org.anomalia.numerics.UserException("--threads must be at least 1");
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
