package org.anomalia.learn.flow;

import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/**
 * The invertible scalar map of a coupling layer, one per transformed value, driven by parameters
 * that the conditioner computes from the untouched features.
 */
interface CouplingTransform {
    /** How many conditioner outputs each transformed feature needs. */
    int paramsPerFeature();

    /**
     * Transforms N values (N×1) with their parameters (N×P), on the tape; the step's logDet is
     * N×1 (log|dz/dx| of each value).
     */
    FlowLayer.Step forward(Tape tape, Tensor x, Tensor params);

    /** The inverse of one value given its parameters p[offset, offset+P): {x, log|dx/dz|}. */
    double[] inverse(double z, float[] p, int offset);
}
