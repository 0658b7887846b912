package org.anomalia.gof;

import java.util.Arrays;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TrainedNullModel;

/** Wraps a null model so that several measured points of one toy share one training (same samples, same seed). */
final class TrainOnce implements NullModel {
    private final NullModel model;
    private double[][] trainedOn;
    private long trainedSeed;
    private TrainedNullModel trained;

    TrainOnce(NullModel model) {
        this.model = model;
    }

    @Override
    public synchronized TrainedNullModel train(double[][] train, double[][] validation, long seed) {
        if (trained == null || seed != trainedSeed || !Arrays.deepEquals(train, trainedOn)) {
            trained = model.train(train, validation, seed);
            trainedOn = train;
            trainedSeed = seed;
        }
        return trained;
    }
}
