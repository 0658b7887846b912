package org.anomalia.learn.model;

import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/**
 * The per-element loss of an autoencoder's residual r = reconstruction − input (seed 001 tried
 * all four): MSE r², MAE |r|, Huber (½r² for |r| ≤ δ, δ(|r| − ½δ) beyond: quadratic near zero,
 * linear in the tails) and log-cosh log cosh r (≈ ½r² near zero, ≈ |r| − log 2 far out, smooth
 * everywhere). The training loss is its mean over rows and columns; the anomaly score of a row is
 * its mean over the columns.
 *
 * @param kind  which loss
 * @param delta Huber's δ (ignored by the others; must be positive)
 */
public record ReconstructionLoss(Kind kind, double delta) {
    public enum Kind { MSE, MAE, HUBER, LOGCOSH }

    public static final ReconstructionLoss MSE = new ReconstructionLoss(Kind.MSE, 1.0);

    public ReconstructionLoss {
        if (!(delta > 0 && Double.isFinite(delta))) throw new IllegalArgumentException("Huber delta must be positive, got " + delta);
    }

    /** The loss of one residual, in double. */
    public double value(double r) {
        double a = Math.abs(r);
        return switch (kind) {
            case MSE -> r * r;
            case MAE -> a;
            case HUBER -> a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
            // log cosh r = |r| + log(1 + e^{−2|r|}) − log 2, without overflow for large |r|.
            case LOGCOSH -> a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
        };
    }

    /** d value / d r (MAE: 0 at r = 0, the subgradient the optimiser sees). */
    public double derivative(double r) {
        return switch (kind) {
            case MSE -> 2 * r;
            case MAE -> Math.signum(r);
            case HUBER -> Math.abs(r) <= delta ? r : delta * Math.signum(r);
            case LOGCOSH -> Math.tanh(r);
        };
    }

    /** The elementwise loss of a residual tensor, recorded on the tape (MSE through the tape's square op). */
    public Tensor apply(Tape t, Tensor residual) {
        if (kind == Kind.MSE) return t.square(residual);
        Matrix x = residual.value;
        Matrix y = t.alloc(x.rows, x.cols);
        for (int i = 0; i < y.data.length; i++) y.data[i] = (float) value(x.data[i]);
        return t.record(y, g -> {
            float[] gx = residual.gradAcc().data, gy = g.data, xx = x.data;
            for (int i = 0; i < gy.length; i++) gx[i] += (float) (gy[i] * derivative(xx[i]));
        }, residual);
    }

    /** "mse", "mae", "huber", "logcosh" (as the CLI spells them). */
    public static Kind parseKind(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "")) {
            case "mse" -> Kind.MSE;
            case "mae" -> Kind.MAE;
            case "huber" -> Kind.HUBER;
            case "logcosh" -> Kind.LOGCOSH;
            default -> throw new IllegalArgumentException("unknown loss '" + s + "'; use mse, mae, huber or logcosh");
        };
    }

    public String label() {
        return kind == Kind.HUBER ? "huber(" + delta + ")" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
