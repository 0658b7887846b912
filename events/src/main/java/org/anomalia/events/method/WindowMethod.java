package org.anomalia.events.method;

/**
 * An anomaly method that learns from one window. {@link #fit} trains whatever the method trains
 * (flows, classifiers with k folds, autoencoders) and returns the fitted method, which scores the
 * window's own data rows (out of fold where it trained on them) and any other events. A method is
 * serializable (its settings; the idealized detector also its background sample), so a scan's window tasks can run on other machines.
 */
public interface WindowMethod extends java.io.Serializable {
    /** Short name for reports and JSON ("cathode", "cwola", ...). */
    String name();

    /** Fits on the window; the same seed gives the same fitted method, bit for bit. */
    FittedMethod fit(Window window, long seed);

    /**
     * Whether the method produces a sampled background template in the signal region (CATHODE-like),
     * so the background after a cut can be estimated by the cut's efficiency on the template.
     */
    default boolean hasBackgroundTemplate() {
        return false;
    }
}
