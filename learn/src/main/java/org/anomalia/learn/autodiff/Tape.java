package org.anomalia.learn.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import org.anomalia.learn.Kernels;
import org.anomalia.learn.Matrix;

/**
 * Tape-based reverse-mode automatic differentiation over {@link Matrix} values.
 *
 * <p>Usage, once per training step:
 * <pre>
 *   tape.reset();                                  // recycle last step's buffers
 *   Tensor x = tape.constant(batch);
 *   Tensor h = tape.relu(tape.linear(x, w1, b1));  // w1, b1 are Params
 *   Tensor loss = tape.meanAll(tape.square(tape.sub(tape.linear(h, w2, b2), x)));
 *   tape.backward(loss);                           // gradients accumulate into every Param.grad
 * </pre>
 *
 * <p>Every op result is a {@link Tensor} whose value lives in a buffer owned by the tape: buffers
 * are pooled by shape and handed out again after {@link #reset()}, so a training loop with a fixed
 * graph allocates nothing after its first step. Values are therefore valid only until the next
 * reset; copy what you keep. A tape is single-threaded; use one per thread.
 *
 * <p>Shapes: a bias or other row vector is 1×n; a column vector is m×1; a scalar is 1×1. The
 * elementwise binary ops ({@link #add}, {@link #sub}, {@link #mul}, {@link #div}) broadcast any
 * operand dimension of size 1. Weights multiply from the right: {@code linear(x, W, b) = x·W + b}
 * with W of shape in×out (a MADE mask has the same in×out shape).
 *
 * <p>Extending: an op defined elsewhere (e.g. spline gather/cumsum/searchsorted) computes its
 * output into {@link #alloc} and calls {@link #record} with a {@link Backward} that accumulates
 * into the inputs' {@link Tensor#gradAcc()}.
 *
 * <p>With {@link #setGradEnabled(boolean) gradients disabled} (scoring) nothing is recorded.
 */
public final class Tape {
    private final ArrayList<Tensor> nodes = new ArrayList<>();
    private final HashMap<Long, ArrayDeque<Matrix>> free = new HashMap<>();
    private final ArrayList<Matrix> lent = new ArrayList<>();
    private boolean gradEnabled = true;

    /** A tape that records nothing: for evaluation and scoring. */
    public static Tape noGrad() {
        Tape t = new Tape();
        t.gradEnabled = false;
        return t;
    }

    public void setGradEnabled(boolean enabled) {
        gradEnabled = enabled;
    }

    public boolean gradEnabled() {
        return gradEnabled;
    }

    // ------------------------------------------------------------------ buffers and graph

    /** A pooled buffer with unspecified contents, valid until {@link #reset()}. */
    public Matrix alloc(int rows, int cols) {
        ArrayDeque<Matrix> q = free.get(key(rows, cols));
        Matrix m = q == null || q.isEmpty() ? new Matrix(rows, cols) : q.pop();
        lent.add(m);
        return m;
    }

    /** A pooled buffer filled with zeros. */
    public Matrix allocZero(int rows, int cols) {
        Matrix m = alloc(rows, cols);
        m.fill(0f);
        return m;
    }

    /** Forgets the graph and returns every buffer handed out since the last reset to the pool. */
    public void reset() {
        for (Matrix m : lent) free.computeIfAbsent(key(m.rows, m.cols), k -> new ArrayDeque<>()).push(m);
        lent.clear();
        for (Tensor t : nodes) t.grad = null;
        nodes.clear();
    }

    private static long key(int rows, int cols) {
        return ((long) rows << 32) | (cols & 0xffffffffL);
    }

    /** Wraps data that needs no gradient (inputs, targets, noise). The matrix is not copied. */
    public Tensor constant(Matrix m) {
        return new Tensor(m, this, false);
    }

    /** A 1×1 constant. */
    public Tensor scalar(float v) {
        Matrix m = alloc(1, 1);
        m.data[0] = v;
        return constant(m);
    }

    /** A leaf whose gradient is wanted (e.g. the gradient of a loss with respect to the input). */
    public Tensor leaf(Matrix m) {
        return new Tensor(m, this, true);
    }

    /**
     * Records an op result. If gradients are enabled and some input requires one, the result
     * requires one too and {@code backward} runs during {@link #backward(Tensor)}.
     */
    public Tensor record(Matrix out, Backward backward, Tensor... inputs) {
        boolean needs = false;
        if (gradEnabled) for (Tensor t : inputs) needs |= t.requiresGrad;
        return node(out, backward, needs);
    }

    private Tensor record1(Matrix out, Backward backward, Tensor a) {
        return node(out, backward, gradEnabled && a.requiresGrad);
    }

    private Tensor record2(Matrix out, Backward backward, Tensor a, Tensor b) {
        return node(out, backward, gradEnabled && (a.requiresGrad || b.requiresGrad));
    }

    private Tensor node(Matrix out, Backward backward, boolean needs) {
        Tensor t = new Tensor(out, this, needs);
        if (needs) {
            t.backward = backward;
            nodes.add(t);
        }
        return t;
    }

    /** Back-propagates from a 1×1 loss: every upstream tensor and Param receives d loss / d itself. */
    public void backward(Tensor loss) {
        if (loss.rows() != 1 || loss.cols() != 1) throw new IllegalArgumentException("backward() needs a 1x1 loss, got " + loss.value.shape());
        Matrix seed = alloc(1, 1);
        seed.data[0] = 1f;
        backward(loss, seed);
    }

    /** Back-propagates the given output gradient (same shape as {@code out}). */
    public void backward(Tensor out, Matrix gradOut) {
        if (!out.requiresGrad) throw new IllegalStateException("backward() from a tensor that depends on no parameter (or gradients are disabled)");
        if (!out.value.sameShape(gradOut)) throw new IllegalArgumentException("gradient " + gradOut.shape() + " for output " + out.value.shape());
        Kernels.axpy(1f, gradOut.data, out.gradAcc().data, gradOut.size());
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Tensor n = nodes.get(i);
            if (n.grad != null && n.backward != null) n.backward.apply(n.grad);
        }
    }

    // ------------------------------------------------------------------ linear algebra

    /** a·b. */
    public Tensor matmul(Tensor a, Tensor b) {
        if (a.cols() != b.rows()) throw shapes("matmul", a, b);
        Matrix out = alloc(a.rows(), b.cols());
        Kernels.matmul(a.value, b.value, out, false);
        return record2(out, g -> {
            if (a.requiresGrad) addInputGrad(g, b.value, a);
            if (b.requiresGrad) Kernels.matmulTN(a.value, g, b.gradAcc(), true);
        }, a, b);
    }

    /** x·W + b: x is batch×in, W in×out, b 1×out (or null for no bias). */
    public Tensor linear(Tensor x, Tensor w, Tensor b) {
        if (x.cols() != w.rows()) throw shapes("linear", x, w);
        if (b == null) return matmul(x, w);
        checkRowVector("linear bias", b, w.cols());
        Matrix out = alloc(x.rows(), w.cols());
        Kernels.matmul(x.value, w.value, out, false);
        Kernels.addRowVector(out.data, b.value.data, out.data, out.rows, out.cols);
        return record(out, g -> {
            if (x.requiresGrad) addInputGrad(g, w.value, x);
            if (w.requiresGrad) Kernels.matmulTN(x.value, g, w.gradAcc(), true);
            if (b.requiresGrad) Kernels.sumRowsInto(g.data, b.gradAcc().data, g.rows, g.cols);
        }, x, w, b);
    }

    /**
     * x.grad += g·Wᵀ. When nothing has flowed into x yet (the usual case: one consumer), the product
     * goes straight into a fresh buffer instead of being added to a zero-filled one: the kernels
     * start from +0 either way, so the numbers are the same and a fill pass is saved.
     */
    private void addInputGrad(Matrix g, Matrix w, Tensor x) {
        if (x.grad == null) {
            x.grad = alloc(x.rows(), x.cols());
            Kernels.matmulNT(g, w, x.grad, false);
        } else {
            Kernels.matmulNT(g, w, x.grad, true);
        }
    }

    /** x·(W ⊙ mask): the MADE masked product. mask (same shape as W) is a constant of 0/1. */
    public Tensor maskedMatmul(Tensor x, Tensor w, Matrix mask) {
        if (x.cols() != w.rows()) throw shapes("maskedMatmul", x, w);
        if (!mask.sameShape(w.value)) throw new IllegalArgumentException("maskedMatmul: mask " + mask.shape() + " for weight " + w.value.shape());
        Matrix wm = alloc(w.rows(), w.cols());
        Kernels.maskMul(w.value.data, mask.data, wm.data, wm.size());
        Matrix out = alloc(x.rows(), w.cols());
        Kernels.matmul(x.value, wm, out, false);
        return record2(out, g -> {
            if (x.requiresGrad) addInputGrad(g, wm, x);
            if (w.requiresGrad) {
                Matrix gw = alloc(w.rows(), w.cols());
                Kernels.matmulTN(x.value, g, gw, false);
                Kernels.mulAdd(gw.data, mask.data, w.gradAcc().data, gw.size());
            }
        }, x, w);
    }

    /** x·(W ⊙ mask) + b. */
    public Tensor maskedLinear(Tensor x, Tensor w, Matrix mask, Tensor b) {
        Tensor y = maskedMatmul(x, w, mask);
        return b == null ? y : addBias(y, b);
    }

    /** x + b with b a 1×cols row vector added to every row. */
    public Tensor addBias(Tensor x, Tensor b) {
        checkRowVector("addBias", b, x.cols());
        return add(x, b);
    }

    // ------------------------------------------------------------------ activations and pointwise functions

    public Tensor relu(Tensor x) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.relu(x.value.data, y.data, y.size());
        return record1(y, g -> Kernels.reluBackward(y.data, g.data, x.gradAcc().data, g.size()), x);
    }

    public Tensor leakyRelu(Tensor x, float slope) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.leakyRelu(x.value.data, y.data, y.size(), slope);
        return record1(y, g -> Kernels.leakyReluBackward(x.value.data, g.data, x.gradAcc().data, g.size(), slope), x);
    }

    public Tensor elu(Tensor x, float alpha) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.elu(x.value.data, y.data, y.size(), alpha);
        return record1(y, g -> Kernels.eluBackward(x.value.data, y.data, g.data, x.gradAcc().data, g.size(), alpha), x);
    }

    /** x·σ(x) (a.k.a. swish). */
    public Tensor silu(Tensor x) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.silu(x.value.data, y.data, y.size());
        return record1(y, g -> Kernels.siluBackward(x.value.data, g.data, x.gradAcc().data, g.size()), x);
    }

    public Tensor tanh(Tensor x) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.tanh(x.value.data, y.data, y.size());
        return record1(y, g -> Kernels.tanhBackward(y.data, g.data, x.gradAcc().data, g.size()), x);
    }

    public Tensor sigmoid(Tensor x) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.sigmoid(x.value.data, y.data, y.size());
        return record1(y, g -> Kernels.sigmoidBackward(y.data, g.data, x.gradAcc().data, g.size()), x);
    }

    /** log(1 + eˣ), computed without overflow. */
    public Tensor softplus(Tensor x) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.softplus(x.value.data, y.data, y.size());
        return record1(y, g -> Kernels.softplusBackward(x.value.data, g.data, x.gradAcc().data, g.size()), x);
    }

    public Tensor exp(Tensor x) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.exp(x.value.data, y.data, y.size());
        return record1(y, g -> Kernels.mulAdd(g.data, y.data, x.gradAcc().data, g.size()), x);
    }

    /** Natural logarithm (the caller keeps x positive). */
    public Tensor log(Tensor x) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.log(x.value.data, y.data, y.size());
        return record1(y, g -> Kernels.divAdd(g.data, x.value.data, x.gradAcc().data, g.size()), x);
    }

    public Tensor sqrt(Tensor x) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.sqrt(x.value.data, y.data, y.size());
        return record1(y, g -> {
            float[] gx = x.gradAcc().data, gy = g.data, yy = y.data;
            for (int i = 0; i < gy.length; i++) gx[i] += 0.5f * gy[i] / yy[i];
        }, x);
    }

    public Tensor square(Tensor x) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.square(x.value.data, y.data, y.size());
        return record1(y, g -> {
            float[] gx = x.gradAcc().data, gy = g.data, xx = x.value.data;
            for (int i = 0; i < gy.length; i++) gx[i] += 2f * gy[i] * xx[i];
        }, x);
    }

    /** a·x + b with scalars a, b. */
    public Tensor affine(Tensor x, float a, float b) {
        Matrix y = alloc(x.rows(), x.cols());
        Kernels.affine(x.value.data, y.data, y.size(), a, b);
        return record1(y, g -> Kernels.axpy(a, g.data, x.gradAcc().data, g.size()), x);
    }

    public Tensor scale(Tensor x, float a) {
        return affine(x, a, 0f);
    }

    public Tensor addScalar(Tensor x, float b) {
        return affine(x, 1f, b);
    }

    public Tensor neg(Tensor x) {
        return affine(x, -1f, 0f);
    }

    // ------------------------------------------------------------------ elementwise binary ops with broadcasting

    public Tensor add(Tensor a, Tensor b) {
        return binary(BinaryOp.ADD, a, b);
    }

    public Tensor sub(Tensor a, Tensor b) {
        return binary(BinaryOp.SUB, a, b);
    }

    public Tensor mul(Tensor a, Tensor b) {
        return binary(BinaryOp.MUL, a, b);
    }

    public Tensor div(Tensor a, Tensor b) {
        return binary(BinaryOp.DIV, a, b);
    }

    private enum BinaryOp { ADD, SUB, MUL, DIV }

    private Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        int rows = broadcastDim(op, a, b, a.rows(), b.rows());
        int cols = broadcastDim(op, a, b, a.cols(), b.cols());
        Matrix y = alloc(rows, cols);
        float[] av = a.value.data, bv = b.value.data, yv = y.data;
        int n = y.size();
        boolean same = a.value.sameShape(b.value);
        // x + row vector (every bias): forward and backward get dedicated loops.
        boolean rowBias = !same && op == BinaryOp.ADD && a.value.sameShape(y) && b.rows() == 1 && b.cols() == cols;
        if (same) {
            switch (op) {
                case ADD -> Kernels.add(av, bv, yv, n);
                case SUB -> Kernels.sub(av, bv, yv, n);
                case MUL -> Kernels.mul(av, bv, yv, n);
                case DIV -> Kernels.div(av, bv, yv, n);
            }
        } else if (rowBias) {
            Kernels.addRowVector(av, bv, yv, rows, cols);
        } else {
            forwardBroadcast(op, a.value, b.value, y);
        }
        return record2(y, g -> {
            if (same && op == BinaryOp.ADD) {
                if (a.requiresGrad) Kernels.axpy(1f, g.data, a.gradAcc().data, n);
                if (b.requiresGrad) Kernels.axpy(1f, g.data, b.gradAcc().data, n);
            } else if (same && op == BinaryOp.SUB) {
                if (a.requiresGrad) Kernels.axpy(1f, g.data, a.gradAcc().data, n);
                if (b.requiresGrad) Kernels.axpy(-1f, g.data, b.gradAcc().data, n);
            } else if (rowBias) {
                if (a.requiresGrad) Kernels.axpy(1f, g.data, a.gradAcc().data, n);
                if (b.requiresGrad) Kernels.sumRowsInto(g.data, b.gradAcc().data, rows, cols);
            } else if (same && op == BinaryOp.MUL) {
                if (a.requiresGrad) Kernels.mulAdd(g.data, bv, a.gradAcc().data, n);
                if (b.requiresGrad) Kernels.mulAdd(g.data, av, b.gradAcc().data, n);
            } else {
                backwardBroadcast(op, a, b, g);
            }
        }, a, b);
    }

    private static int broadcastDim(BinaryOp op, Tensor a, Tensor b, int da, int db) {
        if (da == db || db == 1) return da;
        if (da == 1) return db;
        throw new IllegalArgumentException(op.name().toLowerCase() + ": shapes " + a.value.shape() + " and " + b.value.shape() + " do not broadcast");
    }

    private static void forwardBroadcast(BinaryOp op, Matrix a, Matrix b, Matrix y) {
        for (int r = 0; r < y.rows; r++) {
            int ao = (a.rows == 1 ? 0 : r) * a.cols, bo = (b.rows == 1 ? 0 : r) * b.cols;
            int as = a.cols == 1 ? 0 : 1, bs = b.cols == 1 ? 0 : 1;
            for (int c = 0, yo = r * y.cols; c < y.cols; c++) {
                float x1 = a.data[ao + as * c], x2 = b.data[bo + bs * c];
                y.data[yo + c] = switch (op) {
                    case ADD -> x1 + x2;
                    case SUB -> x1 - x2;
                    case MUL -> x1 * x2;
                    case DIV -> x1 / x2;
                };
            }
        }
    }

    /** Gradients of a broadcast op: each output element adds into the input element it came from. */
    private static void backwardBroadcast(BinaryOp op, Tensor ta, Tensor tb, Matrix g) {
        Matrix a = ta.value, b = tb.value;
        float[] ga = ta.requiresGrad ? ta.gradAcc().data : null;
        float[] gb = tb.requiresGrad ? tb.gradAcc().data : null;
        int as = a.cols == 1 ? 0 : 1, bs = b.cols == 1 ? 0 : 1;
        for (int r = 0; r < g.rows; r++) {
            int ao = (a.rows == 1 ? 0 : r) * a.cols, bo = (b.rows == 1 ? 0 : r) * b.cols;
            for (int c = 0, go = r * g.cols; c < g.cols; c++) {
                int ia = ao + as * c, ib = bo + bs * c;
                float gy = g.data[go + c];
                switch (op) {
                    case ADD -> {
                        if (ga != null) ga[ia] += gy;
                        if (gb != null) gb[ib] += gy;
                    }
                    case SUB -> {
                        if (ga != null) ga[ia] += gy;
                        if (gb != null) gb[ib] -= gy;
                    }
                    case MUL -> {
                        if (ga != null) ga[ia] += gy * b.data[ib];
                        if (gb != null) gb[ib] += gy * a.data[ia];
                    }
                    case DIV -> {
                        float q = 1f / b.data[ib];
                        if (ga != null) ga[ia] += gy * q;
                        if (gb != null) gb[ib] -= gy * a.data[ia] * q * q;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements (1×1), accumulated in double. */
    public Tensor sumAll(Tensor x) {
        Matrix y = alloc(1, 1);
        y.data[0] = (float) Kernels.sum(x.value.data, x.value.size());
        return record1(y, g -> Kernels.addScalar(x.gradAcc().data, g.data[0], x.value.size()), x);
    }

    public Tensor meanAll(Tensor x) {
        return scale(sumAll(x), 1f / x.value.size());
    }

    /**
     * Sum along an axis: axis 0 sums over rows (result 1×cols, e.g. a batch total per feature),
     * axis 1 sums over columns (result rows×1, e.g. a per-row log-likelihood).
     */
    public Tensor sum(Tensor x, int axis) {
        int rows = x.rows(), cols = x.cols();
        if (axis == 0) {
            Matrix y = allocZero(1, cols);
            Kernels.sumRowsInto(x.value.data, y.data, rows, cols);
            return record1(y, g -> {
                float[] gx = x.gradAcc().data;
                Kernels.addRowVector(gx, g.data, gx, rows, cols);
            }, x);
        }
        if (axis == 1) {
            Matrix y = allocZero(rows, 1);
            Kernels.sumColsInto(x.value.data, y.data, rows, cols);
            return record1(y, g -> {
                float[] gx = x.gradAcc().data;
                Kernels.addColVector(gx, g.data, gx, rows, cols);
            }, x);
        }
        throw new IllegalArgumentException("axis must be 0 (over rows) or 1 (over columns), got " + axis);
    }

    /** Mean along an axis (see {@link #sum(Tensor, int)}). */
    public Tensor mean(Tensor x, int axis) {
        int n = axis == 0 ? x.rows() : x.cols();
        return scale(sum(x, axis), 1f / n);
    }

    // ------------------------------------------------------------------ column slicing and concatenation

    /** Columns [from, to) of x. */
    public Tensor sliceCols(Tensor x, int from, int to) {
        int rows = x.rows(), cols = x.cols(), w = to - from;
        if (from < 0 || to > cols || w <= 0) throw new IllegalArgumentException("sliceCols [" + from + ", " + to + ") of a " + x.value.shape() + " tensor");
        Matrix y = alloc(rows, w);
        for (int r = 0; r < rows; r++) System.arraycopy(x.value.data, r * cols + from, y.data, r * w, w);
        return record1(y, g -> {
            float[] gx = x.gradAcc().data;
            for (int r = 0; r < rows; r++) {
                int xo = r * cols + from, go = r * w;
                for (int c = 0; c < w; c++) gx[xo + c] += g.data[go + c];
            }
        }, x);
    }

    /** The columns of the inputs side by side (all with the same number of rows). */
    public Tensor concatCols(Tensor... xs) {
        int rows = xs[0].rows(), cols = 0;
        for (Tensor t : xs) {
            if (t.rows() != rows) throw new IllegalArgumentException("concatCols: " + t.value.shape() + " next to " + xs[0].value.shape());
            cols += t.cols();
        }
        Matrix y = alloc(rows, cols);
        for (int r = 0, off = 0; r < rows; r++) {
            for (Tensor t : xs) {
                System.arraycopy(t.value.data, r * t.cols(), y.data, off, t.cols());
                off += t.cols();
            }
        }
        int total = cols;
        return record(y, g -> {
            int start = 0;
            for (Tensor t : xs) {
                int w = t.cols();
                if (t.requiresGrad) {
                    float[] gx = t.gradAcc().data;
                    for (int r = 0; r < rows; r++) {
                        int go = r * total + start, xo = r * w;
                        for (int c = 0; c < w; c++) gx[xo + c] += g.data[go + c];
                    }
                }
                start += w;
            }
        }, xs);
    }

    // ------------------------------------------------------------------ helpers

    private static void checkRowVector(String op, Tensor b, int cols) {
        if (b.rows() != 1 || b.cols() != cols) throw new IllegalArgumentException(op + ": expected a 1x" + cols + " row vector, got " + b.value.shape());
    }

    private static IllegalArgumentException shapes(String op, Tensor a, Tensor b) {
        return new IllegalArgumentException(op + ": shapes " + a.value.shape() + " and " + b.value.shape() + " do not match");
    }
}
