package org.anomalia.gof.study;

import org.anomalia.gof.Seeds;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.gof.GofAnalysis;
import org.anomalia.numerics.stats.Significance;

/**
 * Rejection rates of every calibrated method on pseudo-experiments. Null pseudo-experiments are
 * fresh theory draws (never used in training) smeared with Λexp; each alternative reuses the same
 * experimental noise (and, for new-physics points, the same parameter draws), so the curves against
 * anomaly size are smooth and differences between sizes are not noise.
 */
public final class PowerStudy {
    public static final double ALPHA = 0.05;
    /** One-sided 3σ: p = 1.35·10⁻³. */
    public static final double ALPHA_3SIGMA = Significance.pFromZ(3);
    static final long NOISE_STREAM = 201;

    private PowerStudy() {}

    public static PowerResult run(CalibratedMethods methods, double[][] h0Theory, double[][] expCovariance, List<Alternative> alternatives,
                                  long seed, PrintStream log) {
        long t0 = System.nanoTime();
        int n = h0Theory.length;
        double[][] h0 = GofAnalysis.smear(h0Theory, expCovariance, "experimental covariance", Seeds.derive(seed, NOISE_STREAM));
        double[][] noise = new double[n][];
        for (int i = 0; i < n; i++) {
            noise[i] = h0[i].clone();
            for (int j = 0; j < noise[i].length; j++) noise[i][j] -= h0Theory[i][j];
        }
        Map<String, double[]> h0P = methods.pValues(h0);
        Map<String, SizeCheck> size = new LinkedHashMap<>();
        Map<String, RejectionRate> size3 = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : h0P.entrySet()) {
            size.put(e.getKey(), SizeCheck.of(e.getValue(), ALPHA));
            size3.put(e.getKey(), RejectionRate.of(e.getValue(), ALPHA_3SIGMA));
            SizeCheck s = size.get(e.getKey());
            log.printf("size of %s: %d/%d rejected at alpha = %.2f (99 %% binomial acceptance %d-%d: %s)%n", e.getKey(),
                    s.observed().rejected(), n, ALPHA, s.acceptLow(), s.acceptHigh(), s.passed() ? "ok" : "FAILED");
        }
        List<PowerResult.Point> points = new ArrayList<>();
        for (Alternative a : alternatives) {
            double[][] x = new double[n][];
            for (int i = 0; i < n; i++) {
                x[i] = (a.theory() != null ? a.theory()[i] : h0[i]).clone();
                double[] add = a.theory() != null ? noise[i] : a.shifts()[i];
                for (int j = 0; j < x[i].length; j++) x[i][j] += add[j];
            }
            Map<String, double[]> p = methods.pValues(x);
            Map<String, RejectionRate> atAlpha = new LinkedHashMap<>(), at3 = new LinkedHashMap<>();
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, double[]> e : p.entrySet()) {
                atAlpha.put(e.getKey(), RejectionRate.of(e.getValue(), ALPHA));
                at3.put(e.getKey(), RejectionRate.of(e.getValue(), ALPHA_3SIGMA));
                line.append(String.format(" %s %.3f", e.getKey(), atAlpha.get(e.getKey()).rate()));
            }
            log.printf("power at %s (Mahalanobis %.2f):%s%n", a.name(), a.mahalanobis(), line);
            points.add(new PowerResult.Point(a, atAlpha, at3));
        }
        return new PowerResult(seed, n, methods.labels(), size, size3, points, (System.nanoTime() - t0) / 1e9);
    }
}
