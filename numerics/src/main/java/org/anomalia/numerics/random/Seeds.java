package org.anomalia.numerics.random;

import java.nio.charset.StandardCharsets;

/**
 * Sub-seeds for each random step of a run, derived from the user's one seed: {@code derive(seed,
 * "cathode sampling", run)}. SplitMix64's finalizer makes nearby seeds, steps and indices give
 * unrelated streams (ad-hoc {@code seed + 1} made run 2's first step replay run 1's second). Pure
 * functions: the same seed gives the same sub-seeds on every machine.
 */
public final class Seeds {
    private Seeds() {}

    /** The sub-seed of a numbered stream (gof numbers its steps THEORY, SMEAR, …). */
    public static long derive(long seed, long stream) {
        return finish(seed + GOLDEN * (stream + 1));
    }

    /** The sub-seed of a named step, e.g. {@code derive(seed, "pure background")}. */
    public static long derive(long seed, String step) {
        return derive(seed, name(step));
    }

    /** The sub-seed of the index-th repetition of a named step (fold, run, window, toy, ensemble member). */
    public static long derive(long seed, String step, long index) {
        return derive(derive(seed, step), index);
    }

    /**
     * {@code words} words of generator state (for Commons RNG's multi-word generators), the SplitMix64
     * sequence started from a mix of (seed, stream).
     */
    public static long[] state(long seed, long stream, int words) {
        long s = seed * GOLDEN + stream * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L;
        long[] out = new long[words];
        for (int i = 0; i < words; i++) {
            s += GOLDEN;
            out[i] = finish(s);
        }
        return out;
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a of the name's UTF-8 bytes: a stable number per step name. */
    private static long name(String step) {
        long h = 0xCBF29CE484222325L;
        for (byte b : step.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }
}
