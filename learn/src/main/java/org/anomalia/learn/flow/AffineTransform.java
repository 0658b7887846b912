package org.anomalia.learn.flow;

import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/**
 * RealNVP's affine map z = x·exp(s) + t. The log-scale is soft-clamped, s = S·tanh(ŝ/S), so a
 * conditioner that overshoots early in training cannot blow the scale up. Parameters [t, ŝ].
 */
final class AffineTransform implements CouplingTransform {
    static final float MAX_LOG_SCALE = 3f;

    @Override
    public int paramsPerFeature() {
        return 2;
    }

    @Override
    public FlowLayer.Step forward(Tape tape, Tensor x, Tensor params) {
        Tensor shift = tape.sliceCols(params, 0, 1);
        Tensor s = logScale(tape, tape.sliceCols(params, 1, 2));
        return new FlowLayer.Step(tape.add(tape.mul(x, tape.exp(s)), shift), s);
    }

    private static Tensor logScale(Tape tape, Tensor raw) {
        return tape.scale(tape.tanh(tape.scale(raw, 1f / MAX_LOG_SCALE)), MAX_LOG_SCALE);
    }

    @Override
    public double[] inverse(double z, float[] p, int offset) {
        double s = MAX_LOG_SCALE * Math.tanh(p[offset + 1] / MAX_LOG_SCALE);
        return new double[] {(z - p[offset]) * Math.exp(-s), -s};
    }
}
