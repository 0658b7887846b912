package org.anomalia.learn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every hot loop of the engine, and the one entry point to them. Matmul comes in three
 * orientations (A·B, Aᵀ·B, A·Bᵀ) on two paths: the JDK Vector API ({@code VectorKernels}) when the
 * {@code jdk.incubator.vector} module is present and passes a self-test, else plain Java that the
 * JIT auto-vectorizes ({@code PlainKernels}). The hot elementwise loops (bias add, ReLU, column
 * sums, gradient accumulation, Adam) follow the same choice ({@code VectorElementwise} or
 * {@code PlainElementwise}, bit-identical to each other). System properties:
 * <ul>
 *   <li>{@code anomalia.kernels} = {@code auto} (default) | {@code vector} | {@code plain};</li>
 *   <li>{@code anomalia.threads} = threads per kernel call (default: available processors);</li>
 *   <li>{@code anomalia.kernels.parallelWork} = the m·n·k from which a call splits its output rows
 *       across threads (below it the hand-off costs more than it saves).</li>
 * </ul>
 * Each output element is computed by one thread with a fixed summation order, so results do not
 * depend on the thread count.
 */
public final class Kernels {
    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);
    private static final MatmulKernel PLAIN = new PlainKernels();
    private static final MatmulKernel VECTOR = loadVector();
    private static final ElementwiseKernel PLAIN_LOOPS = new PlainElementwise();
    private static final ElementwiseKernel VECTOR_LOOPS = loadVectorLoops();
    private static final boolean USE_VECTOR = useVector();
    /** The elementwise loops of the chosen path; fixed for the life of the process. */
    private static final ElementwiseKernel LOOPS = USE_VECTOR && VECTOR_LOOPS != null ? VECTOR_LOOPS : PLAIN_LOOPS;
    /**
     * From this m·n·k a call splits its rows across threads: 2²² = a batch of 256 through a
     * 128→128 layer (CATHODE's MADE blocks). Measured on the 2-core machine (bench kernels, forced
     * split): at 2²⁰ (256×64×64, the autoencoder's layers) a split call takes 25–40 µs and the
     * hand-off to a second thread gains little when the machine is idle and loses 35–55 % when it
     * is busy; from 2²² the dynamic chunking gains up to 2× and its worst case is near 1×.
     */
    static final long PARALLEL_WORK = Long.getLong("anomalia.kernels.parallelWork", 1L << 22);

    /** Rows per thread chunk are a multiple of this (the tallest register tile). */
    private static final int CHUNK_ROWS = 8;

    private static volatile Variant current = start();

    private Kernels() {}

    /** C = A·B (+ C if accumulate). A: m×k, B: k×n, C: m×n. */
    public static void matmul(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        current.matmul(a, b, c, accumulate);
    }

    /** C = Aᵀ·B (+ C if accumulate). A: k×m, B: k×n, C: m×n. */
    public static void matmulTN(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        current.matmulTN(a, b, c, accumulate);
    }

    /** C = A·Bᵀ (+ C if accumulate). A: m×k, B: n×k, C: m×n. */
    public static void matmulNT(Matrix a, Matrix b, Matrix c, boolean accumulate) {
        current.matmulNT(a, b, c, accumulate);
    }

    /** The path and thread count in use, e.g. "vector-512 ×2". */
    public static String describe() {
        return current.toString();
    }

    public static int threads() {
        return current.threads();
    }

    /** Threads that run their kernel calls unsplit (members trained side by side, see ParallelTraining). */
    private static final ThreadLocal<Boolean> UNSPLIT = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Runs body with every kernel call of this thread on this thread alone: for trainings that
     * already run side by side on the cores, where a split would only oversubscribe them. The
     * numbers do not change (they never depend on the split).
     */
    public static <T> T unsplit(java.util.function.Supplier<T> body) {
        boolean before = UNSPLIT.get();
        UNSPLIT.set(Boolean.TRUE);
        try {
            return body.get();
        } finally {
            UNSPLIT.set(before);
        }
    }

    /** Sets the threads per kernel call (1 = single-threaded). */
    public static synchronized void setThreads(int threads) {
        Variant old = current;
        if (threads == old.threads()) return;
        current = new Variant(old.kernel, threads, PARALLEL_WORK);
        old.pool.shutdown();
    }

    /** Whether the Vector API path is usable in this JVM. */
    public static boolean vectorAvailable() {
        return VECTOR != null;
    }

    /**
     * A fixed path ("vector" or "plain") and thread count, independent of the process-wide
     * choice; for benchmarks and tests. Its worker threads are daemons.
     */
    public static Variant variant(String path, int threads) {
        return new Variant(kernel(path), threads, PARALLEL_WORK);
    }

    /** As {@link #variant(String, int)} with an explicit m·n·k split threshold (0 = always split). */
    public static Variant variant(String path, int threads, long parallelWork) {
        return new Variant(kernel(path), threads, parallelWork);
    }

    private static MatmulKernel kernel(String path) {
        switch (path) {
            case "plain":
                return PLAIN;
            case "vector":
                if (VECTOR == null) throw new IllegalStateException(
                        "the Vector API path needs the JVM option --add-modules jdk.incubator.vector");
                return VECTOR;
            default:
                throw new IllegalArgumentException("kernel path must be vector or plain, got '" + path + "'");
        }
    }

    /** The path that the process-wide entry points use: from {@code anomalia.kernels} and what the JVM offers. */
    private static boolean useVector() {
        String want = System.getProperty("anomalia.kernels", "auto").trim().toLowerCase(java.util.Locale.ROOT);
        if (want.equals("plain")) return false;
        if (want.equals("vector") && VECTOR == null) {
            LOG.warn("anomalia.kernels=vector but the Vector API is unavailable (needs --add-modules jdk.incubator.vector); using plain kernels");
            return false;
        }
        if (!want.equals("auto") && !want.equals("vector")) {
            LOG.warn("anomalia.kernels='{}' is not auto, vector or plain; using auto", want);
        }
        return VECTOR != null;
    }

    private static Variant start() {
        MatmulKernel k = USE_VECTOR ? VECTOR : PLAIN;
        int threads = Integer.getInteger("anomalia.threads", Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            LOG.warn("anomalia.threads={} is not positive; using 1", threads);
            threads = 1;
        }
        Variant v = new Variant(k, threads, PARALLEL_WORK);
        LOG.debug("kernels: {} (anomalia.kernels={}), parallel from m*n*k >= {}", v,
                System.getProperty("anomalia.kernels", "auto"), PARALLEL_WORK);
        return v;
    }

    /** Loads the Vector API path by name, so that this class links even without the module. */
    private static MatmulKernel loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
        try {
            MatmulKernel k = (MatmulKernel) Class.forName("org.anomalia.learn.VectorKernels")
                    .getDeclaredConstructor().newInstance();
            return selfTest(k) ? k : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.debug("Vector API kernels unavailable: {}", e.toString());
            return null;
        }
    }

    /** The Vector API elementwise loops when the matmul path loaded (same module, same self-test), else null. */
    private static ElementwiseKernel loadVectorLoops() {
        if (VECTOR == null) return null;
        try {
            ElementwiseKernel k = (ElementwiseKernel) Class.forName("org.anomalia.learn.VectorElementwise")
                    .getDeclaredConstructor().newInstance();
            float[] x = {-2f, 3f, -0f, 5f, 1f}, y1 = new float[5], y2 = new float[5];
            k.relu(x, y1, 5);
            PLAIN_LOOPS.relu(x, y2, 5);
            return java.util.Arrays.equals(y1, y2) ? k : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.debug("Vector API elementwise loops unavailable: {}", e.toString());
            return null;
        }
    }

    /** The elementwise loops of a path ("vector" or "plain"); for tests and benchmarks. */
    static ElementwiseKernel loops(String path) {
        if (path.equals("vector")) {
            if (VECTOR_LOOPS == null) throw new IllegalStateException("the Vector API path needs --add-modules jdk.incubator.vector");
            return VECTOR_LOOPS;
        }
        if (path.equals("plain")) return PLAIN_LOOPS;
        throw new IllegalArgumentException("kernel path must be vector or plain, got '" + path + "'");
    }

    /** A 5×7·7×37 product against the plain path: catches a broken or misconfigured Vector API. */
    private static boolean selfTest(MatmulKernel k) {
        int m = 5, kk = 7, n = 37;
        float[] a = new float[m * kk], b = new float[kk * n], c1 = new float[m * n], c2 = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (i % 11) - 5f;
        for (int i = 0; i < b.length; i++) b[i] = (i % 7) * 0.5f - 1f;
        k.rows(a, kk, 1, b, c1, n, kk, 0, m, false);
        PLAIN.rows(a, kk, 1, b, c2, n, kk, 0, m, false);
        return java.util.Arrays.equals(c1, c2);   // small integers and halves: exact on both paths
    }

    /** Scratch for the transposed B of A·Bᵀ, one per calling thread. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    /** One matmul path with its thread group. */
    public static final class Variant {
        private final MatmulKernel kernel;
        private final KernelThreads pool;
        private final long parallelWork;

        private Variant(MatmulKernel kernel, int threads, long parallelWork) {
            this.kernel = kernel;
            this.pool = new KernelThreads(threads);
            this.parallelWork = parallelWork;
        }

        public int threads() {
            return pool.threads();
        }

        /** C = A·B (+ C if accumulate). A: m×k, B: k×n, C: m×n. */
        public void matmul(Matrix a, Matrix b, Matrix c, boolean accumulate) {
            check("matmul", a.cols == b.rows && c.rows == a.rows && c.cols == b.cols, a, b, c, "A·B");
            run(a.data, a.cols, 1, b.data, c.data, a.rows, b.cols, a.cols, accumulate);
        }

        /** C = Aᵀ·B (+ C if accumulate). A: k×m, B: k×n, C: m×n. */
        public void matmulTN(Matrix a, Matrix b, Matrix c, boolean accumulate) {
            check("matmulTN", a.rows == b.rows && c.rows == a.cols && c.cols == b.cols, a, b, c, "Aᵀ·B");
            run(a.data, 1, a.cols, b.data, c.data, a.cols, b.cols, a.rows, accumulate);
        }

        /** C = A·Bᵀ (+ C if accumulate). A: m×k, B: n×k, C: m×n. B is transposed once into scratch. */
        public void matmulNT(Matrix a, Matrix b, Matrix c, boolean accumulate) {
            check("matmulNT", a.cols == b.cols && c.rows == a.rows && c.cols == b.rows, a, b, c, "A·Bᵀ");
            int n = b.rows, k = b.cols;
            float[] bt = SCRATCH.get();
            if (bt.length < n * k) {
                bt = new float[n * k];
                SCRATCH.set(bt);
            }
            transpose(b.data, n, k, bt);
            run(a.data, k, 1, bt, c.data, a.rows, n, k, accumulate);
        }

        private void run(float[] a, int ars, int acs, float[] b, float[] c, int m, int n, int k, boolean acc) {
            int threads = pool.threads();
            if (threads == 1 || (long) m * n * k < parallelWork || m < 2 * CHUNK_ROWS || UNSPLIT.get()) {
                kernel.rows(a, ars, acs, b, c, n, k, 0, m, acc);
                return;
            }
            // About four chunks per thread, whole 8-row tiles each, claimed dynamically.
            int chunk = Math.max(CHUNK_ROWS, (m + 4 * threads - 1) / (4 * threads) + CHUNK_ROWS - 1) / CHUNK_ROWS * CHUNK_ROWS;
            int chunks = (m + chunk - 1) / chunk;
            pool.run(chunks, q -> kernel.rows(a, ars, acs, b, c, n, k, q * chunk, Math.min(m, (q + 1) * chunk), acc));
        }

        @Override
        public String toString() {
            return kernel.name() + " ×" + threads();
        }
    }

    /** Tile edge of the transpose: a 16×16 float tile reads and writes whole cache lines. */
    private static final int TRANSPOSE_TILE = 16;

    /** dst (cols×rows) = srcᵀ, tile by tile so that both sides stay in cache (a plain copy: exact). */
    static void transpose(float[] src, int rows, int cols, float[] dst) {
        for (int r0 = 0; r0 < rows; r0 += TRANSPOSE_TILE) {
            int r1 = Math.min(rows, r0 + TRANSPOSE_TILE);
            for (int c0 = 0; c0 < cols; c0 += TRANSPOSE_TILE) {
                int c1 = Math.min(cols, c0 + TRANSPOSE_TILE);
                for (int r = r0; r < r1; r++) {
                    int so = r * cols;
                    for (int c = c0; c < c1; c++) dst[c * rows + r] = src[so + c];
                }
            }
        }
    }

    private static void check(String op, boolean ok, Matrix a, Matrix b, Matrix c, String what) {
        if (!ok) {
            throw new IllegalArgumentException(op + ": shapes do not fit " + what + " -> C: A " + a.shape()
                    + ", B " + b.shape() + ", C " + c.shape());
        }
        if (c.data == a.data || c.data == b.data) {
            throw new IllegalArgumentException(op + ": the output C must not be an input");
        }
    }

    // ---- Elementwise and reduction loops used by the autodiff ops. ----
    // The hot ones go to the path's ElementwiseKernel (bit-identical on both paths); the rest are
    // plain counted loops over whole arrays, which the JIT vectorizes where it can.

    /** y[i] = max(x[i], 0). */
    public static void relu(float[] x, float[] y, int n) {
        LOOPS.relu(x, y, n);
    }

    /** gx[i] += gy[i] where y[i] > 0 (y is the ReLU output). */
    public static void reluBackward(float[] y, float[] gy, float[] gx, int n) {
        LOOPS.reluBackward(y, gy, gx, n);
    }

    public static void leakyRelu(float[] x, float[] y, int n, float slope) {
        for (int i = 0; i < n; i++) y[i] = x[i] > 0f ? x[i] : slope * x[i];
    }

    public static void leakyReluBackward(float[] x, float[] gy, float[] gx, int n, float slope) {
        for (int i = 0; i < n; i++) gx[i] += x[i] > 0f ? gy[i] : slope * gy[i];
    }

    public static void elu(float[] x, float[] y, int n, float alpha) {
        for (int i = 0; i < n; i++) y[i] = x[i] > 0f ? x[i] : alpha * (float) Math.expm1(x[i]);
    }

    /** For x ≤ 0 the ELU derivative is y + alpha. */
    public static void eluBackward(float[] x, float[] y, float[] gy, float[] gx, int n, float alpha) {
        for (int i = 0; i < n; i++) gx[i] += x[i] > 0f ? gy[i] : gy[i] * (y[i] + alpha);
    }

    /** Numerically stable logistic function. */
    public static float sigmoid(float x) {
        if (x >= 0f) return (float) (1.0 / (1.0 + Math.exp(-x)));
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }

    public static void sigmoid(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = sigmoid(x[i]);
    }

    public static void sigmoidBackward(float[] y, float[] gy, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] += gy[i] * y[i] * (1f - y[i]);
    }

    /** y = x·σ(x). */
    public static void silu(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = x[i] * sigmoid(x[i]);
    }

    /** d/dx x·σ(x) = σ(x)·(1 + x·(1 − σ(x))). */
    public static void siluBackward(float[] x, float[] gy, float[] gx, int n) {
        for (int i = 0; i < n; i++) {
            float s = sigmoid(x[i]);
            gx[i] += gy[i] * s * (1f + x[i] * (1f - s));
        }
    }

    public static void tanh(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = (float) Math.tanh(x[i]);
    }

    public static void tanhBackward(float[] y, float[] gy, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] += gy[i] * (1f - y[i] * y[i]);
    }

    /** log(1 + eˣ) written as max(x,0) + log1p(e^−|x|) so it neither overflows nor loses the tail. */
    public static float softplus(float x) {
        return (float) (Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))));
    }

    public static void softplus(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = softplus(x[i]);
    }

    public static void softplusBackward(float[] x, float[] gy, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] += gy[i] * sigmoid(x[i]);
    }

    public static void exp(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = (float) Math.exp(x[i]);
    }

    public static void log(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = (float) Math.log(x[i]);
    }

    public static void sqrt(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = (float) Math.sqrt(x[i]);
    }

    /** gx[i] += gy[i]·d[i] (the derivative given as an array, e.g. eˣ for exp). */
    public static void mulAdd(float[] gy, float[] d, float[] gx, int n) {
        LOOPS.mulAdd(gy, d, gx, n);
    }

    /** gx[i] += gy[i]/d[i]. */
    public static void divAdd(float[] gy, float[] d, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] += gy[i] / d[i];
    }

    /** y[i] = x[i]·x[i]. */
    public static void square(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = x[i] * x[i];
    }

    /** y[i] = a·x[i] + b. */
    public static void affine(float[] x, float[] y, int n, float a, float b) {
        for (int i = 0; i < n; i++) y[i] = a * x[i] + b;
    }

    /** gx[i] += a·gy[i]. */
    public static void axpy(float a, float[] gy, float[] gx, int n) {
        LOOPS.axpy(a, gy, gx, n);
    }

    /** y[i] = a[i] + b[i]. */
    public static void add(float[] a, float[] b, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = a[i] + b[i];
    }

    public static void sub(float[] a, float[] b, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = a[i] - b[i];
    }

    public static void mul(float[] a, float[] b, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = a[i] * b[i];
    }

    public static void div(float[] a, float[] b, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = a[i] / b[i];
    }

    /** Each row of y = the same row of x plus the row vector b (bias broadcast). */
    public static void addRowVector(float[] x, float[] b, float[] y, int rows, int cols) {
        LOOPS.addRowVector(x, b, y, rows, cols);
    }

    /** y[r, c] = x[r, c] + v[r] (column-vector broadcast). */
    public static void addColVector(float[] x, float[] v, float[] y, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float b = v[r];
            for (int c = 0; c < cols; c++) y[o + c] = x[o + c] + b;
        }
    }

    /** s[c] += Σ_r g[r, c] (gradient of a row broadcast). */
    public static void sumRowsInto(float[] g, float[] s, int rows, int cols) {
        LOOPS.sumRowsInto(g, s, rows, cols);
    }

    /** One Adam update of the n weights w (gradients g, moments m and v); see {@link AdamUpdate}. */
    public static void adam(float[] w, float[] g, float[] m, float[] v, int n, AdamUpdate u) {
        LOOPS.adam(w, g, m, v, n, u);
    }

    /** s[r] += Σ_c g[r, c]; accumulated in double for each row. */
    public static void sumColsInto(float[] g, float[] s, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double acc = 0;
            for (int c = 0; c < cols; c++) acc += g[o + c];
            s[r] += (float) acc;
        }
    }

    /** Σ x[i] in double. */
    public static double sum(float[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += x[i];
        return s;
    }

    /** x[i] += s. */
    public static void addScalar(float[] x, float s, int n) {
        for (int i = 0; i < n; i++) x[i] += s;
    }

    /** w[i] = v[i]·m[i] (a weight times its MADE mask). */
    public static void maskMul(float[] v, float[] m, float[] w, int n) {
        for (int i = 0; i < n; i++) w[i] = v[i] * m[i];
    }
}
