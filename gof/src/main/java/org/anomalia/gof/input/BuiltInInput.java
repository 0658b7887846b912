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
        return problem(observableNames, binNames, n, seed, dropNonFinite, hypothesis, 0, 0, out);
    }

    /**
     * The same plus an integration set for the marginal likelihood: {@code integration} further draws
     * from their own stream (seed {@code integrationSeed}), so they are disjoint from (independent of)
     * the n samples that make the null distributions.
     *
     * @param integration draws for the integration set (0: none)
     */
    public static GofProblem problem(List<String> observableNames, List<String> binNames, int n, long seed, boolean dropNonFinite,
                                     NewPhysics hypothesis, int integration, long integrationSeed, PrintStream out) {
        return problem(observableNames, binNames, n, seed, dropNonFinite, hypothesis, integration, integrationSeed, 0, 0, out);
    }

    /**
     * The same plus {@code training} further draws from their own stream (seed {@code trainingSeed}) that only train
     * the learned null models: the engine makes them cheaply, and more rows steady the learned densities without
     * touching the null samples, the χ² or the marginal likelihood.
     *
     * @param training training-only draws (0: none)
     */
    public static GofProblem problem(List<String> observableNames, List<String> binNames, int n, long seed, boolean dropNonFinite,
                                     NewPhysics hypothesis, int integration, long integrationSeed, int training, long trainingSeed,
                                     PrintStream out) {
        String h = hypothesis.isStandardModel() ? "SM" : hypothesis.toString();
        List<Observable> observables = observableNames.stream().map(Observable::parse).toList();
        List<Q2Bin> bins = binNames.stream().map(Q2Bin::parse).toList();
        BkstarMeasurement lhcb = BkstarMeasurement.lhcb2020().select(observables, bins);
        Measurement m = lhcb.measurement();
        PredictionSampler sampler = new PredictionSampler(observables, bins, hypothesis, ParameterCatalog.bundled());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        double[][] rows = draw(sampler, m, h, n, seed, dropNonFinite, threads, h + " samples", out);
        String source = "flavour engine " + (hypothesis.isStandardModel() ? "SM samples" : "samples at " + h) + " (flavio 2.7 parameter distributions)";
        GofProblem problem = new GofProblem(m.observables(), m.central(), m.covariance(), rows, "LHCb 2020 " + m.source(), source);
        if (training > 0) {
            problem = problem.withTrainingSamples(draw(sampler, m, h, training, trainingSeed, dropNonFinite, threads, h + " training samples", out));
        }
        if (integration <= 0) return problem;
        double[][] extra = draw(sampler, m, h, integration, integrationSeed, dropNonFinite, threads, h + " integration samples", out);
        return problem.withIntegrationSamples(extra, extra.length + " further " + source + " from their own random stream");
    }

    private static double[][] draw(PredictionSampler sampler, Measurement m, String h, int n, long seed, boolean dropNonFinite, int threads,
                                   String task, PrintStream out) {
        PredictionSamples samples;
        try (Progress bar = Progress.start(task, n, " rows")) {
            samples = sampler.sample(n, seed, false, threads, bar::step);
        }
        if (!samples.columns().equals(m.observables())) {
            throw new IllegalStateException("flavour sample columns " + samples.columns() + " differ from measurement entries " + m.observables());
        }
        double[][] rows = samples.toRows();
        int bad = samples.nonFiniteRows();
        if (bad > 0) {
            if (!dropNonFinite) {
                throw new UserException(bad + " of " + n + " " + task + " have non-finite predictions; pass --drop-nonfinite to skip them");
            }
            rows = java.util.Arrays.stream(rows).filter(r -> java.util.Arrays.stream(r).allMatch(Double::isFinite)).toArray(double[][]::new);
            out.println("dropped " + bad + " " + task + " with non-finite predictions");
        }
        return rows;
    }
}
