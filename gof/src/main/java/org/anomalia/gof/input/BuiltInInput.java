package org.anomalia.gof.input;

import org.anomalia.numerics.io.Progress;
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

/** The built-in case: flavour-engine SM samples and the bundled LHCb 2020 B0→K*0μμ measurement. */
public final class BuiltInInput {
    private BuiltInInput() {}

    /**
     * @param n            SM samples to draw
     * @param seed         seed of the sampling stream (already derived for this step)
     * @param dropNonFinite skip samples with non-finite predictions instead of stopping
     */
    public static GofProblem problem(List<String> observableNames, List<String> binNames, int n, long seed, boolean dropNonFinite,
                                     PrintStream out) {
        return problem(observableNames, binNames, n, seed, dropNonFinite, NewPhysics.SM, out);
    }

    /** The same with theory samples drawn at a new-physics point (H = that point instead of the SM). */
    public static GofProblem problem(List<String> observableNames, List<String> binNames, int n, long seed, boolean dropNonFinite,
                                     NewPhysics hypothesis, PrintStream out) {
        String h = hypothesis.isStandardModel() ? "SM" : hypothesis.toString();
        List<Observable> observables = observableNames.stream().map(Observable::parse).toList();
        List<Q2Bin> bins = binNames.stream().map(Q2Bin::parse).toList();
        BkstarMeasurement lhcb = BkstarMeasurement.lhcb2020().select(observables, bins);
        Measurement m = lhcb.measurement();
        PredictionSampler sampler = new PredictionSampler(observables, bins, hypothesis, ParameterCatalog.bundled());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        PredictionSamples samples;
        try (Progress bar = Progress.start(h + " samples", n, " rows")) {
            samples = sampler.sample(n, seed, false, threads, bar::step);
        }
        if (!samples.columns().equals(m.observables())) {
            throw new IllegalStateException("flavour sample columns " + samples.columns() + " differ from measurement entries " + m.observables());
        }
        double[][] rows = samples.toRows();
        int bad = samples.nonFiniteRows();
        if (bad > 0) {
            if (!dropNonFinite) {
                throw new UserException(bad + " of " + n + " " + h + " samples have non-finite predictions; pass --drop-nonfinite to skip them");
            }
            rows = java.util.Arrays.stream(rows).filter(r -> java.util.Arrays.stream(r).allMatch(Double::isFinite)).toArray(double[][]::new);
            out.println("dropped " + bad + " " + h + " samples with non-finite predictions");
        }
        return new GofProblem(m.observables(), m.central(), m.covariance(), rows, "LHCb 2020 " + m.source(),
                "flavour engine " + (hypothesis.isStandardModel() ? "SM samples" : "samples at " + h) + " (flavio 2.7 parameter distributions)");
    }
}
