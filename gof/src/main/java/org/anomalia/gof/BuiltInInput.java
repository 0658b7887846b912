package org.anomalia.gof;

import java.io.PrintStream;
import java.util.List;
import org.anomalia.data.measurement.Measurement;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.measurements.BkstarMeasurement;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.flavour.sampling.PredictionSampler;
import org.anomalia.flavour.sampling.PredictionSamples;
import org.anomalia.numerics.UserException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The built-in case: flavour-engine SM samples and the bundled LHCb 2020 B0→K*0μμ measurement. */
final class BuiltInInput {
    private BuiltInInput() {}

    static GofProblem problem(GofOptions o, PrintStream out) {
        List<Observable> observables = o.observables().stream().map(Observable::parse).toList();
        List<Q2Bin> bins = o.bins().stream().map(Q2Bin::parse).toList();
        BkstarMeasurement lhcb = BkstarMeasurement.lhcb2020().select(observables, bins);
        Measurement m = lhcb.measurement();
        int n = o.samples() == null ? GofOptions.DEFAULT_SAMPLES : o.samples();
        PredictionSampler sampler = new PredictionSampler(observables, bins, NewPhysics.SM, ParameterCatalog.bundled());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        PredictionSamples samples;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("SM samples").setInitialMax(n)
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" rows", 1).continuousUpdate().build()) {
            samples = sampler.sample(n, Seeds.derive(o.seed(), Seeds.THEORY), false, threads, bar::stepBy);
        }
        if (!samples.columns().equals(m.observables())) {
            throw new IllegalStateException("flavour sample columns " + samples.columns() + " differ from measurement entries " + m.observables());
        }
        double[][] rows = samples.toRows();
        int bad = samples.nonFiniteRows();
        if (bad > 0) {
            if (!o.dropNonFinite()) {
                throw new UserException(bad + " of " + n + " SM samples have non-finite predictions; pass --drop-nonfinite to skip them");
            }
            rows = java.util.Arrays.stream(rows).filter(r -> java.util.Arrays.stream(r).allMatch(Double::isFinite)).toArray(double[][]::new);
            out.println("dropped " + bad + " SM samples with non-finite predictions");
        }
        return new GofProblem(m.observables(), m.central(), m.covariance(), rows, "LHCb 2020 " + m.source(),
                "flavour engine SM samples (flavio 2.7 parameter distributions)");
    }
}
