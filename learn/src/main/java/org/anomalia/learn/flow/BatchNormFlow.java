package org.anomalia.learn.flow;

import java.util.List;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;

/**
 * Batch normalisation as an invertible flow step (Dinh et al. 2017, used between MAF blocks):
 * y = (x − m) / √(v + ε) · exp(γ) + β, log|det| = Σ_j (γ_j − ½ log(v_j + ε)), the same for every row.
 * Training uses the batch mean and (biased) variance and updates running averages; evaluation
 * and inversion use the running averages, so there the step is a fixed affine map and the density
 * is exactly normalised. After training, {@link NormalizingFlow#calibrate} replaces the running
 * averages (which carry the noise of the last few batches, a few per cent in scale) by the
 * statistics of the whole training set.
 */
public final class BatchNormFlow implements FlowLayer {
    static final float EPS = 1e-5f;
    /** Weight of the newest batch in the running averages. */
    static final float MOMENTUM = 0.1f;

    private final String name;
    private final int features;
    private final Param logGamma;
    private final Param beta;
    private final Matrix runningMean;
    private final Matrix runningVar;
    private boolean training = true;

    public BatchNormFlow(String name, int features) {
        this.name = name;
        this.features = features;
        logGamma = new Param(name + ".logGamma", new Matrix(1, features));
        beta = new Param(name + ".beta", new Matrix(1, features));
        runningMean = new Matrix(1, features);
        runningVar = new Matrix(1, features);
        runningVar.fill(1f);
    }

    @Override
    public Step forward(Tape tape, Tensor x, Tensor context) {
        Tensor mean, var;
        if (training) {
            mean = tape.mean(x, 0);
            Tensor centred = tape.sub(x, mean);
            var = tape.addScalar(tape.mean(tape.square(centred), 0), EPS);
            for (int j = 0; j < features; j++) {
                runningMean.data[j] += MOMENTUM * (mean.value.data[j] - runningMean.data[j]);
                runningVar.data[j] += MOMENTUM * (var.value.data[j] - EPS - runningVar.data[j]);
            }
            Tensor logVar = tape.log(var);
            Tensor y = tape.add(tape.mul(centred, tape.exp(tape.sub(logGamma, tape.scale(logVar, 0.5f)))), beta);
            return new Step(y, tape.sumAll(tape.sub(logGamma, tape.scale(logVar, 0.5f))));
        }
        mean = tape.constant(runningMean);
        Matrix v = tape.alloc(1, features);
        for (int j = 0; j < features; j++) v.data[j] = (float) Math.log(runningVar.data[j] + EPS);
        Tensor logVar = tape.constant(v);
        Tensor logScale = tape.sub(logGamma, tape.scale(logVar, 0.5f));
        Tensor y = tape.add(tape.mul(tape.sub(x, mean), tape.exp(logScale)), beta);
        return new Step(y, tape.sumAll(logScale));
    }

    /**
     * Sets the evaluation statistics to the exact mean and variance of the given inputs of this
     * step (all training rows), replacing the running averages of the last batches.
     */
    void setStatistics(Matrix input) {
        int n = input.rows;
        for (int j = 0; j < features; j++) {
            double s = 0, ss = 0;
            for (int r = 0; r < n; r++) s += input.data[r * features + j];
            double mean = s / n;
            for (int r = 0; r < n; r++) {
                double v = input.data[r * features + j] - mean;
                ss += v * v;
            }
            runningMean.data[j] = (float) mean;
            runningVar.data[j] = (float) (ss / n);
        }
    }

    @Override
    public Matrix inverse(Tape tape, Matrix y, Matrix context, double[] logDet) {
        Matrix x = new Matrix(y.rows, features);
        double total = 0;
        float[] scale = new float[features];
        for (int j = 0; j < features; j++) {
            double logScale = logGamma.value.data[j] - 0.5 * Math.log(runningVar.data[j] + EPS);
            scale[j] = (float) Math.exp(-logScale);
            total -= logScale;
        }
        for (int r = 0; r < y.rows; r++) {
            for (int j = 0; j < features; j++) {
                int i = r * features + j;
                x.data[i] = (y.data[i] - beta.value.data[j]) * scale[j] + runningMean.data[j];
            }
            logDet[r] += total;
        }
        return x;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public List<Param> params() {
        return List.of(logGamma, beta);
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
