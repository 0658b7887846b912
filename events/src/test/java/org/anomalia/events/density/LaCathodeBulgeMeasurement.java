package org.anomalia.events.density;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement behind "where LaCATHODE's bulge in the window comes from" in the events README (not a check: run by
 * hand with -Danomalia.measure=lacathode-bulge; -Danomalia.measure.events=300000, .window=3.1,3.5, .seed=101).
 * Background-only generated events (the first toy), LaCATHODE --fast with XGBoost on one window, the cut thresholds set as
 * the scan sets them (the top fraction of the data outside the window, which are also the sideband flow's training
 * events), and the pass fractions of: the data outside (the fraction by construction), independent background outside
 * (differs if the flow's own training events score differently from new ones), independent background inside (the
 * classifier's response to the window's background), the data inside out of fold (what the scan counts), and the N(0, I)
 * draws out of fold (the template's estimate); and independent background scored by one fold model alone, as an
 * out-of-fold score is, instead of by the mean of the fold models.
 */
@EnabledIfSystemProperty(named = "anomalia.measure", matches = "lacathode-bulge")
public class LaCathodeBulgeMeasurement {
    private static final List<String> F = DijetGenerator.FEATURES;

    @Test
    void measure() {
        int events = Integer.getInteger("anomalia.measure.events", 300_000);
        long seed = Long.getLong("anomalia.measure.seed", 101);
        double[] w = Arrays.stream(System.getProperty("anomalia.measure.window", "3.1,3.5").split(",")).mapToDouble(Double::parseDouble).toArray();
        SignalRegion window = new SignalRegion("mjj", w[0], w[1]);
        Table data = new DijetGenerator(DijetModel.toy(events).withSignalToBackground(0)).generate(seed);
        Table independent = new DijetGenerator(DijetModel.toy(events).withSignalToBackground(0)).generate(seed + 1000);
        CathodeSettings s = new CathodeSettings(FlowSettings.fast().withProgress(false), ClassifierTrainer.named("xgboost", true).withProgress(false), 5, 4, 1);
        Table sr = window.inside(data), sb = window.sidebands(data, 0);
        long t0 = System.nanoTime();
        LaCathode.Result r = LaCathode.run(sr.toRows(F), sr.column("mjj"), sb.toRows(F), sb.column("mjj"), s, seed);
        System.out.printf(Locale.ROOT, "window %s, %d events (%d inside), seed %d: LaCATHODE --fast fitted in %.0f s%n", window, data.rows(), sr.rows(), seed,
                (System.nanoTime() - t0) / 1e9);
        double[] outside = r.score(sb.toRows(F), sb.column("mjj"));
        Table indIn = window.inside(independent), indOut = window.sidebands(independent, 0);
        double[] independentOutside = r.score(indOut.toRows(F), indOut.column("mjj"));
        double[] independentInside = r.score(indIn.toRows(F), indIn.column("mjj"));
        KFold.Result first = r.runs().get(0);
        double[] draws = Arrays.copyOfRange(first.outOfFold(), r.trainedRows(), r.trainedRows() + r.draws().length);
        // the same independent events scored by one fold model (as out-of-fold scores are), not by the mean of the five
        double[] oneModelInside = oneModel(r, indIn), oneModelOutside = oneModel(r, indOut);
        double[] sbMjj = sb.column("mjj"), indMjj = indOut.column("mjj");
        for (double kept : new double[] {0.1, 0.01}) {
            double t = threshold(outside, kept);
            System.out.printf(Locale.ROOT, "cut keeping %.3g of the data outside (threshold %.4g): pass fraction%n", kept, t);
            line("data outside (the flow's training events)", outside, t);
            line("independent background outside", independentOutside, t);
            line("independent background inside", independentInside, t);
            line("data inside, out of fold", r.dataScores(), t);
            line("N(0, I) draws, out of fold (template)", draws, t);
            line("independent outside, one fold model", oneModelOutside, t);
            line("independent inside, one fold model", oneModelInside, t);
            for (double lo = Math.floor((w[0] - 0.6) * 5) / 5; lo < w[1] + 0.6 - 1e-9; lo += 0.2) {
                System.out.printf(Locale.ROOT, "    mjj [%.1f, %.1f): data %s, independent %s%n", lo, lo + 0.2, binFraction(outside, sbMjj, lo, t),
                        binFraction(independentOutside, indMjj, lo, t));
            }
        }
    }

    /** Scores of the first run's first fold model alone, on the events' latents (those with one). */
    private static double[] oneModel(LaCathode.Result r, Table events) {
        double[][] z = r.density().latent(events.toRows(F), events.column("mjj"));
        List<float[]> rows = new java.util.ArrayList<>();
        for (double[] row : z) {
            if (Double.isNaN(row[0])) continue;
            float[] f = new float[row.length];
            for (int c = 0; c < f.length; c++) f[c] = (float) row[c];
            rows.add(f);
        }
        return r.runs().get(0).models().get(0).score(rows.toArray(new float[0][]));
    }

    private static double threshold(double[] score, double kept) {
        double[] sorted = score.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor((1 - kept) * sorted.length)];
    }

    private static void line(String what, double[] score, double t) {
        int pass = 0;
        for (double v : score) if (v >= t) pass++;
        double f = pass / (double) score.length;
        System.out.printf(Locale.ROOT, "  %-45s %7.4f ± %.4f (%d of %d)%n", what, f, Math.sqrt(f * (1 - f) / score.length), pass, score.length);
    }

    private static String binFraction(double[] score, double[] mjj, double lo, double t) {
        int n = 0, pass = 0;
        for (int i = 0; i < score.length; i++) {
            if (mjj[i] >= lo && mjj[i] < lo + 0.2) {
                n++;
                if (score[i] >= t) pass++;
            }
        }
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.4f (%d)", pass / (double) n, n);
    }
}
