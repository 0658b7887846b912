package org.anomalia.learn.flow;

/**
 * Connectivity of a MADE block (Germain et al. 2015) with one hidden layer pair, as used by MAF.
 *
 * <p>Feature i (0-based) has degree i+1. A hidden unit of degree k sees the features of degree ≤ k;
 * an output belonging to feature i sees hidden units of degree &lt; i+1, so output i depends only
 * on features before i: the Jacobian of the transform is triangular. Context inputs reach every
 * hidden unit.
 *
 * <p>Hidden degrees cycle through 1..d-1 (as in MAF/CATHODE and the torch reference). With
 * context present they cycle through 0..d-1 instead: degree-0 units see only the context, so the
 * first feature's transform depends on the context too (otherwise it would be a constant, and a
 * one-feature conditional flow would ignore its context altogether). The cost is unchanged.
 *
 * <p>Masks are returned as {@code [in][out]} (true = connected), matching {@code y = x·W} with W
 * stored in×out.
 */
public final class MadeMasks {
    private final int features;
    private final int context;
    private final int hidden;
    private final int[] hiddenDegrees;

    public MadeMasks(int features, int context, int hidden) {
        if (features < 1 || context < 0 || hidden < 1) {
            throw new IllegalArgumentException("MADE needs features ≥ 1, context ≥ 0, hidden ≥ 1; got "
                    + features + ", " + context + ", " + hidden);
        }
        if (context == 0 && features == 1) {
            throw new IllegalArgumentException("an unconditional MADE over 1 feature has no inputs for its outputs");
        }
        this.features = features;
        this.context = context;
        this.hidden = hidden;
        this.hiddenDegrees = new int[hidden];
        for (int k = 0; k < hidden; k++) {
            hiddenDegrees[k] = context > 0 ? k % features : k % Math.max(features - 1, 1) + 1;
        }
    }

    public int features() {
        return features;
    }

    public int context() {
        return context;
    }

    public int hidden() {
        return hidden;
    }

    /** Degree of hidden unit k. */
    public int hiddenDegree(int k) {
        return hiddenDegrees[k];
    }

    /** (features + context) × hidden: feature i → unit k when degree(k) ≥ i+1; context → every unit. */
    public boolean[][] inputToHidden() {
        boolean[][] m = new boolean[features + context][hidden];
        for (int i = 0; i < features + context; i++) {
            for (int k = 0; k < hidden; k++) m[i][k] = i >= features || hiddenDegrees[k] >= i + 1;
        }
        return m;
    }

    /** hidden × hidden: unit j → unit k when degree(k) ≥ degree(j). */
    public boolean[][] hiddenToHidden() {
        boolean[][] m = new boolean[hidden][hidden];
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < hidden; k++) m[j][k] = hiddenDegrees[k] >= hiddenDegrees[j];
        }
        return m;
    }

    /**
     * hidden × (paramsPerFeature·features): output column p·features + i (parameter p of feature i)
     * sees unit k when i+1 &gt; degree(k). Parameter-major layout, e.g. [shift₁..shift_d, logscale₁..logscale_d].
     */
    public boolean[][] hiddenToOutput(int paramsPerFeature) {
        boolean[][] m = new boolean[hidden][paramsPerFeature * features];
        for (int k = 0; k < hidden; k++) {
            for (int p = 0; p < paramsPerFeature; p++) {
                for (int i = 0; i < features; i++) m[k][p * features + i] = i + 1 > hiddenDegrees[k];
            }
        }
        return m;
    }
}
