package org.anomalia.learn.nn;

import java.util.List;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/**
 * Batch normalisation over the rows of a batch, with learned scale γ and shift β. Training uses
 * the batch mean and (biased) variance and updates running estimates (momentum 0.1, unbiased
 * variance, as PyTorch); evaluation uses the running estimates.
 */
public final class BatchNorm implements Layer {
    private final String name;
    private final int width;
    private final float momentum;
    private final float eps;
    public final Param gamma;
    public final Param beta;
    public final Matrix runningMean;
    public final Matrix runningVar;
    private boolean training = true;

    public BatchNorm(String name, int width) {
        this(name, width, 0.1f, 1e-5f);
    }

    public BatchNorm(String name, int width, float momentum, float eps) {
        this.name = name;
        this.width = width;
        this.momentum = momentum;
        this.eps = eps;
        Matrix one = new Matrix(1, width);
        one.fill(1f);
        gamma = new Param(name + ".gamma", one);
        beta = new Param(name + ".beta", new Matrix(1, width));
        runningMean = new Matrix(1, width);
        runningVar = new Matrix(1, width);
        runningVar.fill(1f);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputs() {
        return width;
    }

    @Override
    public int outputs() {
        return width;
    }

    @Override
    public Tensor forward(Tape t, Tensor x) {
        Tensor xhat;
        if (training) {
            if (x.rows() < 2) throw new IllegalArgumentException("layer " + name + ": batch normalisation needs at least 2 rows in training");
            Tensor mean = t.mean(x, 0);
            Tensor centred = t.sub(x, mean);
            Tensor var = t.mean(t.square(centred), 0);
            xhat = t.div(centred, t.sqrt(t.addScalar(var, eps)));
            float unbias = x.rows() / (x.rows() - 1f);
            for (int c = 0; c < width; c++) {
                runningMean.data[c] += momentum * (mean.value.data[c] - runningMean.data[c]);
                runningVar.data[c] += momentum * (var.value.data[c] * unbias - runningVar.data[c]);
            }
        } else {
            Matrix shift = t.alloc(1, width), scale = t.alloc(1, width);
            for (int c = 0; c < width; c++) {
                scale.data[c] = (float) (1 / Math.sqrt(runningVar.data[c] + eps));
                shift.data[c] = -runningMean.data[c] * scale.data[c];
            }
            xhat = t.add(t.mul(x, t.constant(scale)), t.constant(shift));
        }
        return t.add(t.mul(xhat, gamma), beta);
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }

    @Override
    public List<Matrix> buffers() {
        return List.of(runningMean, runningVar);
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }
}
