package org.anomalia.gof;

/** The numbered steps of a gof run, each with its own stream from the user's seed (numerics' {@link org.anomalia.numerics.random.Seeds}). */
public final class Seeds {
    private Seeds() {}

    public static final long THEORY = 1, SMEAR = 2, SPLIT = 3, TRAIN = 4, EVALUATE = 5, MARGINAL = 6;
    /** The learned models' training-only theory draws (built-in input) and their smearing. */
    public static final long TRAINING_SAMPLES = 7, TRAINING_SMEAR = 8;

    /** The sub-seed of a numbered step. */
    public static long derive(long seed, long stream) {
        return org.anomalia.numerics.random.Seeds.derive(seed, stream);
    }

    /** The sub-seed of the index-th repetition of a named step inside one (e.g. "flow init", member m). */
    public static long derive(long seed, String step, long index) {
        return org.anomalia.numerics.random.Seeds.derive(seed, step, index);
    }
}
