package org.anomalia.gof.nullmodel;

/**
 * A goodness-of-fit statistic evaluated row by row: larger values mean less compatible with the
 * null hypothesis (for example χ², −ELBO, −log p). Evaluation must be deterministic: the same row
 * gives the same value whether it is evaluated alone (the measured point) or in a batch (the null).
 */
public interface TestStatistic {
    /** Short name used in tables and JSON keys, for example "vae_elbo". */
    String name();

    /** Human-readable label for reports, for example "VAE −ELBO (K = 16)". */
    String label();

    double[] evaluate(double[][] rows);

    /**
     * True when the values estimate −log p(x) in the units of the observables (like −ELBO and IWAE),
     * so that their mean over null samples can be compared with the Gaussian model's (a check that
     * the learned model describes the null at least as well as the χ² approximation).
     */
    default boolean estimatesNegLogDensity() {
        return false;
    }
}
