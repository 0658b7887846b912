package org.anomalia.gof.nullmodel;

/** Mean training and validation loss per epoch, and the epoch whose weights were kept (−1 if none). */
public record TrainingHistory(double[] trainLoss, double[] validationLoss, int keptEpoch) {
    public static final TrainingHistory NONE = new TrainingHistory(new double[0], new double[0], -1);

    public int epochs() {
        return trainLoss.length;
    }
}
