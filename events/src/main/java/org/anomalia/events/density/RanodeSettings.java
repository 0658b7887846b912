package org.anomalia.events.density;

import org.anomalia.numerics.UserException;

/**
 * How R-ANODE runs.
 *
 * @param background the sideband flow p_bg(x | m) (trained exactly as CATHODE's, then frozen)
 * @param signalLayers coupling layers of the signal-only flow p_sig(x) (rational-quadratic splines, 8 bins)
 * @param signalHidden hidden units of each layer's conditioner (two hidden layers)
 * @param learningRate Adam step size of the signal flow and of the signal fraction's logit
 * @param batchSize rows per batch
 * @param epochs training epochs of the signal flow (the epoch with the lowest validation loss is kept)
 * @param validationFraction signal-region rows held out to choose that epoch
 * @param initialFraction the signal fraction w at the start of training, in (0, 1)
 * @param progress show a progress bar
 * @param starts fits of the signal flow from different starting points (w and the flow's initial weights); the one with
 *               the lowest held-out loss is kept (a guard against a fit that settles at w → 0 away from the signal)
 */
public record RanodeSettings(FlowSettings background, int signalLayers, int signalHidden, double learningRate, int batchSize, int epochs,
        double validationFraction, double initialFraction, boolean progress, int starts) implements java.io.Serializable {
    /** Starts of the presets: the first as before the guard, then w's odds ten times larger and ten times smaller. */
    public static final int STARTS = 3;

    public RanodeSettings {
        if (signalLayers < 1 || signalHidden < 1) {
            throw new UserException("R-ANODE: the signal flow needs at least 1 layer of 1 hidden unit, got " + signalLayers + " x " + signalHidden);
        }
        if (epochs < 1) throw new UserException("R-ANODE: --signal-epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new UserException("R-ANODE: batch size must be at least 1, got " + batchSize);
        if (!(learningRate > 0)) throw new UserException("R-ANODE: learning rate must be positive, got " + learningRate);
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new UserException("R-ANODE: validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (!(initialFraction > 0 && initialFraction < 1)) {
            throw new UserException("R-ANODE: --initial-fraction must be in (0, 1), got " + initialFraction);
        }
        if (starts < 1) throw new UserException("R-ANODE: --starts must be at least 1, got " + starts);
    }

    /**
     * The CATHODE paper's sideband flow; a signal flow of 4 spline coupling layers with conditioners
     * of 2 × 64, Adam 1e-3, batch 256, 100 epochs, starting at w = 1 %. The signal flow's size is our
     * choice.
     */
    public static RanodeSettings paper() {
        return new RanodeSettings(FlowSettings.paper(), 4, 64, 1e-3, 256, 100, 0.2, 0.01, true, STARTS);
    }

    /** A quick look: the fast sideband flow, a signal flow of 3 coupling layers with conditioners of 2 × 32, 30 epochs. */
    public static RanodeSettings fast() {
        return new RanodeSettings(FlowSettings.fast(), 3, 32, 1e-3, 256, 30, 0.2, 0.01, true, STARTS);
    }

    public RanodeSettings withBackground(FlowSettings f) {
        return new RanodeSettings(f, signalLayers, signalHidden, learningRate, batchSize, epochs, validationFraction, initialFraction, progress, starts);
    }

    public RanodeSettings withSignalEpochs(int e) {
        return new RanodeSettings(background, signalLayers, signalHidden, learningRate, batchSize, e, validationFraction, initialFraction, progress, starts);
    }

    public RanodeSettings withInitialFraction(double w) {
        return new RanodeSettings(background, signalLayers, signalHidden, learningRate, batchSize, epochs, validationFraction, w, progress, starts);
    }

    public RanodeSettings withProgress(boolean p) {
        return new RanodeSettings(background.withProgress(p), signalLayers, signalHidden, learningRate, batchSize, epochs, validationFraction,
                initialFraction, p, starts);
    }

    public RanodeSettings withStarts(int n) {
        return new RanodeSettings(background, signalLayers, signalHidden, learningRate, batchSize, epochs, validationFraction, initialFraction, progress, n);
    }
}
