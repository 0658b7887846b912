package org.anomalia.events.scan;

/**
 * The background after a cut estimated from a sampled background template (CATHODE-like methods):
 * b = closure × efficiency × (the fit of the uncut spectrum outside the window, integrated over it).
 *
 * <p>The efficiency alone is right only where the method's background model is right. A classifier
 * trained against the template finds exactly where the model falls short of the data, so a model
 * that is a few per cent off (a flow that misses a sharp feature) makes the efficiency come out
 * short in every window, signal or not. The closure measures that shortfall where the data are
 * background: next to the window (one window width each side), the fraction of data that passes
 * the cut over the fraction of the model's samples at the same masses that passes it. It assumes
 * the model is as wrong inside the window as next to it; where the two sides disagree by more than
 * their binomial errors allow, half the difference is added to r's error (the model's error
 * changing with the mass across the window), and r's error goes into σ_b.
 *
 * @param threshold the cut's score threshold here: the one keeping the cut's fraction of the window's template
 *                  (its background efficiency in the window is then what the cut says), set by the samples, never by the data
 * @param n the window's data events passing it
 * @param efficiency fraction of the signal-region template passing the cut
 * @param closure the closure next to the window at the cut ({@link TemplateClosure.Ratio}: the data's and the samples'
 *                passing fractions, their ratio r pooled and per side, σ of r)
 * @param b the estimate (NaN without a pre-cut fit or a closure)
 * @param sigmaB its error: the pre-cut fit's, the efficiency's binomial error and the closure's σ
 * @param z the local significance of the window's count against b ± σ_b
 * @param signal truth-labelled signal events among the n (−1 without labels)
 */
public record TemplateEstimate(double threshold, double n, double efficiency, TemplateClosure.Ratio closure, double b, double sigmaB, double z,
                               double signal) implements java.io.Serializable {
}
