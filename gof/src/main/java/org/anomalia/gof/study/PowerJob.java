package org.anomalia.gof.study;

import org.anomalia.gof.Seeds;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.flavour.sampling.PredictionSampler;
import org.anomalia.flavour.sampling.PredictionSamples;
import org.anomalia.flavour.theory.Complex;
import org.anomalia.gof.GofJob;
import org.anomalia.gof.GofOptions;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.SampleSplit;
import org.anomalia.numerics.UserException;

/**
 * {@code anomalia gof power}: trains and calibrates every method on the null theory samples (never
 * reading the measured values), then measures size and power on pseudo-experiments. Null
 * pseudo-experiments come from theory draws the methods never saw: extra flavour-engine draws for
 * the built-in case, the last {@code --pseudo} rows of the theory-sample file otherwise. The exact
 * marginal likelihood runs beside χ² and the learned models wherever the main job would run it: its
 * integration set is the main job's (further engine draws, or the rows of the file set aside by the
 * same seeded split; the pseudo-experiments are taken from the other rows).
 */
public final class PowerJob {
    static final long PSEUDO_THEORY_STREAM = 203;

    private PowerJob() {}

    public static PowerResult run(GofOptions o, PowerOptions p, PrintStream out) {
        long t0 = System.nanoTime();
        if (!o.hypothesis().isStandardModel()) {
            throw new UserException("gof --np " + o.hypothesis() + " power: the studies take the SM as H0; give the alternatives after the subcommand: gof power --np C9=-1");
        }
        boolean builtIn = o.measurement() == null && o.theorySamples() == null;
        if (!p.newPhysics().isEmpty() && !builtIn) {
            throw new UserException("--np alternatives need the built-in flavour engine; with --theory-samples use --mahalanobis (and --direction)");
        }
        GofJob.checkPaths(o, p.out());
        GofProblem problem = GofJob.loadProblem(o, out);
        double[] direction = p.direction() == null ? null : Alternatives.parseDirection(p.direction(), problem.observables());
        double[][] h0Theory;
        PredictionSampler sm = null;
        long pseudoSeed = Seeds.derive(o.seed(), PSEUDO_THEORY_STREAM);
        if (builtIn) {
            sm = sampler(o, NewPhysics.SM);
            h0Theory = draw(sm, p.pseudoExperiments(), pseudoSeed, problem.observables(), "SM");
        } else {
            // the rows left after the main job's integration split (the marginal's set stays disjoint from both parts)
            int rows = problem.sampleCount();
            if (rows - p.pseudoExperiments() < SampleSplit.MIN_ROWS) {
                throw new UserException("--theory-samples " + o.theorySamples() + ": " + rows + " rows" + (problem.hasIntegrationSamples()
                        ? " beside the " + problem.integrationSamples().length + " set aside for the marginal likelihood" : "") + ", need "
                        + p.pseudoExperiments() + " held out for --pseudo plus " + SampleSplit.MIN_ROWS + " for the methods (lower --pseudo"
                        + (problem.hasIntegrationSamples() ? " or --marginal-samples" : "") + ", or add rows)");
            }
            h0Theory = Arrays.copyOfRange(problem.theorySamples(), rows - p.pseudoExperiments(), rows);
            GofProblem rest = new GofProblem(problem.observables(), problem.measured(), problem.expCovariance(),
                    Arrays.copyOf(problem.theorySamples(), rows - p.pseudoExperiments()), problem.measurementSource(),
                    problem.theorySource() + " (last " + p.pseudoExperiments() + " rows held out for pseudo-experiments)");
            problem = problem.hasIntegrationSamples() ? rest.withIntegrationSamples(problem.integrationSamples(), problem.integrationSource()) : rest;
        }
        // the first line only once every input is checked (too few rows for --pseudo is a one-line error with nothing on stdout)
        out.println("anomalia gof power: seed " + o.seed() + ", " + p.pseudoExperiments() + " pseudo-experiments per point");
        out.printf("%d observables, %d theory samples for the methods (%s)%n", problem.dimension(), problem.sampleCount(), problem.theorySource());
        if (problem.hasIntegrationSamples()) {
            out.printf("marginal likelihood over %d integration samples: %s%n", problem.integrationSamples().length, problem.integrationSource());
        }
        CalibratedMethods methods = CalibratedMethods.calibrate(problem, NullModels.all(o, problem.expCovariance(), problem), o.seed());
        double[][] total = Alternatives.totalCovariance(problem.theorySamples(), problem.expCovariance());
        List<Alternative> alternatives = new ArrayList<>();
        for (NewPhysics np : p.newPhysics()) {
            double[][] rows = draw(sampler(o, np), p.pseudoExperiments(), pseudoSeed, problem.observables(), np.toString());
            alternatives.add(Alternatives.newPhysics(family(np), np.toString(), size(np), rows, h0Theory, total));
        }
        for (double s : p.mahalanobis()) alternatives.add(Alternatives.randomDirections(s, total, p.pseudoExperiments(), o.seed()));
        if (direction != null) {
            for (double s : p.mahalanobis()) alternatives.add(Alternatives.direction(s, direction, total, p.pseudoExperiments(), p.direction()));
        }
        PowerResult r = PowerStudy.run(methods, h0Theory, problem.expCovariance(), alternatives, o.seed(), out);
        String description = problem.dimension() + " observables, " + problem.sampleCount() + " theory samples (" + problem.theorySource()
                + "), measurement covariance of " + problem.measurementSource()
                + (problem.hasIntegrationSamples() ? "; marginal likelihood over " + problem.integrationSource() : "");
        PowerOutput.write(r, description, p.out());
        out.printf("wrote %s and %s (%.1f s)%n", p.out().resolve("report.html"), p.out().resolve(PowerOutput.JSON), (System.nanoTime() - t0) / 1e9);
        return r;
    }

    static PredictionSampler sampler(GofOptions o, NewPhysics np) {
        List<Observable> observables = o.observables().stream().map(Observable::parse).toList();
        List<Q2Bin> bins = o.bins().stream().map(Q2Bin::parse).toList();
        return new PredictionSampler(observables, bins, np, ParameterCatalog.bundled());
    }

    /** n prediction rows at this point; the same seed gives the same parameter draws at every point (paired alternatives). */
    static double[][] draw(PredictionSampler sampler, int n, long seed, List<String> observables, String what) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        PredictionSamples s = sampler.sample(n, seed, false, threads, null);
        if (!s.columns().equals(observables)) {
            throw new IllegalStateException("flavour sample columns " + s.columns() + " differ from measurement entries " + observables);
        }
        if (s.nonFiniteRows() > 0) {
            throw new UserException(s.nonFiniteRows() + " of " + n + " theory draws at " + what + " have non-finite predictions; choose another point");
        }
        return s.toRows();
    }

    /** "C9" for a single-coefficient point (its size is the real part), the whole point otherwise. */
    static String family(NewPhysics np) {
        return np.asMap().size() == 1 ? np.asMap().keySet().iterator().next() : "new physics";
    }

    static double size(NewPhysics np) {
        if (np.asMap().size() != 1) return Double.NaN;
        Complex c = np.asMap().values().iterator().next();
        return c.re;
    }
}
