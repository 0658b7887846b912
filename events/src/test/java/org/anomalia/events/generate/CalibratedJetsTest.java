package org.anomalia.events.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anomalia.data.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calibrated generator ({@code --model lhco}) against the real LHCO R&D signal region.
 * Reference numbers: measured on ../shared/data/lhco-rnd-signal-region (CATHODE's preparation of
 * the LHC Olympics 2020 R&D set, Zenodo 4536377 / 5759087), 3.3 < mjj < 3.7 TeV, with the truth
 * labels: background = the 161352 label-0 rows of innerdata_train, innerdata_test and
 * evaldata_test; signal = the 74527 rows of innerdata_extrasig (numpy.quantile, linear).
 */
class CalibratedJetsTest {
    static final double[] QUANTILES = {0.1, 0.25, 0.5, 0.75, 0.9};
    static final String[] FEATURES = {"mj1", "delta_mj", "tau21_j1", "tau21_j2"};
    /** Real background: per feature, the quantiles above. */
    static final double[][] REAL_BACKGROUND = {
        {0.0490, 0.0698, 0.1076, 0.1719, 0.2610},
        {0.0202, 0.0526, 0.1259, 0.2506, 0.3984},
        {0.3270, 0.4621, 0.6000, 0.7101, 0.7928},
        {0.2130, 0.3321, 0.4912, 0.6282, 0.7272}};
    /** Real signal (W' → X(500 GeV) Y(100 GeV)). */
    static final double[][] REAL_SIGNAL = {
        {0.0944, 0.1010, 0.1105, 0.1289, 0.1748},
        {0.2285, 0.3426, 0.3834, 0.4115, 0.4416},
        {0.1990, 0.2736, 0.3799, 0.4982, 0.5967},
        {0.0808, 0.1191, 0.1891, 0.3050, 0.4481}};
    /**
     * Where the idealized detector's best cuts sit: 0.085 < mj1 < 0.15, 0.44 < mj1 + delta_mj < 0.57
     * ("box"), and in it tau21_j2 < 0.3 and tau21_j1 < 0.45 ("tight"). Real fractions of each class.
     */
    static final double REAL_BACKGROUND_TIGHT = 0.002095;
    static final double REAL_SIGNAL_BOX = 0.6814;
    static final double REAL_SIGNAL_TIGHT = 0.3870;
    /** Allowed quantile offset, as a fraction of the real 10–90 % range of the feature. */
    static final double QUANTILE_TOLERANCE = 0.12;

    static Table background;
    static Table signal;

    @BeforeAll
    static void generate() {
        background = signalRegion(DijetModel.lhcoLike(600_000).withSignalToBackground(0), 11, 0);
        signal = signalRegion(DijetModel.lhcoLike(40_000).withSignalToBackground(10), 12, 1);
    }

    @Test
    void signalRegionQuantilesMatchTheRealEvents() {
        assertTrue(background.rows() > 40_000 && signal.rows() > 30_000, background.rows() + " / " + signal.rows());
        List<String> off = new ArrayList<>();
        off.addAll(misses("background", background, REAL_BACKGROUND));
        off.addAll(misses("signal", signal, REAL_SIGNAL));
        assertTrue(off.isEmpty(), String.join("; ", off));
    }

    @Test
    void theToyMissesTheRealQuantilesSoTheCheckCanFail() {
        Table toyBackground = signalRegion(DijetModel.toy(600_000).withSignalToBackground(0), 11, 0);
        Table toySignal = signalRegion(DijetModel.toy(40_000).withSignalToBackground(10), 12, 1);
        assertTrue(misses("background", toyBackground, REAL_BACKGROUND).size() >= 4);
        assertTrue(misses("signal", toySignal, REAL_SIGNAL).size() >= 4);
    }

    @Test
    void theRegionOfTheBestCutsHoldsTheRealFractions() {
        // background: about 100 generated events pass the tight cut (Poisson ±10 %); the model is 20 % low (README)
        assertEquals(REAL_BACKGROUND_TIGHT, fraction(background, true), 0.35 * REAL_BACKGROUND_TIGHT);
        assertEquals(REAL_SIGNAL_BOX, fraction(signal, false), 0.04);
        assertEquals(REAL_SIGNAL_TIGHT, fraction(signal, true), 0.04);
    }

    @Test
    void heavierBackgroundJetsLookMoreTwoProngedAsInTheRealEvents() {
        // real: Pearson correlation of mj1 + delta_mj with tau21_j2 -0.524, of mj1 with mj1 + delta_mj 0.500
        double[] heavy = heavierMass(background);
        assertEquals(-0.524, correlation(heavy, background.column("tau21_j2")), 0.05);
        assertEquals(0.500, correlation(background.column("mj1"), heavy), 0.05);
    }

    private static Table signalRegion(DijetModel model, long seed, int label) {
        Table t = new DijetGenerator(model).generate(seed);
        double[] mjj = t.column("mjj");
        double[] l = t.column("label");
        boolean[] keep = new boolean[mjj.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = mjj[i] > model.srLow() && mjj[i] < model.srHigh() && l[i] == label;
        }
        return t.filter(keep);
    }

    /** Every quantile further from the real one than the tolerance, described. */
    private static List<String> misses(String what, Table t, double[][] real) {
        List<String> out = new ArrayList<>();
        for (int f = 0; f < FEATURES.length; f++) {
            double[] v = t.column(FEATURES[f]).clone();
            Arrays.sort(v);
            double span = real[f][QUANTILES.length - 1] - real[f][0];
            for (int q = 0; q < QUANTILES.length; q++) {
                double g = quantile(v, QUANTILES[q]);
                if (Math.abs(g - real[f][q]) > QUANTILE_TOLERANCE * span) {
                    out.add(String.format("%s %s q%.2f: %.4f vs real %.4f", what, FEATURES[f], QUANTILES[q], g, real[f][q]));
                }
            }
        }
        return out;
    }

    /** numpy's linear quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static double fraction(Table t, boolean tight) {
        double[] m1 = t.column("mj1");
        double[] heavy = heavierMass(t);
        double[] t1 = t.column("tau21_j1");
        double[] t2 = t.column("tau21_j2");
        int n = 0;
        for (int i = 0; i < m1.length; i++) {
            boolean box = m1[i] > 0.085 && m1[i] < 0.15 && heavy[i] > 0.44 && heavy[i] < 0.57;
            if (box && (!tight || (t2[i] < 0.3 && t1[i] < 0.45))) {
                n++;
            }
        }
        return (double) n / m1.length;
    }

    private static double[] heavierMass(Table t) {
        double[] m1 = t.column("mj1");
        double[] d = t.column("delta_mj");
        double[] h = new double[m1.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = m1[i] + d[i];
        }
        return h;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
