package org.anomalia.events.injection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anomalia.events.scan.TemplateCalibration;
import org.anomalia.numerics.stats.KolmogorovSmirnov;
import org.anomalia.numerics.stats.Quantiles;
import org.anomalia.numerics.stats.Significance;

/**
 * The study's answers per method: at each injected S/B the median global significance with its 68 %
 * band (by toys and by Gross–Vitells), the median maximum local Z and the median local Z in the
 * windows holding the mass (the largest of them), and the fraction of datasets whose best
 * window holds the signal mass; at S/B = 0 the uniformity of the global p-values (exact one-sample
 * Kolmogorov–Smirnov p against U(0, 1)) and, for methods with a background template, how far that
 * template misses there ({@link TemplateCalibration}: the relative systematic per cut that later
 * scans can carry, empty without background-only datasets).
 *
 * <p>Global Z quantiles are taken of the p-values and turned into Z (the q-quantile of Z is the Z of
 * the (1 − q)-quantile of p): a p of 1 has Z = −∞, which the p-values carry without trouble. A
 * dataset without a best window (every fit or method failed) counts as p = 1 and as not containing
 * the mass, so failures lower the curve instead of vanishing from it.
 */
public record InjectionSummary(String method, String scope, List<Point> points, Uniformity nullToys, Uniformity nullGrossVitells,
                               List<TemplateCalibration.Cut> templateCalibration) {

    /** One injected S/B: medians and 68 % bands over its datasets. */
    public record Point(double sOverB, int datasets, int withoutBestWindow, Quantiles toyZ, Quantiles gvZ, Quantiles localZ, Quantiles localZAtMass, int containing,
                        double fractionContaining, double medianInjected) {
    }

    /** The background-only global p-values and their KS test against uniform (null when fewer than two datasets). */
    public record Uniformity(double[] pValues, KolmogorovSmirnov.Result ks) {
    }

    public static List<InjectionSummary> of(InjectionStudy.Result r) {
        List<InjectionSummary> out = new ArrayList<>();
        for (String m : r.methods()) {
            List<DatasetOutcome> mine = r.outcomes().stream().filter(o -> o.method().equals(m)).toList();
            List<Point> points = new ArrayList<>();
            Uniformity toys = null;
            Uniformity gv = null;
            List<TemplateCalibration.Cut> calibration = List.of();
            for (double sb : r.design().sOverB()) {
                List<DatasetOutcome> at = mine.stream().filter(o -> o.sOverB() == sb).toList();
                points.add(point(sb, at));
                if (sb == 0) {
                    toys = uniformity(at.stream().mapToDouble(o -> orOne(o.toyP())).toArray());
                    gv = uniformity(at.stream().mapToDouble(o -> orOne(o.gvP())).toArray());
                    calibration = TemplateCalibration.of(at.stream().map(DatasetOutcome::scan).toList());
                }
            }
            out.add(new InjectionSummary(m, mine.isEmpty() ? "" : mine.get(0).scope(), points, toys, gv, calibration));
        }
        return out;
    }

    static Point point(double sb, List<DatasetOutcome> at) {
        double[] toyP = at.stream().mapToDouble(o -> orOne(o.toyP())).toArray();
        double[] gvP = at.stream().mapToDouble(o -> orOne(o.gvP())).toArray();
        double[] local = at.stream().filter(DatasetOutcome::hasBestWindow).mapToDouble(DatasetOutcome::localZ).toArray();
        double[] atMass = at.stream().mapToDouble(DatasetOutcome::localZAtMass).filter(z -> !Double.isNaN(z)).toArray();
        int containing = (int) at.stream().filter(DatasetOutcome::containsSignalMass).count();
        int without = (int) at.stream().filter(o -> !o.hasBestWindow()).count();
        double injected = Quantiles.band68(at.stream().mapToDouble(DatasetOutcome::signalEventsInjected).toArray()).median();
        return new Point(sb, at.size(), without, zOfP(toyP), zOfP(gvP), Quantiles.band68(local), Quantiles.band68(atMass), containing, (double) containing / at.size(), injected);
    }

    /** Median and 68 % band of Z from the p-values: Z's q-quantile is the Z of p's (1 − q)-quantile. */
    static Quantiles zOfP(double[] p) {
        double[] s = p.clone();
        Arrays.sort(s);
        return new Quantiles(Significance.zFromP(Quantiles.at(s, 0.5)), Significance.zFromP(Quantiles.at(s, Quantiles.HIGH_68)),
                Significance.zFromP(Quantiles.at(s, Quantiles.LOW_68)));
    }

    private static Uniformity uniformity(double[] p) {
        return p.length < 2 ? null : new Uniformity(p, KolmogorovSmirnov.testUniform(p));
    }

    private static double orOne(double p) {
        return Double.isNaN(p) ? 1 : p;
    }
}
