package org.anomalia.gof;

/** Independent, reproducible sub-seeds for each random step of a run, derived from the user's one seed. */
public final class Seeds {
    private Seeds() {}

    public static final long THEORY = 1, SMEAR = 2, SPLIT = 3, TRAIN = 4, EVALUATE = 5;

    /** SplitMix64 finalizer of (seed, stream): nearby seeds give unrelated streams. */
    public static long derive(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
