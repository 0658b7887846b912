package org.anomalia.learn.optim;

import java.util.List;
import org.anomalia.learn.AdamUpdate;
import org.anomalia.learn.Kernels;
import org.anomalia.learn.autodiff.Param;

/**
 * Adam (Kingma and Ba) with optional weight decay: either L2 added to the gradient (Adam with
 * weight_decay in PyTorch) or decoupled from it (AdamW, Loshchilov and Hutter).
 */
public final class Adam {
    private final List<Param> params;
    private final float[][] m;
    private final float[][] v;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private double lr;
    private long steps;

    public Adam(List<Param> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        this.params = List.copyOf(params);
        this.m = new float[this.params.size()][];
        this.v = new float[this.params.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new float[this.params.get(i).value.size()];
            v[i] = new float[m[i].length];
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    /** Adam with PyTorch's defaults (β = 0.9, 0.999; ε = 1e-8). */
    public static Adam adam(List<Param> params, double lr) {
        return new Adam(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /** AdamW with decoupled weight decay. */
    public static Adam adamW(List<Param> params, double lr, double weightDecay) {
        return new Adam(params, lr, 0.9, 0.999, 1e-8, weightDecay, true);
    }

    public double learningRate() {
        return lr;
    }

    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    public List<Param> params() {
        return params;
    }

    /** Clears every parameter gradient. */
    public void zeroGrad() {
        for (Param p : params) p.zeroGrad();
    }

    /** One update from the accumulated gradients. */
    public void step() {
        steps++;
        double bc1 = 1 - Math.pow(beta1, steps), bc2 = 1 - Math.pow(beta2, steps);
        AdamUpdate u = new AdamUpdate((float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
                decoupled ? 0f : (float) weightDecay, decoupled ? (float) (1 - lr * weightDecay) : 1f,
                (float) (lr / bc1), (float) Math.sqrt(bc2), (float) eps);
        for (int i = 0; i < m.length; i++) {
            Param p = params.get(i);
            Kernels.adam(p.value.data, p.grad().data, m[i], v[i], m[i].length, u);
        }
    }
}
