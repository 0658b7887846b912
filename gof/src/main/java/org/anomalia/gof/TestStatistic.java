package org.anomalia.gof;

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
}
