package org.anomalia.events.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calibrated generator ({@code --model lhco}) against the real LHCO R&D signal region: quantiles,
 * cut fractions and correlations of the real events, read from
 * testdata/events/lhco_signal_region_reference.csv (provenance there and in testdata/README.md).
 */
class CalibratedJetsTest {
    static final double[] QUANTILES = {0.1, 0.25, 0.5, 0.75, 0.9};
    static final String[] FEATURES = {"mj1", "delta_mj", "tau21_j1", "tau21_j2"};
    /** Allowed quantile offset, as a fraction of the real 10–90 % range of the feature. */
    static final double QUANTILE_TOLERANCE = 0.12;

    /** The real events' reference values, by "kind,class,name[,q]". */
    static Map<String, Double> reference;
    static double[][] realBackground;
    static double[][] realSignal;

    static Table background;
    static Table signal;

    @BeforeAll
    static void generate() throws IOException {
        reference = new HashMap<>();
        Path csv = Path.of(System.getProperty("anomalia.testdata", "../testdata"), "events", "lhco_signal_region_reference.csv");
        for (String line : Files.readAllLines(csv)) {
            if (line.startsWith("#") || line.startsWith("kind,")) continue;
            String[] f = line.split(",", -1);
            reference.put(f[0] + "," + f[1] + "," + f[2] + (f[3].isEmpty() ? "" : "," + f[3]), Double.parseDouble(f[4]));
        }
        realBackground = quantiles("background");
        realSignal = quantiles("signal");
        background = signalRegion(DijetModel.lhcoLike(600_000).withSignalToBackground(0), 11, 0);
        signal = signalRegion(DijetModel.lhcoLike(40_000).withSignalToBackground(10), 12, 1);
    }

    @Test
    void signalRegionQuantilesMatchTheRealEvents() {
        assertTrue(background.rows() > 40_000 && signal.rows() > 30_000, background.rows() + " / " + signal.rows());
        List<String> off = new ArrayList<>();
        off.addAll(misses("background", background, realBackground));
        off.addAll(misses("signal", signal, realSignal));
        assertTrue(off.isEmpty(), String.join("; ", off));
    }

    @Test
    void theToyMissesTheRealQuantilesSoTheCheckCanFail() {
        Table toyBackground = signalRegion(DijetModel.toy(600_000).withSignalToBackground(0), 11, 0);
        Table toySignal = signalRegion(DijetModel.toy(40_000).withSignalToBackground(10), 12, 1);
        assertTrue(misses("background", toyBackground, realBackground).size() >= 4);
        assertTrue(misses("signal", toySignal, realSignal).size() >= 4);
    }

    @Test
    void theRegionOfTheBestCutsHoldsTheRealFractions() {
        // background: about 100 generated events pass the tight cut (Poisson ±10 %); the model is 20 % low (README)
        double backgroundTight = real("fraction,background,tight");
        assertEquals(backgroundTight, fraction(background, true), 0.35 * backgroundTight);
        assertEquals(real("fraction,signal,box"), fraction(signal, false), 0.04);
        assertEquals(real("fraction,signal,tight"), fraction(signal, true), 0.04);
    }

    @Test
    void heavierBackgroundJetsLookMoreTwoProngedAsInTheRealEvents() {
        double[] heavy = heavierMass(background);
        assertEquals(real("correlation,background,heavy:tau21_j2"), correlation(heavy, background.column("tau21_j2")), 0.05);
        assertEquals(real("correlation,background,mj1:heavy"), correlation(background.column("mj1"), heavy), 0.05);
    }

    /** Per feature, the real quantiles of a class at QUANTILES. */
    private static double[][] quantiles(String cls) {
        double[][] out = new double[FEATURES.length][QUANTILES.length];
        for (int f = 0; f < FEATURES.length; f++) {
            for (int q = 0; q < QUANTILES.length; q++) {
                out[f][q] = real(String.format(java.util.Locale.ROOT, "quantile,%s,%s,%.2f", cls, FEATURES[f], QUANTILES[q]));
            }
        }
        return out;
    }

    private static double real(String key) {
        Double v = reference.get(key);
        if (v == null) throw new IllegalStateException("no reference value '" + key + "' in lhco_signal_region_reference.csv");
        return v;
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
