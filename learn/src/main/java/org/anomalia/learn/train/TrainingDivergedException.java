package org.anomalia.learn.train;

import org.anomalia.numerics.UserException;

/** Training produced a NaN or infinite loss: no result is reported; the message says what to change. */
public final class TrainingDivergedException extends UserException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
