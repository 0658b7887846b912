package org.anomalia.gof.output;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.gof.GofResult;
import org.anomalia.gof.MarginalResult;
import org.anomalia.gof.StatisticResult;
import org.anomalia.gof.TailCalibration;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.anomalia.report.Table;

/** The side-by-side answer of a run as a table (terminal and report) and a few lines of verdicts. */
public final class GofSummary {
    private GofSummary() {}

    /** One row per method: its statistic at the data, p with interval, Z, and a note (headline, the marginal's ESS, the cross-check). */
    public static Table table(GofResult r) {
        Table t = new Table("method", "statistic", "p-value [95% CI]", "Z", "note");
        t.row("chi2 asymptotic (chi2(" + r.dof() + "))", fmt(r.chi2()), String.format("%.4g", r.pChi2Asymptotic()), z(r.zChi2Asymptotic()), "");
        t.row("Gaussian chi2, Monte Carlo", fmt(r.chi2()), r.chi2MonteCarlo().describe(), zOf(r.chi2MonteCarlo()),
                r.headline().method().equals("gaussian_mc") ? "headline" : "");
        for (StatisticResult s : r.statistics()) t.row(s.label(), fmt(s.observed()), s.pValue().describe(), zOf(s.pValue()), note(r, s));
        return t;
    }

    /** The table's note: which one is the headline, the marginal's ESS and adequacy, a learned model's cross-check. */
    static String note(GofResult r, StatisticResult s) {
        List<String> parts = new ArrayList<>();
        if (s.name().equals(r.headline().method())) parts.add("headline");
        if (r.marginal() != null && s == r.marginal().statistic()) {
            MarginalResult m = r.marginal();
            parts.add(String.format("ESS %.0f at the data, median %.0f over null points, %.0f over the tail: %s", m.essData(), m.essNullMedian(),
                    m.essTailMedian(), m.adequate() ? "adequate" : "TOO SMALL"));
        } else if (r.crossCheck().made()) {
            parts.add(r.crossCheck().disagreeing().contains(s.label()) ? "cross-check WARNING" : "cross-check ok");
        }
        return String.join("; ", parts);
    }

    /** The marginal's ESS at the data, over the null points and over the tail, and the adequacy verdict, as a sentence. */
    public static String essLine(MarginalResult m) {
        return String.format("Effective sample size: %.1f at the data, median %.1f over the %d null points, median %.1f over the tail beyond the data — %s.",
                m.essData(), m.essNullMedian(), m.essNull().length, m.essTailMedian(),
                m.adequate() ? "adequate" : "TOO SMALL: this p-value may be off; auto takes a learned model");
    }

    /** Calibration and tail checks, one line each. */
    public static List<String> checks(GofResult r) {
        List<String> lines = new ArrayList<>();
        for (StatisticResult s : r.statistics()) {
            lines.add(String.format("null calibration of %s: KS D = %.4f on %d held-out null samples (KS p = %.3g) %s",
                    s.label(), s.calibration().statistic(), s.calibration().n(), s.calibration().pValue(),
                    s.calibrationPassed() ? "ok" : "FAILED: held-out null p-values are not uniform; do not trust this p-value"));
        }
        for (StatisticResult s : r.statistics()) {
            if (Double.isNaN(s.excessOverGaussian())) continue;
            lines.add(String.format("null fit of %s: mean -log p %.3f vs Gaussian %.3f on the test split (%+.3f nats/row) %s",
                    s.label(), s.meanNull(), s.gaussianMeanNull(), s.excessOverGaussian(),
                    s.worseThanGaussian() ? "WARNING: the model describes the null worse than the Gaussian; train longer (--epochs) or use more --samples" : "ok"));
        }
        for (TailCalibration t : r.chi2Tails()) {
            lines.add(String.format("chi2(%d) tail at nominal %.3g: observed %.4g [%.3g, %.3g] of %d smeared null samples",
                    r.dof(), t.nominal(), t.observed(), t.interval().lower(), t.interval().upper(), t.n()));
        }
        if (r.marginal() != null) lines.add(r.marginal().essSummary());
        lines.addAll(r.crossCheck().lines());
        if (r.crossCheck().made()) lines.add(r.crossCheck().verdict());
        for (StatisticResult s : r.statistics()) {
            if (s.pValue().isBound()) {
                lines.add(String.format("%s: the data lie beyond all %d null samples; only p < %.3g is known, raise --samples for more",
                        s.label(), s.pValue().n(), s.pValue().pOrBound()));
            }
        }
        return lines;
    }

    /** The one answer: p with its interval, Z, the method and why it was chosen. */
    public static String headline(GofResult r) {
        var h = r.headline();
        return String.format("headline: p = %s, Z = %s from %s (%s)%s", h.pValue().describe(), zOf(h.pValue()), h.label(), h.reason(),
                r.crossCheck().warning() ? "; WARNING: a learned model disagrees with the marginal likelihood (see the cross-check)" : "");
    }

    private static String zOf(EmpiricalPValue p) {
        return (p.isBound() ? "> " : "") + z(p.z());
    }

    private static String z(double z) {
        return String.format("%.2f", z);
    }

    private static String fmt(double v) {
        return String.format("%.3f", v);
    }
}
