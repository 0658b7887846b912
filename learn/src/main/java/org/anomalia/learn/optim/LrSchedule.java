package org.anomalia.learn.optim;

/**
 * The learning rate for each epoch. {@link #lr} is called at the start of every epoch (epochs
 * count from 0) with the validation loss of the previous epoch (NaN before the first).
 */
public interface LrSchedule {
    double lr(int epoch, double baseLr, double previousValLoss);

    /** The base rate throughout. */
    static LrSchedule constant() {
        return (epoch, base, loss) -> base;
    }

    /** Multiplies the rate by gamma every stepEpochs epochs. */
    static LrSchedule step(int stepEpochs, double gamma) {
        if (stepEpochs <= 0) throw new IllegalArgumentException("step schedule: step must be positive, got " + stepEpochs);
        return (epoch, base, loss) -> base * Math.pow(gamma, epoch / stepEpochs);
    }

    /** Cosine annealing from the base rate down to minLr over totalEpochs. */
    static LrSchedule cosine(int totalEpochs, double minLr) {
        if (totalEpochs <= 0) throw new IllegalArgumentException("cosine schedule: epochs must be positive, got " + totalEpochs);
        return (epoch, base, loss) -> minLr + 0.5 * (base - minLr) * (1 + Math.cos(Math.PI * Math.min(epoch, totalEpochs) / totalEpochs));
    }

    /** Multiplies the rate by factor whenever the validation loss has not improved for patience epochs. */
    static LrSchedule reduceOnPlateau(double factor, int patience, double minLr) {
        return new ReduceOnPlateau(factor, patience, minLr);
    }

    /** Stateful: remembers the best loss and the current rate. */
    final class ReduceOnPlateau implements LrSchedule {
        private final double factor;
        private final int patience;
        private final double minLr;
        private double best = Double.POSITIVE_INFINITY;
        private int bad;
        private double current = Double.NaN;

        ReduceOnPlateau(double factor, int patience, double minLr) {
            if (!(factor > 0 && factor < 1)) throw new IllegalArgumentException("reduce-on-plateau factor must be in (0, 1), got " + factor);
            this.factor = factor;
            this.patience = patience;
            this.minLr = minLr;
        }

        @Override
        public double lr(int epoch, double baseLr, double previousValLoss) {
            if (Double.isNaN(current)) current = baseLr;
            if (!Double.isNaN(previousValLoss)) {
                if (previousValLoss < best) {
                    best = previousValLoss;
                    bad = 0;
                } else if (++bad > patience) {
                    current = Math.max(minLr, current * factor);
                    bad = 0;
                }
            }
            return current;
        }
    }
}
