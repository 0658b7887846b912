package org.anomalia.gof.output;

import java.util.List;
import org.anomalia.gof.CrossCheck;
import org.anomalia.gof.GofResult;
import org.anomalia.gof.MarginalResult;
import org.anomalia.gof.StatisticResult;
import org.anomalia.gof.TailCalibration;
import org.anomalia.numerics.stats.ChiSquared;
import org.anomalia.report.Figure;
import org.anomalia.report.Histogram;
import org.anomalia.report.HtmlReport;
import org.anomalia.report.Table;

/**
 * Builds report.html of a run: the headline answer and the cross-check verdict first, then the null
 * distribution of every statistic that ran (marginal likelihood with its effective sample sizes, flow,
 * VAE bounds, χ²) with the data marked and its p-value, the summary, the marginal's ESS over the null
 * points, the χ² tail calibration, pulls and training curves.
 */
public final class GofReport {
    private GofReport() {}

    public static HtmlReport build(GofResult r) {
        return build(r, null);
    }

    /** @param banner a status line shown first (for example UNBLINDED), or null */
    public static HtmlReport build(GofResult r, String banner) {
        HtmlReport html = new HtmlReport("Anomalia goodness of fit");
        if (banner != null) html.paragraph(banner);
        html.paragraph(String.format("%d observables, %d theory samples (%s), measurement %s, seed %d, experimental covariance × %s.",
                r.nObservables(), r.nSamples(), r.theorySource(), r.measurementSource(), r.seed(), r.expCovScale()));
        html.heading("Answer").paragraph(GofSummary.headline(r));
        CrossCheck check = r.crossCheck();
        String verdict = check.verdict();
        html.heading("Cross-check: " + check.status().toUpperCase(java.util.Locale.ROOT)).paragraph(verdict.substring(verdict.indexOf("— ") + 2));
        if (check.made()) html.preformatted(String.join("\n", check.lines()));

        // the checks without the cross-check's lines, shown above
        List<String> checks = GofSummary.checks(r).stream().filter(l -> !check.lines().contains(l) && !l.equals(verdict)).toList();
        html.heading("Summary").table(GofSummary.table(r)).preformatted(String.join("\n", checks));
        nullDistributions(html, r);
        if (r.marginal() != null) marginalSection(html, r);

        html.heading("Gaussian χ²: tail calibration against χ²(" + r.dof() + ")");
        html.figure(survivalFigure(r), "chi2_tail.png",
                "Tail probability P(χ² ≥ t): Monte Carlo against χ²(n). Where the curves part, asymptotic p-values are biased.");
        Table tails = new Table("nominal tail", "chi2 critical", "observed fraction", "95% CI", "n");
        for (TailCalibration t : r.chi2Tails()) {
            tails.row(String.format("%.3g", t.nominal()), String.format("%.2f", t.criticalChi2()), String.format("%.4g", t.observed()),
                    String.format("[%.3g, %.3g]", t.interval().lower(), t.interval().upper()), t.n());
        }
        html.table(tails);

        html.heading("Pulls of the data");
        html.figure(Figure.bars("(data − μth) / √(Λth + Λexp)", "pull", r.observables(), r.pulls()), "pulls.png",
                "Per-observable pull of the measurement against the mean of the theory samples, in units of the total standard deviation.");
        Table obs = new Table("observable", "measured", "theory mean", "theory σ", "exp σ", "pull");
        for (int i = 0; i < r.nObservables(); i++) {
            obs.row(r.observables().get(i), String.format("%.4f", r.measured()[i]), String.format("%.4f", r.theoryMean()[i]),
                    String.format("%.4f", r.theorySigma()[i]), String.format("%.4f", r.expSigma()[i]), String.format("%+.2f", r.pulls()[i]));
        }
        html.table(obs);

        if (r.history().epochs() > 0) {
            html.heading("Training");
            double[] epochs = new double[r.history().epochs()];
            for (int i = 0; i < epochs.length; i++) epochs[i] = i + 1;
            Figure loss = Figure.xy("training and validation loss", "epoch", "loss (−ELBO per row, standardized)")
                    .line("train", epochs, r.history().trainLoss());
            if (r.history().validationLoss().length == epochs.length) loss.line("validation", epochs, r.history().validationLoss());
            html.figure(loss, "training_loss.png", "Mean loss per epoch; weights of epoch " + (r.history().keptEpoch() + 1) + " were kept.");
        }
        html.heading("Timing").table(timing(r));
        return html;
    }

    /**
     * Every statistic that ran (marginal likelihood, flow, VAE bounds, χ² with its Monte Carlo null): its
     * null distribution as a histogram with the data's value marked, the p-value in the legend and the
     * caption; the marginal's effective sample sizes beside it.
     */
    private static void nullDistributions(HtmlReport html, GofResult r) {
        html.heading("Null distributions and the data");
        for (StatisticResult s : r.statistics()) {
            boolean marginal = r.marginal() != null && s == r.marginal().statistic();
            Histogram nh = histogramShowing(s.nullValues(), s.observed(), bins(s.nullValues().length));
            String caption = String.format("Null distribution of %s over %d %s; the vertical line is the data at %.3f, p = %s%s.",
                    s.label(), s.nullValues().length, marginal ? "smeared null points (all but the calibration split)" : "held-out smeared samples (test split)",
                    s.observed(), s.pValue().describe(), s.name().equals(r.headline().method()) ? " (the headline)" : "");
            if (marginal) caption += " " + GofSummary.essLine(r.marginal());
            html.figure(Figure.xy(s.label(), s.label(), "density").histogram(marginal ? "null points" : "null (test split)", nh, true)
                    .marker("data: p = " + s.pValue().describe(), s.observed()), "null_" + s.name() + ".png", caption);
        }
        Histogram h = histogramShowing(r.chi2Null(), r.chi2(), bins(r.chi2Null().length));
        double[] xs = grid(h.edges()[0], h.edges()[h.bins()], 300);
        double[] pdf = new double[xs.length];
        for (int i = 0; i < xs.length; i++) pdf[i] = ChiSquared.density(xs[i], r.dof());
        html.figure(Figure.xy("Gaussian χ² of smeared null samples", "χ²", "density").histogram("Monte Carlo", h, true)
                .line("χ²(" + r.dof() + ")", xs, pdf).marker("data: p = " + r.chi2MonteCarlo().describe(), r.chi2()), "chi2_distribution.png",
                String.format("Distribution of χ²(x′) over the smeared theory samples (the truth for this statistic) against the asymptotic χ²(n) density; "
                        + "the vertical line is the data at χ² = %.2f, Monte Carlo p = %s, asymptotic p = %.4g.", r.chi2(), r.chi2MonteCarlo().describe(),
                        r.pChi2Asymptotic()));
    }

    /** The marginal likelihood's effective sample sizes over the null points. */
    private static void marginalSection(HtmlReport html, GofResult r) {
        MarginalResult m = r.marginal();
        html.heading("Marginal likelihood: effective sample size");
        html.paragraph(String.format("−log p̂(x) = −log (1/M) Σᵢ N(x; xᵢ, Λexp) over M = %d theory samples (%s) that are disjoint from the null points. "
                + "ESS = (Σw)²/Σw² counts the integration points that carry p̂; its Monte Carlo error is about 1/√ESS in −log p̂. Kernel: %s path.",
                m.integrationSize(), m.integrationSource(), m.kernelPath()));
        double[] logEss = new double[m.essNull().length];
        for (int i = 0; i < logEss.length; i++) logEss[i] = Math.log10(Math.max(1, m.essNull()[i]));
        double dataLog = Math.log10(Math.max(1, m.essData()));
        html.figure(Figure.xy("ESS of the marginal likelihood over null points", "log10 ESS", "density")
                        .histogram("null points", histogramShowing(logEss, dataLog, bins(logEss.length)), true)
                        .marker("data", dataLog).marker("needed at the data", Math.log10(MarginalResult.MIN_ESS_DATA)),
                "marginal_ess.png", m.essSummary());
    }

    private static Figure survivalFigure(GofResult r) {
        double[] sorted = r.chi2Null().clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        int points = Math.min(n, 400);
        double[] t = new double[points], mc = new double[points], asym = new double[points];
        for (int k = 0; k < points; k++) {
            int i = (int) ((long) k * (n - 1) / Math.max(1, points - 1));
            t[k] = sorted[i];
            mc[k] = (double) (n - i) / n;
            asym[k] = ChiSquared.survival(sorted[i], r.dof());
        }
        return Figure.xy("tail probability", "t", "P(χ² ≥ t)").line("Monte Carlo", t, mc).line("χ²(" + r.dof() + ")", t, asym)
                .marker("data", r.chi2()).logY();
    }

    private static Table timing(GofResult r) {
        Table t = new Table("stage", "seconds");
        for (String k : List.of("sampling", "gaussian", "marginal", "training", "evaluation", "total")) {
            Double s = r.secondsPerStage().get(k);
            if (s != null) t.row(k, String.format("%.1f", s));
        }
        return t;
    }

    private static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = lo + (hi - lo) * i / (n - 1);
        return x;
    }

    /** About √n bins, between 20 and 80, so the histograms are neither empty nor blocky. */
    private static int bins(int n) {
        return (int) Math.max(20, Math.min(80, Math.round(Math.sqrt(n))));
    }

    /** A histogram of the values whose range also covers the observed value, so its marker is always on the plot. */
    private static Histogram histogramShowing(double[] values, double observed, int bins) {
        double lo = observed, hi = observed;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = 0.02 * (hi - lo) + 1e-12;
        return Histogram.of(values, bins, lo - pad, hi + pad);
    }
}
