package org.anomalia.learn.model;

import org.anomalia.learn.Matrix;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;
import org.anomalia.learn.train.Trainer;

/** A {@link StandardizedModel} that learns from the rows alone (the autoencoder, the VAE): how it is fitted. */
public abstract class UnsupervisedModel<C extends StandardizedModel.Configuration> extends StandardizedModel<C> {
    UnsupervisedModel(String kind, C config, long seed) {
        super(kind, config, seed);
    }

    /** Fits the standardisation and the network on the data (rows = samples); the trainer holds out its validation rows. */
    public TrainHistory fit(Matrix data, TrainConfig tc) {
        Standardizer s = Standardizer.fitChecked(data, null, config.inputs(), kind());
        setStandardizer(s);
        return Trainer.fit(this, s.apply(data), tc);
    }

    /** As {@link #fit(Matrix, TrainConfig)} with an explicit validation set (the standardisation is fitted on train only). */
    public TrainHistory fit(Matrix train, Matrix validation, TrainConfig tc) {
        Standardizer s = Standardizer.fitChecked(train, validation, config.inputs(), kind());
        setStandardizer(s);
        return Trainer.fit(this, s.apply(train), s.apply(validation), tc);
    }
}
