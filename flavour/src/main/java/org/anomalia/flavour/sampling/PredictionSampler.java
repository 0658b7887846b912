package org.anomalia.flavour.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.anomalia.numerics.parallel.WorkSharing;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.flavour.parameters.ParameterInfo;
import org.anomalia.flavour.parameters.ParameterSampler;
import org.anomalia.flavour.parameters.ParameterValues;
import org.anomalia.flavour.theory.BinnedPredictor;

/**
 * Many prediction vectors x(ν) for chosen observables × bins: ν drawn as flavio's sm_uncertainty
 * draws it, or given by the caller. Rows are cut into blocks of {@value #ROWS_PER_STREAM}; block k
 * draws from random stream (seed, k), so the result depends on the seed only, never on the number
 * of threads. Threads take blocks from a shared counter; each writes its own rows.
 */
public final class PredictionSampler {
    /** Rows per random stream (and per unit of work handed to a thread). */
    public static final int ROWS_PER_STREAM = 256;
    /** Rows between progress reports. */
    private static final int PROGRESS_STEP = 16;

    private final BinnedPredictor predictor;
    private final ParameterCatalog catalog;
    private final NewPhysics newPhysics;

    public PredictionSampler(List<Observable> observables, List<Q2Bin> bins, NewPhysics newPhysics,
                             ParameterCatalog catalog) {
        this(new BinnedPredictor(observables, bins), newPhysics, catalog);
    }

    public PredictionSampler(BinnedPredictor predictor, NewPhysics newPhysics, ParameterCatalog catalog) {
        this.predictor = predictor;
        this.catalog = catalog;
        this.newPhysics = newPhysics == null ? NewPhysics.SM : newPhysics;
    }

    /** Column names like {@code P5p_4_6}, bin-major (all observables of the first bin, then the next bin). */
    public List<String> columns() {
        return predictor.columnNames();
    }

    public BinnedPredictor predictor() {
        return predictor;
    }

    public ParameterCatalog catalog() {
        return catalog;
    }

    /** The prediction at the catalog's central values. */
    public double[] central() {
        return predictor.predict(catalog.central(), newPhysics);
    }

    /** The prediction at one point. */
    public double[] predict(ParameterValues point) {
        return predictor.predict(point, newPhysics);
    }

    /** Names of the parameters that are drawn (the columns written with --with-parameters). */
    public List<String> randomParameterNames() {
        List<String> names = new ArrayList<>();
        for (ParameterInfo p : catalog.parameters()) {
            if (p.isRandom()) names.add(p.name());
        }
        return names;
    }

    /**
     * Draws {@code n} parameter points from the seed and predicts each.
     *
     * @param withParameters also keep the drawn values of the random parameters
     * @param threads        worker threads (≥ 1); the result does not depend on it
     * @param progress       receives the number of rows finished, block by block (may be null)
     */
    public PredictionSamples sample(int n, long seed, boolean withParameters, int threads, LongConsumer progress) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1");
        ParameterSampler sampler = catalog.sampler();
        return run(n, withParameters, threads, progress, OptionalLong.of(seed),
                (block, first, count, point) -> {
                    ParameterSampler.Draws draws = sampler.draws(seed, block);
                    return r -> draws.nextInto(point);
                });
    }

    /**
     * Predicts at given parameter points (rows of values in catalog order, see
     * {@link ParameterCatalog#names()}).
     */
    public PredictionSamples evaluate(double[][] points, boolean withParameters, int threads, LongConsumer progress) {
        for (double[] p : points) {
            if (p.length != catalog.size()) {
                throw new IllegalArgumentException("points must have " + catalog.size() + " values");
            }
        }
        return run(points.length, withParameters, threads, progress, OptionalLong.empty(),
                (block, first, count, point) -> r -> System.arraycopy(points[r], 0, point, 0, point.length));
    }

    /** Fills the parameter array of row r. */
    private interface RowSource {
        void fill(int row);
    }

    /** Makes the row source of one block, writing into the thread's point array. */
    private interface BlockSource {
        RowSource open(int block, int first, int count, double[] point);
    }

    private PredictionSamples run(int n, boolean withParameters, int threads, LongConsumer progress,
                                  OptionalLong seed, BlockSource source) {
        int width = predictor.size();
        double[] values = new double[Math.multiplyExact(n, width)];
        int[] paramIndex = withParameters
                ? randomParameterNames().stream().mapToInt(catalog::index).toArray() : new int[0];
        double[] params = new double[Math.multiplyExact(n, paramIndex.length)];
        int blocks = (n + ROWS_PER_STREAM - 1) / ROWS_PER_STREAM;
        WorkSharing.run(blocks, threads, "prediction-sampler", () -> {
            double[] point = new double[catalog.size()];
            double[] out = new double[width];
            return block -> {
                int first = block * ROWS_PER_STREAM;
                int count = Math.min(ROWS_PER_STREAM, n - first);
                RowSource rows = source.open(block, first, count, point);
                for (int r = first; r < first + count; r++) {
                    if (progress != null && r > first && (r - first) % PROGRESS_STEP == 0) progress.accept(PROGRESS_STEP);
                    rows.fill(r);
                    ParameterValues p = catalog.point(point);
                    predictor.predict(p, newPhysics, out);
                    System.arraycopy(out, 0, values, r * width, width);
                    for (int k = 0; k < paramIndex.length; k++) {
                        params[r * paramIndex.length + k] = point[paramIndex[k]];
                    }
                }
                if (progress != null) progress.accept((count - 1) % PROGRESS_STEP + 1);
            };
        });
        List<String> pNames = new ArrayList<>();
        for (int k : paramIndex) pNames.add(catalog.info(k).name());
        return new PredictionSamples(columns(), values, pNames, params, n, seed);
    }
}
