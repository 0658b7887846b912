package org.anomalia.events.scan;

import java.util.List;

/**
 * One cut in one window: the score threshold, the spectrum after the cut, the masked fit's choice
 * (order, parameters, deviance, F-test p-values) and its prediction b ± σ_b for the n events in the
 * window, the local significance (null when the fit failed: then {@code warnings} says why), the
 * CATHODE-like template estimate when the method has one (null otherwise), the background-only fit of the whole
 * post-cut spectrum (the toys' truth), and the number of truth-labelled signal events in the window
 * when the data carry labels (−1 otherwise; never used by the scan).
 */
public record CutOutcome(double kept, double threshold, double[] counts, int order, double[] parameters, double deviance,
                         int degreesOfFreedom, double[] fTestP, double n, double b, double sigmaB, double z, double[] maskedExpected,
                         TemplateEstimate template, double[] backgroundOnly, double signalTruth, List<String> warnings)
        implements java.io.Serializable {
    /** The template estimate's local Z; NaN for methods without a template. */
    public double templateZ() {
        return template == null ? Double.NaN : template.z();
    }
}
