package org.anomalia.gof;

import org.anomalia.numerics.stats.EmpiricalPValue;
import org.anomalia.numerics.stats.KolmogorovSmirnov;

/**
 * One statistic's answer: its value at the measured point, the p-value against its null distribution
 * (the test split), the null values themselves, and the calibration self-check (KS test of the
 * p-values of held-out null draws against the uniform distribution).
 */
public record StatisticResult(String name, String label, double observed, EmpiricalPValue pValue, double[] nullValues,
                              KolmogorovSmirnov.Result calibration, double meanNull, double gaussianMeanNull) {
    /** How many nats per row the learned model may describe the null worse than the Gaussian before we warn. */
    public static final double WORSE_THAN_GAUSSIAN_NATS = 0.5;

    /** Calibration fails when the held-out p-values are incompatible with uniform at the 1 % level. */
    public static final double CALIBRATION_ALPHA = 0.01;

    public boolean calibrationPassed() {
        return calibration.pValue() >= CALIBRATION_ALPHA;
    }

    /**
     * For statistics that estimate −log p: mean over the null samples minus the Gaussian model's mean
     * −log N(x; μth, Λ) on the same rows (NaN otherwise). A well-trained density model is at or below 0
     * up to its bound's slack; clearly positive means it describes the null worse than the χ² model.
     */
    public double excessOverGaussian() {
        return meanNull - gaussianMeanNull;
    }

    public boolean worseThanGaussian() {
        return excessOverGaussian() > WORSE_THAN_GAUSSIAN_NATS;
    }
}
