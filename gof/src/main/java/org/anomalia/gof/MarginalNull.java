package org.anomalia.gof;

import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.nullmodel.MarginalLikelihood;
import org.anomalia.learn.train.ParallelTraining;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.EmpiricalPValue.NullDistribution;
import org.anomalia.numerics.stats.KolmogorovSmirnov;

/**
 * The marginal likelihood made ready for p-values, without any measured point: −log p̂ over the
 * problem's integration set, its null distribution and the calibration check. No training, so every
 * smeared sample but the calibration split is a null point (train, validation and test: 90 % of them);
 * the calibration split's p-values must be uniform, as for the learned models. The main job
 * ({@link GofAnalysis}) and the studies (power, blind mode) take their marginal p-values from here, so
 * with the same seed they agree bit for bit.
 *
 * @param nullValues −log p̂ at the null points, in split order (train, validation, test)
 * @param essNull    effective sample size at each null point, in the same order
 */
public record MarginalNull(MarginalLikelihood likelihood, double[] nullValues, double[] essNull, NullDistribution nullDistribution,
                           KolmogorovSmirnov.Result calibration, double[][] nullRows) {

    /** @param split the main job's split of the smeared samples (same seed, same split) */
    public static MarginalNull of(GofProblem problem, SampleSplit split) {
        MarginalLikelihood ml = new MarginalLikelihood(problem.integrationSamples(), problem.expCovariance(), ParallelTraining.threads());
        double[][] nullRows = concat(split.train(), split.validation(), split.test());
        MarginalLikelihood.Evaluation nullEval = ml.evaluateWithEss(nullRows);
        double[] nullValues = requireFinite(nullEval.negLogDensity(), ml);
        NullDistribution nd = NullDistribution.of(nullValues);
        KolmogorovSmirnov.Result calibration = KolmogorovSmirnov.testUniform(nd.pValues(requireFinite(ml.evaluate(split.calibration()), ml)));
        return new MarginalNull(ml, nullValues, nullEval.ess(), nd, calibration, nullRows);
    }

    static double[] requireFinite(double[] values, MarginalLikelihood ml) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new UserException(ml.label() + " is not finite on some rows (a point far from every integration sample),"
                        + " so no p-value is reported; raise --marginal-samples or use --method vae");
            }
        }
        return values;
    }

    private static double[][] concat(double[][]... parts) {
        int n = 0;
        for (double[][] p : parts) n += p.length;
        double[][] out = new double[n][];
        int at = 0;
        for (double[][] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
