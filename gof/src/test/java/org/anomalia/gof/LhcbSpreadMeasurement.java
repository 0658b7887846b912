package org.anomalia.gof;

import java.io.PrintStream;
import java.util.Arrays;
import org.anomalia.gof.input.BuiltInInput;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.toys.LearnedToysMeasurement;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement behind the gof README's "LHCb built-in case: the learned models' seed-to-seed spread"
 * (not a check: run by hand with -Danomalia.spread=CONFIGS, e.g. vae:40:16 or maf:5:96:60:4). It splits the
 * spread of a learned model's p over seeds 1–5 into its parts:
 * <ul>
 *   <li>{@code -Danomalia.spread.vary=rows}: the theory rows change with the seed, the training seed stays;</li>
 *   <li>{@code train}: the rows stay, the training seed (initialisation, batch order, evaluation draws) changes;</li>
 *   <li>{@code both}: as the main job's --seed does.</li>
 * </ul>
 * Every model's p is taken against a common null of fresh smeared draws (default 20 000: binomial sd 0.002 at
 * p = 0.1), so the null sample's own binomial noise is not part of it, and against the model's own 2 000-row
 * test split as in the main job. The evaluation noise of a random statistic (the VAE's K draws) is measured
 * at the data point by evaluating it 200 times (each replicate gets its own draws).
 */
@EnabledIfSystemProperty(named = "anomalia.spread", matches = ".+")
class LhcbSpreadMeasurement {
    @Test
    void measure() {
        String[] configs = System.getProperty("anomalia.spread").split(",");
        String vary = System.getProperty("anomalia.spread.vary", "both");
        int samples = Integer.getInteger("anomalia.spread.samples", GofOptions.DEFAULT_SAMPLES);
        int extraTrain = Integer.getInteger("anomalia.spread.extra", 0);
        int commonNull = Integer.getInteger("anomalia.spread.null", 20_000);
        long[] seeds = Arrays.stream(System.getProperty("anomalia.spread.seeds", "1,2,3,4,5").split(",")).mapToLong(Long::parseLong).toArray();
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        GofProblem nullProblem = BuiltInInput.problem(GofOptions.DEFAULT_OBSERVABLES, GofOptions.DEFAULT_BINS, commonNull, 987_654, false, quiet);
        double[][] nullRows = GofAnalysis.smear(nullProblem.theorySamples(), nullProblem.expCovariance(), "null", 876_543);
        double[] data = nullProblem.measured();
        double[][] replicates = new double[200][];
        Arrays.fill(replicates, data);
        for (String config : configs) {
            double[] pCommon = new double[seeds.length], pOwn = new double[seeds.length];
            for (int si = 0; si < seeds.length; si++) {
                long rowSeed = vary.equals("train") ? 1 : seeds[si], trainSeed = vary.equals("rows") ? 1 : seeds[si];
                GofProblem problem = BuiltInInput.problem(GofOptions.DEFAULT_OBSERVABLES, GofOptions.DEFAULT_BINS, samples + extraTrain,
                        Seeds.derive(rowSeed, Seeds.THEORY), false, quiet);
                double[][] smeared = GofAnalysis.smear(problem.theorySamples(), problem.expCovariance(), "theory", Seeds.derive(rowSeed, Seeds.SMEAR));
                SampleSplit split = SampleSplit.of(Arrays.copyOf(smeared, samples), Seeds.derive(rowSeed, Seeds.SPLIT));
                double[][] train = split.train();
                if (extraTrain > 0) {
                    // the extra rows only train: the null (test split) keeps the main job's size
                    train = Arrays.copyOf(train, train.length + extraTrain);
                    System.arraycopy(smeared, samples, train, split.train().length, extraTrain);
                }
                NullModel model = LearnedToysMeasurement.model(config.strip(), problem.expCovariance());
                double cpu0 = LearnedToysMeasurement.cpu();
                long wall0 = System.nanoTime();
                TrainedNullModel trained = model.train(train, split.validation(), Seeds.derive(trainSeed, Seeds.TRAIN));
                double cpuTrain = LearnedToysMeasurement.cpu() - cpu0, wallTrain = (System.nanoTime() - wall0) / 1e9;
                for (TestStatistic s : trained.statistics()) {
                    long e0 = System.nanoTime();
                    double[] atNull = s.evaluate(nullRows);
                    double[] atOwn = s.evaluate(split.test());
                    double[] atData = s.evaluate(replicates);
                    double evalWall = (System.nanoTime() - e0) / 1e9;
                    EmpiricalPValue.NullDistribution common = EmpiricalPValue.NullDistribution.of(atNull);
                    double q = s.evaluate(new double[][] {data})[0];
                    double pc = EmpiricalPValue.of(q, common).p(), po = EmpiricalPValue.of(q, EmpiricalPValue.NullDistribution.of(atOwn)).p();
                    double[] pRep = new double[atData.length];
                    for (int i = 0; i < atData.length; i++) pRep[i] = EmpiricalPValue.of(atData[i], common).p();
                    if (s.name().equals("vae_iwae") || s.name().equals("flow")) {
                        pCommon[si] = pc;
                        pOwn[si] = po;
                    }
                    System.out.printf("spread | %s %s | vary %s seed %d | train %d rows, best epoch %d, cpu %.0f s, wall %.0f s, eval wall %.1f s | q_data %.3f,"
                                    + " over 200 evaluations %.3f ± %.3f → p %.4f ± %.4f | p common null %.4f, own test split %.4f | load %.1f%n",
                            config, s.name(), vary, seeds[si], train.length, trained.history().keptEpoch(), cpuTrain, wallTrain, evalWall, q, mean(atData), sd(atData),
                            mean(pRep), sd(pRep), pc, po, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
            }
            System.out.printf("spread summary | %s | vary %s, extra %d | p common null %.4f ± %.4f %s | own test split %.4f ± %.4f %s%n", config, vary,
                    extraTrain, mean(pCommon), sd(pCommon), Arrays.toString(pCommon), mean(pOwn), sd(pOwn), Arrays.toString(pOwn));
        }
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double sd(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / Math.max(1, v.length - 1));
    }
}
