package org.anomalia.gof;

import org.anomalia.numerics.stats.EmpiricalPValue;
import org.anomalia.numerics.stats.KolmogorovSmirnov;

/**
 * One statistic's answer: its value at the measured point, the p-value against its null distribution
 * (the test split), the null values themselves, and the calibration self-check (KS test of the
 * p-values of held-out null draws against the uniform distribution).
 */
public record StatisticResult(String name, String label, double observed, EmpiricalPValue pValue, double[] nullValues,
                              KolmogorovSmirnov.Result calibration) {
    /** Calibration fails when the held-out p-values are incompatible with uniform at the 1 % level. */
    public static final double CALIBRATION_ALPHA = 0.01;

    public boolean calibrationPassed() {
        return calibration.pValue() >= CALIBRATION_ALPHA;
    }
}
