package org.anomalia.gof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.nullmodel.GaussianBaseline;
import org.anomalia.gof.nullmodel.MarginalLikelihood;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.TrainingHistory;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.BinomialInterval;
import org.anomalia.numerics.stats.ChiSquared;
import org.anomalia.numerics.stats.EmpiricalPValue.NullDistribution;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.anomalia.numerics.stats.KolmogorovSmirnov;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.anomalia.numerics.stats.SampleMoments;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The statistical pipeline of seed 000, independent of where the samples come from:
 * <ol>
 * <li>Gaussian baseline χ² with Λ = Λth + Λexp and its asymptotic χ²(n) p-value;</li>
 * <li>smear every theory sample, x′ = x + L·w with L·Lᵀ = Λexp, w ~ N(0, 1);</li>
 * <li>Monte Carlo truth for the χ² statistic: its distribution over all smeared samples;</li>
 * <li>split train/validation/test/calibration, train the null model, and for each of its statistics
 *     take the test split as the null distribution, evaluate the measured point, and check that the
 *     calibration split's p-values are uniform;</li>
 * <li>with an integration set: the exact marginal likelihood −log p̂ (no training; null = all but the
 *     calibration split), its effective sample sizes, then the headline answer and the cross-check.</li>
 * </ol>
 */
public final class GofAnalysis {
    /** Nominal tail probabilities at which the χ²(n) approximation is checked. */
    static final double[] TAILS = {0.1, 0.01, 0.001};

    private GofAnalysis() {}

    /** @param model the learned null model, or null for the Gaussian part only */
    public static GofResult run(GofProblem problem, NullModel model, long seed, double expCovScale) {
        return run(problem, model, seed, expCovScale, new LinkedHashMap<>());
    }

    /** @param seconds timings of earlier stages (for example sampling); this run's stages and the total are added */
    public static GofResult run(GofProblem problem, NullModel model, long seed, double expCovScale, Map<String, Double> seconds) {
        return run(problem, model, seed, expCovScale, seconds, GofMethod.AUTO);
    }

    /**
     * With an integration set in the problem, the marginal likelihood runs too (before the learned
     * models' statistics in the list), and {@code method} picks the headline.
     */
    public static GofResult run(GofProblem problem, NullModel model, long seed, double expCovScale, Map<String, Double> seconds,
                                GofMethod method) {
        return run(problem, marginal -> model, seed, expCovScale, seconds, method);
    }

    /**
     * @param models the learned null models to train, chosen after the marginal likelihood's stage
     *               (its result, or null without an integration set): auto trains the flow only where
     *               the marginal is not adequate
     */
    public static GofResult run(GofProblem problem, java.util.function.Function<MarginalResult, NullModel> models, long seed,
                                double expCovScale, Map<String, Double> seconds, GofMethod method) {
        seconds = new LinkedHashMap<>(seconds);
        SampleSplit.requireEnough(problem.sampleCount());
        long t0 = System.nanoTime();
        GaussianBaseline baseline = new GaussianBaseline(problem.theorySamples(), problem.expCovariance(), problem.measured(),
                problem.measurementSource());

        double[][] smeared = smear(problem.theorySamples(), problem.expCovariance(), problem.measurementSource(),
                Seeds.derive(seed, Seeds.SMEAR));
        double[] chi2Null = baseline.statistic().evaluate(smeared);
        EmpiricalPValue chi2Mc = EmpiricalPValue.of(baseline.chi2(), chi2Null);
        double[] asymptoticP = new double[chi2Null.length];
        for (int i = 0; i < asymptoticP.length; i++) asymptoticP[i] = ChiSquared.survival(chi2Null[i], baseline.dof());
        List<TailCalibration> tails = tailCalibration(chi2Null, baseline.dof());
        seconds.put("gaussian", (System.nanoTime() - t0) / 1e9);

        List<StatisticResult> statistics = new ArrayList<>();
        TrainingHistory history = TrainingHistory.NONE;
        SampleSplit split = SampleSplit.of(smeared, Seeds.derive(seed, Seeds.SPLIT));
        MarginalResult marginal = null;
        if (problem.hasIntegrationSamples()) {
            long t3 = System.nanoTime();
            marginal = marginal(problem, split, baseline);
            statistics.add(marginal.statistic());
            seconds.put("marginal", (System.nanoTime() - t3) / 1e9);
        }
        NullModel model = models.apply(marginal);
        if (model != null) {
            long t1 = System.nanoTime();
            TrainedNullModel trained = model.train(trainingRows(problem, split, seed), split.validation(), Seeds.derive(seed, Seeds.TRAIN));
            history = trained.history();
            seconds.put("training", (System.nanoTime() - t1) / 1e9);
            long t2 = System.nanoTime();
            double gaussianMeanNull = mean(baseline.negLogDensity(split.test()));
            for (TestStatistic s : trained.statistics()) statistics.add(evaluate(s, split, problem.measured(), gaussianMeanNull));
            seconds.put("evaluation", (System.nanoTime() - t2) / 1e9);
        }
        seconds.put("total", seconds.values().stream().mapToDouble(Double::doubleValue).sum());
        Headline headline = Headline.choose(method, marginal, statistics, chi2Mc);
        CrossCheck crossCheck = CrossCheck.of(marginal, statistics, problem.trainingSampleCount() > 0);
        return new GofResult(problem.observables(), problem.measured(), problem.sampleCount(), seed, expCovScale,
                problem.measurementSource(), problem.theorySource(),
                baseline.chi2(), baseline.dof(), baseline.pAsymptotic(), baseline.zAsymptotic(),
                baseline.theoryMean(), baseline.theorySigma(), SampleMoments.sigmas(problem.expCovariance()), baseline.pulls(problem.measured()),
                chi2Mc, chi2Null, KolmogorovSmirnov.testUniform(asymptoticP), tails, statistics, history, seconds,
                marginal, headline, crossCheck);
    }

    /** The marginal likelihood over the problem's integration set: its null ({@link MarginalNull}) and the data's value. */
    static MarginalResult marginal(GofProblem problem, SampleSplit split, GaussianBaseline baseline) {
        MarginalNull mn = MarginalNull.of(problem, split);
        MarginalLikelihood ml = mn.likelihood();
        MarginalLikelihood.Evaluation dataEval = ml.evaluateWithEss(new double[][] {problem.measured()});
        double observed = MarginalNull.requireFinite(dataEval.negLogDensity(), ml)[0];
        double[] nullValues = mn.nullValues();
        StatisticResult s = new StatisticResult(ml.name(), ml.label(), observed, EmpiricalPValue.of(observed, mn.nullDistribution()), nullValues,
                mn.calibration(), mean(nullValues), mean(baseline.negLogDensity(mn.nullRows())));
        return new MarginalResult(s, dataEval.ess()[0], mn.essNull(), MarginalResult.tailMedian(nullValues, mn.essNull(), observed),
                ml.integrationSize(), problem.integrationSource(), ml.kernelPath());
    }

    /**
     * The rows the learned models train on: the split's training rows, then the problem's training-only theory
     * samples smeared from their own stream (so the other rows, the χ² and the marginal are the same with or without them).
     */
    public static double[][] trainingRows(GofProblem problem, SampleSplit split, long seed) {
        if (problem.trainingSampleCount() == 0) return split.train();
        double[][] extra = smear(problem.trainingSamples(), problem.expCovariance(), problem.measurementSource(),
                Seeds.derive(seed, Seeds.TRAINING_SMEAR));
        double[][] rows = java.util.Arrays.copyOf(split.train(), split.train().length + extra.length);
        System.arraycopy(extra, 0, rows, split.train().length, extra.length);
        return rows;
    }

    /** x′ = x + L·w for every row, with one reproducible stream of w. */
    public static double[][] smear(double[][] theory, double[][] expCovariance, String what, long seed) {
        MultivariateNormal noise = MultivariateNormal.of(new double[expCovariance.length], expCovariance,
                "experimental covariance (" + what + ")");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] out = new double[theory.length][];
        for (int i = 0; i < theory.length; i++) {
            double[] w = noise.sample(rng);
            double[] x = theory[i].clone();
            for (int j = 0; j < x.length; j++) x[j] += w[j];
            out[i] = x;
        }
        return out;
    }

    static StatisticResult evaluate(TestStatistic s, SampleSplit split, double[] measured, double gaussianMeanNull) {
        double[] nullValues = requireFinite(s.evaluate(split.test()), s);
        double observed = requireFinite(s.evaluate(new double[][] {measured}), s)[0];
        NullDistribution nullDistribution = NullDistribution.of(nullValues);
        double[] calibrationP = nullDistribution.pValues(requireFinite(s.evaluate(split.calibration()), s));
        return new StatisticResult(s.name(), s.label(), observed, EmpiricalPValue.of(observed, nullDistribution), nullValues,
                KolmogorovSmirnov.testUniform(calibrationP), s.estimatesNegLogDensity() ? mean(nullValues) : Double.NaN,
                s.estimatesNegLogDensity() ? gaussianMeanNull : Double.NaN);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double[] requireFinite(double[] values, TestStatistic s) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new UserException(s.label() + " is not finite on some rows (the model diverged), so no p-value is reported;"
                        + " retry with another --seed, fewer --epochs or a larger --beta");
            }
        }
        return values;
    }

    static List<TailCalibration> tailCalibration(double[] chi2Null, int dof) {
        List<TailCalibration> out = new ArrayList<>();
        NullDistribution d = NullDistribution.of(chi2Null);
        for (double alpha : TAILS) {
            double critical = ChiSquared.inverseSurvival(alpha, dof);
            long k = d.countAtLeast(critical);
            out.add(new TailCalibration(alpha, critical, k, d.size(), BinomialInterval.clopperPearson(k, d.size(), EmpiricalPValue.CONFIDENCE)));
        }
        return out;
    }
}
