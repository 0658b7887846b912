package org.anomalia.learn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every hot loop of the engine, and the one entry point to them. Matmul comes in three
 * orientations (A·B, Aᵀ·B, A·Bᵀ) on two paths: the JDK Vector API ({@code VectorKernels}) when the
 * {@code jdk.incubator.vector} module is present and passes a self-test, else plain Java that the
 * JIT auto-vectorizes ({@code PlainKernels}). System properties:
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
    /** Measured on 2 cores (bench `kernels`): below this m·n·k one thread is faster. */
    static final long PARALLEL_WORK = Long.getLong("anomalia.kernels.parallelWork", 1L << 20);

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
    static Variant variant(String path, int threads, long parallelWork) {
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

    private static Variant start() {
        String want = System.getProperty("anomalia.kernels", "auto").trim().toLowerCase(java.util.Locale.ROOT);
        MatmulKernel k;
        if (want.equals("plain")) {
            k = PLAIN;
        } else if (want.equals("vector") && VECTOR == null) {
            LOG.warn("anomalia.kernels=vector but the Vector API is unavailable (needs --add-modules jdk.incubator.vector); using plain kernels");
            k = PLAIN;
        } else {
            if (!want.equals("auto") && !want.equals("vector")) {
                LOG.warn("anomalia.kernels='{}' is not auto, vector or plain; using auto", want);
            }
            k = VECTOR != null ? VECTOR : PLAIN;
        }
        int threads = Integer.getInteger("anomalia.threads", Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            LOG.warn("anomalia.threads={} is not positive; using 1", threads);
            threads = 1;
        }
        Variant v = new Variant(k, threads, PARALLEL_WORK);
        LOG.debug("matmul kernels: {} (anomalia.kernels={}), parallel from m*n*k >= {}", v, want, PARALLEL_WORK);
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
            int parts = (long) m * n * k >= parallelWork ? Math.min(pool.threads(), (m + 3) / 4) : 1;
            if (parts <= 1) {
                kernel.rows(a, ars, acs, b, c, n, k, 0, m, acc);
                return;
            }
            int chunk = ((m + parts - 1) / parts + 3) / 4 * 4;   // whole 4-row tiles per part
            pool.run(parts, q -> {
                int i0 = Math.min(m, q * chunk), i1 = Math.min(m, i0 + chunk);
                if (i0 < i1) kernel.rows(a, ars, acs, b, c, n, k, i0, i1, acc);
            });
        }

        @Override
        public String toString() {
            return kernel.name() + " ×" + threads();
        }
    }

    private static void transpose(float[] src, int rows, int cols, float[] dst) {
        for (int r = 0; r < rows; r++) {
            int so = r * cols;
            for (int c = 0; c < cols; c++) dst[c * rows + r] = src[so + c];
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
}
