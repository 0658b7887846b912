package org.anomalia.gof;

import org.anomalia.numerics.UserException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * With a theory-sample file the marginal likelihood's integration set comes out of the file: its rows
 * are shuffled (seeded, so a file sorted by some parameter splits evenly) and M of them are set aside
 * for the integration (default half of the rows); the rest are smeared and make the null samples and
 * the learned models' training data, as without the marginal. The two parts are disjoint.
 *
 * @param pipeline    rows for smearing, the null distributions and training
 * @param integration rows for the marginal likelihood's average
 */
public record IntegrationSplit(double[][] pipeline, double[][] integration, String description) {

    /**
     * @param m rows for the integration set, or null for half of them (at most all but
     *          {@link SampleSplit#MIN_ROWS}, and then none if the file has no more than that)
     * @return null when the default leaves no rows for the integration
     */
    public static IntegrationSplit of(double[][] rows, Integer m, long seed, String file) {
        int total = rows.length;
        int k = m == null ? Math.min(total / 2, total - SampleSplit.MIN_ROWS) : m;
        if (m == null && k < 1) return null;
        if (total - k < SampleSplit.MIN_ROWS) {
            throw new UserException(String.format("%s: %d usable rows; setting aside %d for the marginal likelihood (--marginal-samples) leaves %d for the null "
                    + "samples and training, need at least %d (lower --marginal-samples or provide more rows)", file, total, k, total - k, SampleSplit.MIN_ROWS));
        }
        int[] order = new int[total];
        for (int i = 0; i < total; i++) order[i] = i;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = total - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        double[][] integration = new double[k][], pipeline = new double[total - k][];
        for (int i = 0; i < k; i++) integration[i] = rows[order[i]];
        for (int i = k; i < total; i++) pipeline[i - k] = rows[order[i]];
        return new IntegrationSplit(pipeline, integration, k + " of the " + total + " rows of " + file + " (seeded shuffle; the other "
                + (total - k) + " make the null samples and the training data)");
    }
}
