package org.anomalia.gof.study;

import org.anomalia.gof.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.gof.nullmodel.GaussianBaseline;
import org.anomalia.gof.GofAnalysis;
import org.anomalia.gof.MarginalNull;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.SampleSplit;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.TrainingHistory;
import org.anomalia.numerics.stats.KolmogorovSmirnov;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.ChiSquared;
import org.anomalia.numerics.stats.EmpiricalPValue.NullDistribution;
import org.anomalia.numerics.stats.SampleMoments;

/**
 * Every method trained and calibrated once, without the measured point, ready to give p-values for
 * any number of points (pseudo-experiments, or the data once unblinded). It takes the same random
 * streams as {@link GofAnalysis} (smearing, split, training), so with the same seed its p-value of
 * the measured point equals the normal run's. Methods: χ² with the asymptotic χ²(n) p-value, χ² with
 * its Monte Carlo null (all smeared samples), the exact marginal likelihood where the problem has an
 * integration set ({@link MarginalNull}: null = all but the calibration split), and each statistic of
 * each null model against the test split.
 */
public final class CalibratedMethods {

    private final GaussianBaseline baseline;
    private final int dof;
    private final NullDistribution chi2Null;
    private final List<TestStatistic> statistics = new ArrayList<>();
    private final List<NullDistribution> nulls = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final double[] chi2NullValues;
    private final List<KolmogorovSmirnov.Result> calibrations = new ArrayList<>();
    private final List<TrainingHistory> histories = new ArrayList<>();
    private MarginalNull marginal;

    private CalibratedMethods(GaussianBaseline baseline, int dof, double[] chi2NullValues) {
        this.baseline = baseline;
        this.dof = dof;
        this.chi2NullValues = chi2NullValues;
        this.chi2Null = NullDistribution.of(chi2NullValues);
        labels.put(MethodPValues.CHI2_ASYMPTOTIC, "χ² (asymptotic χ²(n))");
        labels.put(MethodPValues.CHI2_MC, "χ² (Monte Carlo null)");
    }

    /** Trains and calibrates; {@code problem.measured()} is never read. */
    public static CalibratedMethods calibrate(GofProblem problem, List<NullModel> models, long seed) {
        SampleSplit.requireEnough(problem.sampleCount());
        double[][] theory = problem.theorySamples();
        // The baseline's χ² at a point needs some point: the theory mean stands in, so nothing here depends on the data.
        GaussianBaseline baseline = new GaussianBaseline(theory, problem.expCovariance(), SampleMoments.mean(theory), problem.measurementSource());
        double[][] smeared = GofAnalysis.smear(theory, problem.expCovariance(), problem.measurementSource(), Seeds.derive(seed, Seeds.SMEAR));
        CalibratedMethods c = new CalibratedMethods(baseline, baseline.dof(), baseline.statistic().evaluate(smeared));
        if (!models.isEmpty() || problem.hasIntegrationSamples()) {
            SampleSplit split = SampleSplit.of(smeared, Seeds.derive(seed, Seeds.SPLIT));
            if (problem.hasIntegrationSamples()) {
                // the main job's own construction (same split, same null rows), so its p-values are the main job's
                MarginalNull marginal = MarginalNull.of(problem, split);
                c.marginal = marginal;
                c.add(marginal.likelihood(), marginal.nullDistribution(), marginal.calibration());
            }
            for (NullModel model : models) {
                TrainedNullModel trained = model.train(GofAnalysis.trainingRows(problem, split, seed), split.validation(), Seeds.derive(seed, Seeds.TRAIN));
                c.histories.add(trained.history());
                for (TestStatistic s : trained.statistics()) {
                    NullDistribution nd = NullDistribution.of(finite(s.evaluate(split.test()), s));
                    c.add(s, nd, KolmogorovSmirnov.testUniform(nd.pValues(finite(s.evaluate(split.calibration()), s))));
                }
            }
        }
        return c;
    }

    private void add(TestStatistic s, NullDistribution nd, KolmogorovSmirnov.Result calibration) {
        if (labels.containsKey(s.name())) throw new IllegalStateException("two statistics named " + s.name());
        statistics.add(s);
        nulls.add(nd);
        calibrations.add(calibration);
        labels.put(s.name(), s.label());
    }

    /** The marginal likelihood's null and integration set, or null when the problem has no integration set. */
    public MarginalNull marginal() {
        return marginal;
    }

    /** Method key → label, in report order. */
    public Map<String, String> labels() {
        return new LinkedHashMap<>(labels);
    }

    /** χ² of every smeared sample (its Monte Carlo null), in sample order. */
    public double[] chi2NullValues() {
        return chi2NullValues.clone();
    }

    /** Statistics' names (the marginal likelihood first, then the learned ones), in order. */
    public List<String> statisticNames() {
        return statistics.stream().map(TestStatistic::name).toList();
    }

    /** Sorted null values of the k-th statistic. */
    public double[] nullValues(int k) {
        return nulls.get(k).values();
    }

    /** KS test of the calibration split's p-values against uniform, for the k-th statistic. */
    public KolmogorovSmirnov.Result calibration(int k) {
        return calibrations.get(k);
    }

    public List<TrainingHistory> histories() {
        return List.copyOf(histories);
    }

    public int dimension() {
        return dof;
    }

    /** Method key → the p-value of each point. */
    public Map<String, double[]> pValues(double[][] points) {
        Map<String, double[]> out = new LinkedHashMap<>();
        double[] chi2 = baseline.statistic().evaluate(points);
        double[] asym = new double[chi2.length];
        for (int i = 0; i < chi2.length; i++) asym[i] = ChiSquared.survival(chi2[i], dof);
        out.put(MethodPValues.CHI2_ASYMPTOTIC, asym);
        out.put(MethodPValues.CHI2_MC, chi2Null.pValues(chi2));
        for (int k = 0; k < statistics.size(); k++) {
            TestStatistic s = statistics.get(k);
            // Non-finite values (a diverged model far outside its training range) count as maximally anomalous.
            double[] v = s.evaluate(points);
            for (int i = 0; i < v.length; i++) if (!Double.isFinite(v[i])) v[i] = Double.POSITIVE_INFINITY;
            out.put(s.name(), nulls.get(k).pValues(v));
        }
        return out;
    }

    private static double[] finite(double[] values, TestStatistic s) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new UserException(s.label() + " is not finite on some null rows (the model diverged); retry with another --seed, fewer --epochs or a larger --beta");
            }
        }
        return values;
    }
}
