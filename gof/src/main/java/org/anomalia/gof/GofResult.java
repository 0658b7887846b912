package org.anomalia.gof;

import java.util.List;
import java.util.Map;
import org.anomalia.gof.nullmodel.TrainingHistory;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.anomalia.numerics.stats.KolmogorovSmirnov;

/**
 * Everything one goodness-of-fit run found, in double precision: the Gaussian baseline, the Monte
 * Carlo truth for the χ² statistic, each likelihood statistic (the marginal likelihood, learned
 * models) with its calibration check, the marginal's effective sample sizes, the headline answer and
 * the cross-check of the learned models against the marginal.
 *
 * @param marginal   the marginal likelihood's result, or null when the run had no integration set
 */
public record GofResult(
        List<String> observables, double[] measured, int nSamples, long seed, double expCovScale,
        String measurementSource, String theorySource,
        double chi2, int dof, double pChi2Asymptotic, double zChi2Asymptotic,
        double[] theoryMean, double[] theorySigma, double[] expSigma, double[] pulls,
        EmpiricalPValue chi2MonteCarlo, double[] chi2Null, KolmogorovSmirnov.Result chi2AsymptoticUniformity,
        List<TailCalibration> chi2Tails,
        List<StatisticResult> statistics, TrainingHistory history, Map<String, Double> secondsPerStage,
        MarginalResult marginal, Headline headline, CrossCheck crossCheck) {

    public GofResult {
        observables = List.copyOf(observables);
        chi2Tails = List.copyOf(chi2Tails);
        statistics = List.copyOf(statistics);
        // in the order the stages ran, in every JVM (Map.copyOf's order changes between runs)
        secondsPerStage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secondsPerStage));
    }

    /** The learned statistic with this name, or null if the run had none. */
    public StatisticResult statistic(String name) {
        for (StatisticResult s : statistics) if (s.name().equals(name)) return s;
        return null;
    }

    public int nObservables() {
        return observables.size();
    }
}
