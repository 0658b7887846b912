package org.anomalia.gof.output;

import java.util.List;
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
 * Builds report.html of a run: the headline answer, summary, the marginal likelihood's effective
 * sample sizes and the cross-check, the χ² bias plots, the null distributions of the marginal and
 * learned statistics with the data marked, pulls and training curves.
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
        html.heading("Summary").table(GofSummary.table(r)).preformatted(String.join("\n", GofSummary.checks(r)));
        if (r.marginal() != null) marginalSection(html, r);

        html.heading("Gaussian χ²: Monte Carlo distribution against χ²(" + r.dof() + ")");
        Histogram h = histogramShowing(r.chi2Null(), r.chi2(), bins(r.chi2Null().length));
        double[] xs = grid(h.edges()[0], h.edges()[h.bins()], 300);
        double[] pdf = new double[xs.length];
        for (int i = 0; i < xs.length; i++) pdf[i] = ChiSquared.density(xs[i], r.dof());
        html.figure(Figure.xy("χ² of smeared null samples", "χ²", "density").histogram("Monte Carlo", h, true)
                .line("χ²(" + r.dof() + ")", xs, pdf).marker("data", r.chi2()), "chi2_distribution.png",
                "Distribution of χ²(x′) over the smeared theory samples (the truth for this statistic) against the asymptotic χ²(n) density; the vertical line is the data.");
        html.figure(survivalFigure(r), "chi2_tail.png",
                "Tail probability P(χ² ≥ t): Monte Carlo against χ²(n). Where the curves part, asymptotic p-values are biased.");
        Table tails = new Table("nominal tail", "chi2 critical", "observed fraction", "95% CI", "n");
        for (TailCalibration t : r.chi2Tails()) {
            tails.row(String.format("%.3g", t.nominal()), String.format("%.2f", t.criticalChi2()), String.format("%.4g", t.observed()),
                    String.format("[%.3g, %.3g]", t.interval().lower(), t.interval().upper()), t.n());
        }
        html.table(tails);

        for (StatisticResult s : r.statistics()) {
            html.heading(s.label() + ": null distribution");
            Histogram nh = histogramShowing(s.nullValues(), s.observed(), bins(s.nullValues().length));
            html.figure(Figure.xy(s.label() + " on the test split", s.label(), "density").histogram("null (test split)", nh, true)
                    .marker("data", s.observed()), "null_" + s.name() + ".png",
                    String.format("Null distribution of %s over %d held-out smeared samples; data at %.3f, p = %s.",
                            s.label(), s.nullValues().length, s.observed(), s.pValue().describe()));
        }

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

    /** The marginal likelihood's effective sample sizes and the cross-check verdict. */
    private static void marginalSection(HtmlReport html, GofResult r) {
        MarginalResult m = r.marginal();
        html.heading("Marginal likelihood: effective sample size and cross-check");
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
        html.preformatted(String.join("\n", r.crossCheck().lines()));
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
