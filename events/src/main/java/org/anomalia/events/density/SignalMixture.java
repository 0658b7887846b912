package org.anomalia.events.density;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.autodiff.Param;
import org.anomalia.learn.autodiff.Tape;
import org.anomalia.learn.autodiff.Tensor;
import org.anomalia.learn.flow.NormalizingFlow;
import org.anomalia.learn.train.Trainable;

/**
 * R-ANODE's likelihood as a trainable model: a signal-only flow p_sig(y) and a signal fraction
 * w = sigmoid(K θ) ∈ (0, 1), with loss −mean log(w p_sig(y) + (1 − w) p_bg(y)) + λ w. The background
 * density is frozen: each batch row carries it as a constant, [y | log p_bg(y)], already in the
 * signal flow's units y. Only the flow's weights and θ are trained.
 */
final class SignalMixture implements Trainable {
    /**
     * Adam moves each parameter by about one learning rate per step; the logit of w must travel
     * several units (w from 1 % to 0.1 % is 2.3 units, to 10 % 2.4), so θ is scaled to make that
     * take about a hundred steps at learning rate 1e-3, not thousands.
     */
    static final float LOGIT_SCALE = 30f;

    /**
     * The likelihood alone does not fix w: a signal flow p_sig = a q + (1 − a) p_bg with w/a in place
     * of w gives the same mixture for every a, and a flow that starts near the background's shape
     * drifts along that valley (on a toy with an exact flat background, w went from the true 0.050 to
     * 0.074–0.097 in 30 epochs, and stayed at 1.4 % on background alone). A penalty λ w per event
     * picks the smallest w in the valley, where p_sig holds no background. Near the optimum it moves
     * w by λ w (1 − w) / (w I(w)) with I the Fisher information per event, about λ w, i.e. −5 %
     * relative, for a signal well separated from the background (more where they overlap).
     */
    static final float FRACTION_PENALTY = 0.05f;

    private final NormalizingFlow signal;
    private final Param theta;
    private final int features;

    SignalMixture(NormalizingFlow signal, double initialFraction) {
        this.signal = signal;
        this.features = signal.config().features();
        Matrix t = new Matrix(1, 1);
        t.data[0] = (float) (Math.log(initialFraction / (1 - initialFraction)) / LOGIT_SCALE);
        this.theta = new Param("signal.fraction.logit", t);
    }

    NormalizingFlow signal() {
        return signal;
    }

    /** The signal fraction w at the current parameters. */
    double fraction() {
        return 1 / (1 + Math.exp(-LOGIT_SCALE * (double) theta.value.data[0]));
    }

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>(signal.params());
        p.add(theta);
        return p;
    }

    @Override
    public List<Matrix> buffers() {
        return signal.buffers();
    }

    @Override
    public void setTraining(boolean training) {
        signal.setTraining(training);
    }

    @Override
    public Tensor loss(Tape tape, Matrix batch, SplittableRandom rng) {
        Tensor all = tape.constant(batch);
        Tensor y = tape.sliceCols(all, 0, features);
        Tensor logBg = tape.sliceCols(all, features, features + 1);
        Tensor logSig = signal.logProb(tape, y, null);
        // log(w e^a + (1 − w) e^b) = M + log(w e^(a−M) + (1 − w) e^(b−M)) for any constant M; M = max(a, b) keeps exp in range
        Matrix shift = new Matrix(batch.rows, 1);
        for (int r = 0; r < batch.rows; r++) shift.data[r] = Math.max(logSig.value.data[r], logBg.value.data[r]);
        Tensor m = tape.constant(shift);
        Tensor w = tape.sigmoid(tape.scale(theta, LOGIT_SCALE));
        Tensor oneMinusW = tape.affine(w, -1f, 1f);
        Tensor mix = tape.add(tape.mul(tape.exp(tape.sub(logSig, m)), w), tape.mul(tape.exp(tape.sub(logBg, m)), oneMinusW));
        Tensor nll = tape.neg(tape.meanAll(tape.add(tape.log(mix), m)));
        return tape.add(nll, tape.scale(w, FRACTION_PENALTY));
    }
}
