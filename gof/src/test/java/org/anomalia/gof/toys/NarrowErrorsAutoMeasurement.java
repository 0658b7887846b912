package org.anomalia.gof.toys;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.gof.GofAnalysis;
import org.anomalia.gof.GofJob;
import org.anomalia.gof.GofMethod;
import org.anomalia.gof.GofOptions;
import org.anomalia.gof.GofResult;
import org.anomalia.gof.IntegrationSplit;
import org.anomalia.gof.MarginalResult;
import org.anomalia.gof.Seeds;
import org.anomalia.gof.StatisticResult;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.VaeNullModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement behind the "future precision" table of the gof README (not a check: run by hand with
 * -Danomalia.measure.narrow=twelve[,banana]): a wide-error exact toy with every experimental error × 0.1
 * (narrow errors against a wide theory spread, as LHCb with --exp-cov-scale 0.1), given to the main job as a
 * 200 000-row sample file would be (half the rows integrate the marginal, the rest are smeared, split and
 * train the CLI's default VAE and flow), auto method. At points of exact p 0.3, 0.05 and 0.01: the marginal's
 * ESS and adequacy, which statistic auto takes and its p, and every learned statistic's p. The learned models
 * are trained once (the split does not depend on the measured point) and reused for the three points.
 */
@EnabledIfSystemProperty(named = "anomalia.measure.narrow", matches = ".+")
class NarrowErrorsAutoMeasurement {
    static final double[] TARGETS = {0.3, 0.05, 0.01};

    /**
     * The marginal alone on the same narrow toys at larger integration sets (-Danomalia.measure.narrow.m=M1,M2,…):
     * does more of the theory file rescue it, and does the adequacy rule then accept it? Null points: 10 000
     * fresh smeared draws, as in {@link MarginalToysTest}.
     */
    @Test
    void marginalAtLargerIntegrationSets() {
        String ms = System.getProperty("anomalia.measure.narrow.m");
        org.junit.jupiter.api.Assumptions.assumeTrue(ms != null, "set -Danomalia.measure.narrow.m=M1,M2");
        double scale = Double.parseDouble(System.getProperty("anomalia.measure.scale", "0.1"));
        for (String which : System.getProperty("anomalia.measure.narrow").split(",")) {
            ExactToy toy = (which.strip().equals("banana") ? ExactToys.banana() : ExactToys.twelveObservables()).withErrorsScaled(scale);
            ExactToy.ExactNull exact = toy.exactNull(40_000, 4242);
            for (String mText : ms.split(",")) {
                int m = Integer.parseInt(mText.strip());
                long t0 = System.nanoTime();
                org.anomalia.gof.nullmodel.MarginalLikelihood ml = new org.anomalia.gof.nullmodel.MarginalLikelihood(toy.draw(m, 555), toy.expCovariance(), 2);
                org.anomalia.gof.nullmodel.MarginalLikelihood.Evaluation nulls = ml.evaluateWithEss(toy.drawSmeared(10_000, 31));
                org.anomalia.numerics.stats.EmpiricalPValue.NullDistribution nd = org.anomalia.numerics.stats.EmpiricalPValue.NullDistribution.of(nulls.negLogDensity());
                StringBuilder line = new StringBuilder(String.format("%s, marginal alone, M = %d:", toy.name(), m));
                for (double target : TARGETS) {
                    double[] x = exact.pointWithP(target, toy.centre(), toy.sigma());
                    double pExact = exact.p(x);
                    org.anomalia.gof.nullmodel.MarginalLikelihood.Evaluation at = ml.evaluateWithEss(new double[][] {x});
                    double observed = at.negLogDensity()[0], p = org.anomalia.numerics.stats.EmpiricalPValue.of(observed, nd).p();
                    double tail = MarginalResult.tailMedian(nulls.negLogDensity(), nulls.ess(), observed);
                    boolean ok = at.ess()[0] >= MarginalResult.MIN_ESS_DATA && tail >= MarginalResult.MIN_ESS_TAIL_MEDIAN;
                    line.append(String.format(" exact %.4f → %.4f (%+.0f%%; ESS %.0f / tail %.1f%s) |", pExact, p, 100 * (p - pExact) / pExact, at.ess()[0], tail,
                            ok ? ", adequate" : ", too small"));
                }
                System.out.println(line.append(String.format(" %.0f s", (System.nanoTime() - t0) / 1e9)));
            }
        }
    }

    @Test
    void measure() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("anomalia.measure.narrow.m") == null, "marginal only");
        double scale = Double.parseDouble(System.getProperty("anomalia.measure.scale", "0.1"));
        int rows = Integer.getInteger("anomalia.measure.rows", 200_000);
        long seed = Long.getLong("anomalia.measure.seed", 1);
        for (String which : System.getProperty("anomalia.measure.narrow").split(",")) {
            ExactToy wide = switch (which.strip()) {
                case "banana" -> ExactToys.banana();
                case "twelve" -> ExactToys.twelveObservables();
                default -> throw new IllegalArgumentException("toy " + which + ": banana or twelve");
            };
            ExactToy toy = wide.withErrorsScaled(scale);
            long t0 = System.nanoTime();
            ExactToy.ExactNull exact = toy.exactNull(40_000, 4242);
            double[][] points = new double[TARGETS.length][];
            for (int t = 0; t < TARGETS.length; t++) points[t] = exact.pointWithP(TARGETS[t], toy.centre(), toy.sigma());
            System.out.printf("%s: exact null from %d draws (%.0f s)%n", toy, exact.size(), (System.nanoTime() - t0) / 1e9);
            IntegrationSplit split = IntegrationSplit.of(toy.draw(rows, 7), null, Seeds.derive(seed, Seeds.MARGINAL), "toy file");
            GofOptions o = new GofOptions(null, 1.0, 8, 64, 40, 16, seed, 1.0, GofOptions.DEFAULT_OBSERVABLES, GofOptions.DEFAULT_BINS,
                    Path.of("m.json"), Path.of("s.csv"), Path.of("unused"), false, VaeNullModel.LEARNING_RATE, VaeNullModel.CLIP_NORM,
                    NewPhysics.SM, GofMethod.AUTO, null);
            NullModel[] once = new NullModel[1];
            TrainedNullModel[] trained = new TrainedNullModel[1];
            for (int t = 0; t < TARGETS.length; t++) {
                GofProblem problem = new GofProblem(toy.observables(), points[t], toy.expCovariance(), split.pipeline(), "toy point", toy.name())
                        .withIntegrationSamples(split.integration(), split.description());
                if (once[0] == null) {
                    NullModel real = GofJob.learnedModels(o, problem, System.out, true);
                    once[0] = (train, validation, s) -> {
                        if (trained[0] == null) trained[0] = real.train(train, validation, s);
                        return trained[0];
                    };
                }
                GofResult r = GofAnalysis.run(problem, m -> once[0], seed, scale, new LinkedHashMap<>(), GofMethod.AUTO);
                double pExact = exact.p(points[t]);
                MarginalResult m = r.marginal();
                StringBuilder line = new StringBuilder(String.format("%s | exact %.4f ± %.4f | marginal ESS data %.1f, tail median %.1f, %s |",
                        toy.name(), pExact, exact.standardError(pExact), m.essData(), m.essTailMedian(), m.adequate() ? "adequate" : "TOO SMALL"));
                for (StatisticResult s : r.statistics()) {
                    double p = s.pValue().p();
                    line.append(String.format(" %s %.4f (%+.0f%%, held-out mean −log p %.3f) |", s.name(), p, 100 * (p - pExact) / pExact, s.meanNull()));
                }
                line.append(String.format(" auto → %s p %.4f (%+.0f%%) | seconds %s", r.headline().method(), r.headline().p(),
                        100 * (r.headline().p() - pExact) / pExact, r.secondsPerStage()));
                System.out.println(line);
                System.out.println("  reason: " + r.headline().reason());
            }
            System.out.println("  training notes: " + (trained[0] == null ? "-" : trained[0].notes()) + "; total " + Arrays.toString(new double[] {(System.nanoTime() - t0) / 1e9}) + " s");
        }
    }
}
