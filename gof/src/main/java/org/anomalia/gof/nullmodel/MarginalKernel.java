package org.anomalia.gof.nullmodel;

import org.anomalia.numerics.parallel.WorkSharing;





/**
 * The hot loop of the marginal likelihood (queries × integration points × coordinates): for each
 * whitened query y and a whitened integration set {yᵢ}, with wᵢ = exp(−½|y − yᵢ|²),
 * log Σᵢ wᵢ and log Σᵢ wᵢ² (the effective sample size is (Σw)²/Σw²).
 *
 * <p>The integration set is packed once in chunks of {@value #WIDTH} points, coordinate-major
 * inside a chunk ({@code packed[(chunk·n + j)·WIDTH + lane]}), so the inner loop reads one
 * contiguous run per coordinate and one load serves {@value #TILE} queries. Sums run block by block
 * ({@value #BLOCK} points) with a running maximum (log-sum-exp), in float for the distances and
 * exponentials and in double across blocks. Two paths: the JDK Vector API
 * ({@code VectorMarginalLoops}) when {@code jdk.incubator.vector} is present, else plain Java
 * ({@link PlainLoops}); property {@code anomalia.kernels=plain} forces the plain one. Both use the
 * same exponential {@link #expNonPositive(float)}, built from IEEE operations only (no library exp,
 * no lane reductions of unspecified order), so a run gives the same bits whether the loops are
 * interpreted or compiled. Queries are handed to threads in tiles; each query is summed by one
 * thread in a fixed order, so results do not depend on the number of threads.
 */
public final class MarginalKernel {
    /** Integration points per packed chunk (a multiple of every vector width up to 512 bits of floats). */
    static final int WIDTH = 16;
    /** Queries evaluated together (each load of the integration set serves all of them). */
    static final int TILE = 4;
    /** Integration points per log-sum-exp block (its distances stay in L1). */
    static final int BLOCK = 64 * WIDTH;
    /** Coordinate of padding points: far enough that their weight is exactly 0, small enough that squares stay finite. */
    static final float FAR = 1e15f;

    static final float LOG2E = 1.44269504f, LN2_HI = 0.693145751953125f, LN2_LO = 1.42860677e-6f;
    /** Taylor coefficients 1/k! of e^r for |r| ≤ ½ ln 2: truncation error below 1e-8 relative (under float rounding). */
    static final float C2 = 0.5f, C3 = 1f / 6, C4 = 1f / 24, C5 = 1f / 120, C6 = 1f / 720, C7 = 1f / 5040;
    /** Arguments below this are clamped: e^-87 ≈ 1.6e-38 is the smallest normal float power of two reached, and against the largest weight (1) it is nothing. */
    static final float EXP_FLOOR = -87f;
    /** 1.5·2²³: adding it rounds to an integer held in the low mantissa bits (for |t| &lt; 2²²). */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);

    /**
     * e^x for x ≤ 0 in float: x = k ln 2 + r with k = round(x log₂e) (by adding 1.5·2²³, which leaves
     * k in the low mantissa bits: no float-to-int conversion, which the Vector API of JDK 17 does
     * not compile to one instruction), e^r by its Taylor polynomial to degree 7 (Horner, fused
     * multiply-adds), times 2^k built in the exponent bits. Relative error below 4e-7 (tested against
     * Math.exp). The vector path performs the same operations lane by lane.
     */
    static float expNonPositive(float x) {
        x = Math.max(x, EXP_FLOOR);
        float t = x * LOG2E + ROUNDER;
        int k = Float.floatToRawIntBits(t) - ROUNDER_BITS;
        float kf = t - ROUNDER;
        float r = Math.fma(kf, -LN2_HI, x);
        r = Math.fma(kf, -LN2_LO, r);
        float p = Math.fma(C7, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        return p * Float.intBitsToFloat((k + 127) << 23);
    }

    /** The loops of one path: distances and the blockwise log-sum-exp of one tile of queries. */
    interface Loops {
        /**
         * @param q   {@value #TILE} queries of n coordinates
         * @param out per query: log Σw, log Σw² (2·TILE entries)
         */
        void tile(float[] packed, int n, int chunks, float[][] q, double[] out);
    }

    private static final Loops PLAIN = new PlainLoops();
    private static final Loops VECTOR = loadVector();

    private final float[] packed;
    private final int n;
    private final int m;
    private final int chunks;
    private final Loops loops;

    /** @param whitened integration points (M rows of n whitened coordinates) */
    public MarginalKernel(double[][] whitened) {
        this(whitened, defaultLoops());
    }

    MarginalKernel(double[][] whitened, Loops loops) {
        if (whitened.length == 0) throw new IllegalArgumentException("empty integration set");
        this.n = whitened[0].length;
        this.m = whitened.length;
        this.chunks = (m + WIDTH - 1) / WIDTH;
        this.packed = new float[chunks * n * WIDTH];
        java.util.Arrays.fill(packed, FAR);
        for (int i = 0; i < m; i++) {
            int c = i / WIDTH, lane = i % WIDTH;
            for (int j = 0; j < n; j++) packed[(c * n + j) * WIDTH + lane] = (float) whitened[i][j];
        }
        this.loops = loops;
    }

    /** The plain path (for tests comparing the two). */
    static MarginalKernel plain(double[][] whitened) {
        return new MarginalKernel(whitened, PLAIN);
    }

    /** The Vector API path, or null when the module is absent. */
    static MarginalKernel vector(double[][] whitened) {
        return VECTOR == null ? null : new MarginalKernel(whitened, VECTOR);
    }

    public int size() {
        return m;
    }

    /** "vector" or "plain". */
    public String path() {
        return loops == PLAIN ? "plain" : "vector";
    }

    /**
     * log Σᵢ wᵢ and log Σᵢ wᵢ² for every query row (whitened), on {@code threads} threads.
     *
     * @return {logSum, logSumSquares}, each with one entry per query
     */
    public double[][] logSums(double[][] queries, int threads) {
        int rows = queries.length;
        double[] logSum = new double[rows], logSum2 = new double[rows];
        int tiles = (rows + TILE - 1) / TILE;
        WorkSharing.run(tiles, threads, "marginal-kernel", () -> {
            float[][] q = new float[TILE][n];
            double[] out = new double[2 * TILE];
            return t -> {
                int first = t * TILE;
                for (int r = 0; r < TILE; r++) {
                    double[] row = queries[Math.min(first + r, rows - 1)]; // the last tile repeats its last query
                    if (row.length != n) throw new IllegalArgumentException("query has " + row.length + " coordinates, expected " + n);
                    for (int j = 0; j < n; j++) q[r][j] = (float) row[j];
                }
                loops.tile(packed, n, chunks, q, out);
                for (int r = 0; r < TILE && first + r < rows; r++) {
                    logSum[first + r] = out[2 * r];
                    logSum2[first + r] = out[2 * r + 1];
                }
            };
        });
        return new double[][] {logSum, logSum2};
    }

    private static Loops defaultLoops() {
        return VECTOR != null && !"plain".equals(System.getProperty("anomalia.kernels")) ? VECTOR : PLAIN;
    }

    private static Loops loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
        try {
            return (Loops) Class.forName("org.anomalia.gof.nullmodel.VectorMarginalLoops").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /**
     * Running log-sum-exp state of one query: its largest log-weight so far and the sums of w and w²
     * relative to it. Blocks are folded in with their own minimum distance.
     */
    static final class Accumulator {
        private double max = Double.NEGATIVE_INFINITY, s, s2;

        /**
         * @param dMin       the block's smallest squared distance
         * @param sum        Σ exp(−½(d − dMin)) over the block
         * @param sumSquares Σ exp(−(d − dMin)) over the block
         */
        void add(double dMin, double sum, double sumSquares) {
            double top = -0.5 * dMin;
            if (top > max) {
                double scale = StrictMath.exp(max - top); // 0 on the first block
                s *= scale;
                s2 *= scale * scale;
                max = top;
            }
            double f = StrictMath.exp(top - max);
            s += sum * f;
            s2 += sumSquares * f * f;
        }

        double logSum() {
            return max + StrictMath.log(s);
        }

        double logSumSquares() {
            return 2 * max + StrictMath.log(s2);
        }
    }

    /** Plain Java, the same float operations per element as the vector path; sums in double. */
    static final class PlainLoops implements Loops {
        private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[TILE][BLOCK]);

        @Override
        public void tile(float[] packed, int n, int chunks, float[][] q, double[] out) {
            float[][] d = SCRATCH.get();
            Accumulator[] acc = new Accumulator[TILE];
            for (int r = 0; r < TILE; r++) acc[r] = new Accumulator();
            float[] q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
            float[] d0 = d[0], d1 = d[1], d2 = d[2], d3 = d[3];
            int chunksPerBlock = BLOCK / WIDTH;
            for (int c0 = 0; c0 < chunks; c0 += chunksPerBlock) {
                int cEnd = Math.min(chunks, c0 + chunksPerBlock);
                int len = (cEnd - c0) * WIDTH;
                for (int r = 0; r < TILE; r++) java.util.Arrays.fill(d[r], 0, len, 0f);
                for (int c = c0; c < cEnd; c++) {
                    int at = (c - c0) * WIDTH;
                    for (int j = 0; j < n; j++) {
                        int o = (c * n + j) * WIDTH;
                        float a0 = q0[j], a1 = q1[j], a2 = q2[j], a3 = q3[j];
                        for (int lane = 0; lane < WIDTH; lane++) {
                            float v = packed[o + lane];
                            float e0 = v - a0, e1 = v - a1, e2 = v - a2, e3 = v - a3;
                            d0[at + lane] = Math.fma(e0, e0, d0[at + lane]);
                            d1[at + lane] = Math.fma(e1, e1, d1[at + lane]);
                            d2[at + lane] = Math.fma(e2, e2, d2[at + lane]);
                            d3[at + lane] = Math.fma(e3, e3, d3[at + lane]);
                        }
                    }
                }
                for (int r = 0; r < TILE; r++) {
                    float[] dr = d[r];
                    float dMin = Float.POSITIVE_INFINITY;
                    for (int i = 0; i < len; i++) dMin = Math.min(dMin, dr[i]);
                    double s = 0, s2 = 0;
                    for (int i = 0; i < len; i++) {
                        double w = expNonPositive((dr[i] - dMin) * -0.5f);
                        s += w;
                        s2 += w * w;
                    }
                    acc[r].add(dMin, s, s2);
                }
            }
            for (int r = 0; r < TILE; r++) {
                out[2 * r] = acc[r].logSum();
                out[2 * r + 1] = acc[r].logSumSquares();
            }
        }
    }
}
