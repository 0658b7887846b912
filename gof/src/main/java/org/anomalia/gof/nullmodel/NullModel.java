package org.anomalia.gof.nullmodel;

/**
 * A model of the null distribution p(x | H0) learned from smeared theory samples, yielding one or
 * more test statistics (for a VAE: −ELBO and the importance-weighted bound). The analysis does not
 * care how it is built; toys plug in exact likelihoods, the main job plugs in the VAE.
 */
public interface NullModel {
    /** Trains on the train split, monitoring the validation split; same seed gives the same model. */
    TrainedNullModel train(double[][] train, double[][] validation, long seed);

    /**
     * Whether training shares itself out to the cores (an ensemble whose members train side by side):
     * {@link CombinedNullModel} then gives it the whole machine instead of one core beside the others.
     */
    default boolean trainsOnAllCores() {
        return false;
    }
}
