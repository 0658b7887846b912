package org.anomalia.events.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.method.FittedMethod;
import org.anomalia.events.method.Window;
import org.anomalia.events.method.WindowMethod;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.random.Seeds;
import org.anomalia.numerics.stats.CountingSignificance;

/**
 * One window of the scan, start to end: fit the method on the window (its own k folds score every
 * data event out of fold where it trained on it), cut on the score, and for each cut fit the
 * post-cut spectrum outside the window and compare the window's count with the prediction.
 *
 * <p>The threshold of a cut keeping a fraction ε is the score that ε of the events <em>outside</em>
 * the window (within the fitted range) reach; events with score ≥ threshold pass, everywhere. The
 * events in the window never set their own threshold (an excess cannot pull it), and one threshold
 * for the whole spectrum keeps the post-cut spectrum a smooth function wherever the score does not
 * respond to a signal, so the fit outside the window still predicts inside it.
 *
 * <p>A method that fails on the window with a user error (a flow whose training diverges) leaves
 * every cut of that window without numbers and with the warning "method-failed: …"; the scan goes on.
 */
public final class WindowAnalysis implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Table data;
    private final String resonant;
    private final List<String> features;
    private final String label;
    private final WindowMethod method;
    private final ScanSettings settings;
    private final SpectrumFit fit;

    /**
     * @param data events within the fitted range
     * @param label truth label column used only to count signal in the window (null = none)
     */
    public WindowAnalysis(Table data, String resonant, List<String> features, String label, WindowMethod method, ScanSettings settings) {
        this.data = data;
        this.resonant = resonant;
        this.features = features;
        this.label = label;
        this.method = method;
        this.settings = settings;
        this.fit = new SpectrumFit(settings.binning(), settings.sqrtS());
    }

    public WindowOutcome run(ScanWindow w) {
        long start = System.nanoTime();
        Binning bins = settings.binning();
        double[] m = data.column(resonant);
        Window window = new Window(data, new SignalRegion(resonant, w.low(), w.high()), features);
        double[] scores;
        double[] template;
        TemplateClosure closure = null;
        try {
            FittedMethod fitted = method.fit(window, settings.windowSeed(w.index()));
            scores = fitted.dataScores(FittedMethod.all(data.rows()));
            template = fitted.templateScores();
            if (template != null && settings.template().closure()) {
                long seed = Seeds.derive(settings.windowSeed(w.index()), "template closure");
                closure = TemplateClosure.draw(fitted, bins, m, w, template.length, seed);
            }
        } catch (UserException e) {
            // a method that fails on one window (a flow that diverges) costs that window, not the scan
            return failed(w, "method-failed: " + e.getMessage(), start);
        }
        double[] truth = label != null && data.has(label) ? data.column(label) : null;
        boolean[] use = new boolean[bins.bins()];
        for (int i = 0; i < use.length; i++) use[i] = !w.covers(bins, i);
        boolean[] outside = new boolean[m.length];
        boolean[] inside = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            int b = bins.index(m[i]);
            outside[i] = b >= 0 && !w.covers(bins, b);
            inside[i] = b >= w.fromBin() && b < w.toBin();
        }
        // the template estimate scales the window's background before any cut
        double[] before = null;
        if (template != null) {
            FitOrder.Selection s0 = FitOrder.select(fit, bins.histogram(m, null), use, settings.alpha());
            before = s0.chosen().converged() ? s0.chosen().sum(w.fromBin(), w.toBin()) : null;
        }
        // sorted once per window, each cut then reads its threshold off by rank
        double[] outsideAscending = sortedWhere(scores, outside);
        double[] templateAscending = template == null ? null : sortedWhere(template, FittedMethod.all(template.length));
        List<CutOutcome> out = new ArrayList<>();
        for (int c = 0; c < settings.cuts().length; c++) {
            double kept = settings.cuts()[c];
            double threshold = topFraction(outsideAscending, kept);
            boolean[] pass = new boolean[m.length];
            double signal = truth == null ? -1 : 0;
            for (int i = 0; i < m.length; i++) {
                pass[i] = scores[i] >= threshold;
                if (truth != null && pass[i] && inside[i] && truth[i] == 1) signal++;
            }
            double[] counts = bins.histogram(m, pass);
            TemplateEstimate t = template == null ? null
                    : template(topFraction(templateAscending, kept), settings.template(), c, template, closure, scores, inside, truth, before);
            out.add(cut(w, kept, threshold, counts, use, t, signal));
        }
        return new WindowOutcome(w, out, (System.nanoTime() - start) / 1e9);
    }

    private WindowOutcome failed(ScanWindow w, String warning, long start) {
        List<CutOutcome> out = new ArrayList<>();
        double[] noP = new double[DijetFunction.MAX_ORDER + 1];
        Arrays.fill(noP, Double.NaN);
        for (double kept : settings.cuts()) {
            out.add(new CutOutcome(kept, Double.NaN, null, 0, null, Double.NaN, 0, noP, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null,
                    null, null, -1, List.of(warning)));
        }
        return new WindowOutcome(w, out, (System.nanoTime() - start) / 1e9);
    }

    /** The score reached by a fraction {@code kept} of the out-of-window events (−∞ for kept = 1: no cut). */
    static double threshold(double[] scores, boolean[] outside, double kept) {
        return topFraction(sortedWhere(scores, outside), kept);
    }

    /** The scores of the selected rows, ascending. */
    private static double[] sortedWhere(double[] scores, boolean[] rows) {
        int n = 0;
        for (boolean r : rows) if (r) n++;
        double[] s = new double[n];
        int k = 0;
        for (int i = 0; i < scores.length; i++) if (rows[i]) s[k++] = scores[i];
        Arrays.sort(s);
        return s;
    }

    /**
     * The score reached by a fraction {@code kept} of ascending scores: the ⌈kept·n⌉-th largest
     * (−∞ for kept = 1: no cut; +∞ when that is none).
     */
    private static double topFraction(double[] ascending, double kept) {
        if (kept >= 1) return Double.NEGATIVE_INFINITY;
        int rank = (int) Math.ceil(kept * ascending.length);
        return rank <= 0 ? Double.POSITIVE_INFINITY : ascending[ascending.length - rank];
    }

    private static double countIn(ScanWindow w, double[] counts) {
        double n = 0;
        for (int i = w.fromBin(); i < w.toBin(); i++) n += counts[i];
        return n;
    }

    /**
     * The template estimate of one cut, corrected by its closure next to the window or by the scale and systematic
     * calibrated on simulation (see {@link TemplateEstimate}, {@link TemplateCorrection}).
     * Its threshold keeps the cut's fraction of the window's template, so the cut's background
     * efficiency in the window is what the cut says; it is set by the method's samples, never by the data.
     */
    private static TemplateEstimate template(double threshold, TemplateCorrection correction, int cut, double[] template, TemplateClosure closure,
            double[] scores, boolean[] inside, double[] truth, double[] before) {
        double n = 0, signal = truth == null ? -1 : 0;
        for (int i = 0; i < scores.length; i++) {
            if (inside[i] && scores[i] >= threshold) {
                n++;
                if (truth != null && truth[i] == 1) signal++;
            }
        }
        double eff = (double) TemplateClosure.passing(template, threshold) / template.length;
        TemplateClosure.Ratio r = closure != null ? closure.at(scores, threshold)
                : correction.closure() ? TemplateClosure.Ratio.MISSING : TemplateClosure.Ratio.NONE;
        double b = Double.NaN, sb = Double.NaN, z = Double.NaN;
        if (before != null && Double.isFinite(r.r())) {
            b = correction.scale(cut) * r.r() * eff * before[0];
            // relative errors of the pre-cut fit, the template's efficiency, the closure and the calibrated systematic, in quadrature
            double rel = Math.pow(before[1] / before[0], 2) + TemplateClosure.relBinomial(eff, template.length) + Math.pow(r.sigma() / r.r(), 2)
                    + Math.pow(correction.systematic(cut), 2);
            sb = b * Math.sqrt(rel);
            z = b > 0 ? CountingSignificance.profile(n, b, sb) : Double.NaN;
        }
        return new TemplateEstimate(threshold, n, eff, r, b, sb, z, signal);
    }

    private CutOutcome cut(ScanWindow w, double kept, double threshold, double[] counts, boolean[] use, TemplateEstimate template, double signal) {
        List<String> warnings = new ArrayList<>();
        FitOrder.Selection sel = FitOrder.select(fit, counts, use, settings.alpha());
        FitResult r = sel.chosen();
        double n = countIn(w, counts);
        double b = Double.NaN, sb = Double.NaN, z = Double.NaN;
        if (r.converged()) {
            double[] bs = r.sum(w.fromBin(), w.toBin());
            b = bs[0];
            sb = bs[1];
            z = b > 0 ? CountingSignificance.profile(n, b, sb) : Double.NaN;
            if (!(b > 0)) warnings.add("fit-zero-background: the fit predicts no background in the window");
        } else {
            warnings.add(r.warning());
        }
        for (FitResult t : sel.tried()) {
            if (t != r && t.warning() != null && t.order() < r.order()) warnings.add("lower order skipped, " + t.warning());
        }
        if (template != null && !Double.isFinite(template.closure().r())) {
            warnings.add(String.format(java.util.Locale.ROOT, "template-no-closure: next to the window %.3g of the data and %.3g of the"
                    + " sampled background pass the cut, so the template cannot be checked there; no template estimate",
                    template.closure().data(), template.closure().template()));
        } else if (template != null && Double.isNaN(template.b())) {
            warnings.add("template-no-prefit: the fit before the cut failed, so the template estimate has no scale");
        }
        boolean[] all = new boolean[counts.length];
        Arrays.fill(all, true);
        FitResult whole = FitOrder.select(fit, counts, all, settings.alpha()).chosen();
        if (!whole.converged()) warnings.add("background-only " + whole.warning());
        return new CutOutcome(kept, threshold, counts, r.order(), r.parameters(), r.deviance(), r.degreesOfFreedom(), sel.fTestP(), n, b, sb, z,
                r.expected(), template, whole.converged() ? whole.expected() : null, signal, List.copyOf(warnings));
    }
}
