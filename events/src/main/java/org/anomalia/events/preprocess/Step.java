package org.anomalia.events.preprocess;

/**
 * One fitted, invertible preprocessing step acting on each column separately. Both directions
 * transform rows in place and add the log of the absolute Jacobian determinant of the map just
 * applied to each row's entry in {@code logAbsDet}, so that densities can be carried through:
 * log p_x(x) = log p_y(f(x)) + log|det ∂f/∂x|.
 */
public interface Step {
    /** Short name used when saving ("minmax", "logit", "standardize"). */
    String kind();

    void forward(double[][] rows, double[] logAbsDet);

    void inverse(double[][] rows, double[] logAbsDet);

    /** The fitted parameters, for saving with a model: a record, written as a JSON object of its components in their order. */
    Record parameters();
}
