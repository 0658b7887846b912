package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.method.AnodeMethod;
import org.anomalia.events.method.BumpHuntMethod;
import org.anomalia.events.method.CathodeMethod;
import org.anomalia.events.method.CwolaMethod;
import org.anomalia.events.method.IdealizedMethod;
import org.anomalia.events.method.LaCathodeMethod;
import org.anomalia.events.method.RanodeMethod;
import org.anomalia.events.method.WindowMethod;
import org.anomalia.events.scan.Binning;
import org.anomalia.events.scan.ScanSettings;
import org.anomalia.events.scan.ScanWindow;
import org.anomalia.events.scan.ScanWindows;
import org.anomalia.events.scan.TemplateCorrection;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Option;

/**
 * The options of a spectrum scan (add with {@code @Mixin}): the method trained per window, the
 * binned and fitted range, the windows, the cuts, the dijet fit and the toys. {@code events scan}
 * uses them and every command that runs scans, so that a scan is asked for the same way everywhere;
 * the data, seed and output stay with the command.
 */
final class ScanOptions {
    @Option(names = "--method", defaultValue = "bumphunt",
            description = "bumphunt, cwola, cathode, lacathode, anode, ranode, or idealized (simulation only: against a pure-background sample) (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--range", split = ",", paramLabel = "LOW,HIGH", description = "Range of the resonant variable that is binned and fitted (default: the data's, widened to whole bins).")
    List<Double> range;

    @Option(names = "--bin-width", defaultValue = "0.02", description = "Bin width of the fitted spectrum; windows snap to its edges (default ${DEFAULT-VALUE}).")
    double binWidth;

    @Option(names = "--sqrt-s", defaultValue = "13", description = "Centre-of-mass energy in the resonant variable's units, x = m/sqrt(s) (default ${DEFAULT-VALUE}).")
    double sqrtS;

    @Option(names = "--window-width", defaultValue = "0.4", description = "Window width (linear) or width / lower edge (--spacing log) (default ${DEFAULT-VALUE}).")
    double windowWidth;

    @Option(names = "--window-step", description = "Step between windows, same units as the width (default: half the width).")
    Double windowStep;

    @Option(names = "--spacing", defaultValue = "linear", description = "linear or log (default ${DEFAULT-VALUE}).")
    String spacing;

    @Option(names = "--staggered", defaultValue = "1", description = "Grids offset by step/K from each other, overlapping (default ${DEFAULT-VALUE}).")
    int staggered;

    @Option(names = "--scan-range", split = ",", paramLabel = "LOW,HIGH", description = "Where the windows go (default: the fitted range less one window width at each end).")
    List<Double> scanRange;

    @Option(names = "--windows", split = ",", paramLabel = "LOW:HIGH", description = "An explicit list of windows instead of a grid, e.g. 3.3:3.7,3.5:3.9.")
    List<String> windows;

    @Option(names = "--cuts", split = ",", defaultValue = "0.1,0.01,0.001", description = "Fractions of events kept by score (default ${DEFAULT-VALUE}; bumphunt: no cut).")
    double[] cuts;

    @Option(names = "--closure", defaultValue = "sides",
            description = "Template estimate: sides = corrected by its closure one window width each side (default); none = not (use with the calibration below).")
    String closure;

    @Option(names = "--template-scale", split = ",", paramLabel = "K",
            description = "Factor on the template estimate per cut (one per --cuts), as a background-only scan-study of a simulation as hard as the data"
                    + " measures it (template_systematic_from_background_only); default 1.")
    double[] templateScale;

    @Option(names = "--template-systematic", split = ",", paramLabel = "DELTA",
            description = "Relative error per cut added to the template estimate's σ_b (one per --cuts), measured the same way; default none.")
    double[] templateSystematic;

    @Option(names = "--toys", defaultValue = "200", description = "Background-only toys for the global significance (default ${DEFAULT-VALUE}).")
    int toys;

    @Option(names = "--gv-level", defaultValue = "1", description = "Reference level z0 of the Gross-Vitells upcrossings (default ${DEFAULT-VALUE}).")
    double gvLevel;

    @Option(names = "--f-test-alpha", defaultValue = "0.05", description = "Add a fit parameter when its F-test p-value is below this (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-sideband-events", defaultValue = "50", description = "Fewest events each sideband of a window (one window width wide) must hold (default ${DEFAULT-VALUE}).")
    int minSideband;

    @Option(names = "--classifier", defaultValue = "xgboost", description = "xgboost or mlp (default ${DEFAULT-VALUE}: on the LHCO split its 5-fold ensemble matches scikit-learn's HistGradientBoosting; the MLP trails in the far tail).")
    String classifier;

    @Option(names = "--fast", description = "Quick presets: flow 5x64, 15 epochs; with --classifier mlp, 20 epochs, batch 256.")
    boolean fast;

    @Option(names = "--folds", defaultValue = "5", description = "k-fold models per window; every trained event is scored out of fold (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--oversampling", defaultValue = "4", description = "CATHODE background samples per signal-region event (default ${DEFAULT-VALUE}).")
    int oversampling;

    @Option(names = "--runs", defaultValue = "1", description = "CATHODE/LaCATHODE: independent draw-and-classify runs per window whose scores are averaged (default ${DEFAULT-VALUE}).")
    int runs;

    /** The options that need no data, checked (call before reading anything); --sr is refused, the scan places its own windows. */
    void check(EventsInputs inputs) {
        if (inputs.sr != null) throw new UserException("--sr: the scan places its own windows; use --windows LOW:HIGH or --window-width/--window-step");
        check();
    }

    /** The options that need no data, checked (for commands without {@link EventsInputs}, such as scan-study, which generates its data). */
    void check() {
        if (!spacing.equals("linear") && !spacing.equals("log")) throw new UserException("--spacing must be linear or log, got " + spacing);
        if (!closure.equals("sides") && !closure.equals("none")) throw new UserException("--closure must be sides or none, got " + closure);
        if (range != null && range.size() != 2) throw new UserException("--range takes LOW,HIGH, got " + range);
        if (scanRange != null && scanRange.size() != 2) throw new UserException("--scan-range takes LOW,HIGH, got " + scanRange);
        if (windows != null && (scanRange != null || windowStep != null)) throw new UserException("--windows is a list; drop --scan-range and --window-step");
    }

    /** The method trained in every window (a user error for an unknown one, bad --folds or --classifier). */
    WindowMethod method(EventsInputs inputs, EventsDensityOptions density) {
        return method(method, inputs.weight, density);
    }

    /** The method called {@code name} (the study asks for several), classifiers weighting events by the {@code weight} column (null = none). */
    WindowMethod method(String name, String weight, EventsDensityOptions density) {
        switch (name) {
            case "bumphunt":
                return new BumpHuntMethod();
            case "cwola":
                return new CwolaMethod(trainer(), folds, density.sidebandWidth, weight);
            case "cathode": {
                FlowSettings f = quiet(density.flow(fast));
                return new CathodeMethod(new CathodeSettings(f, trainer(), folds, oversampling, runs), density.sidebandWidth);
            }
            case "anode":
                return new AnodeMethod(quiet(density.flow(fast)), density.sidebandWidth);
            case "lacathode": {
                FlowSettings f = quiet(density.flow(fast));
                return new LaCathodeMethod(new CathodeSettings(f, trainer(), folds, oversampling, runs), density.sidebandWidth);
            }
            case "ranode":
                return new RanodeMethod(EventsRanodeCommand.settings(density, fast, null, 0.01, false), density.sidebandWidth);
            case "idealized": // its pure-background sample comes from the caller (--background, or the study's generator)
                return new IdealizedMethod(trainer(), folds, weight, null);
            default:
                throw new UserException("--method must be bumphunt, cwola, cathode, lacathode, anode, ranode or idealized, got " + name);
        }
    }

    /** The fractions of events the cuts keep: all of them for the bump hunt, which has no score. */
    double[] kept(WindowMethod m) {
        return m instanceof BumpHuntMethod ? new double[] {1} : cuts;
    }

    /** The method's features (none for the bump hunt); never the resonant variable, whose spectrum the scan fits after the cuts. */
    List<String> features(EventsInputs inputs, Table d, WindowMethod m) {
        List<String> features = m instanceof BumpHuntMethod ? List.of() : inputs.features(d);
        if (features.contains(inputs.resonant)) {
            throw new UserException("--features must not contain the resonant variable '" + inputs.resonant + "': the scan cuts on the score and fits its spectrum");
        }
        return features;
    }

    /**
     * The binned and fitted range: --range, else the data's, widened to whole multiples of the bin
     * width (so that edges are round numbers). A user error for a non-finite resonant value.
     */
    Binning binning(Table d, String resonant, Path data) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : d.column(resonant)) {
            if (!Double.isFinite(x)) throw new UserException(data + ": column '" + resonant + "' holds " + x + "; remove such events");
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double rLo = range != null ? range.get(0) : round(Math.floor(lo / binWidth + 1e-9) * binWidth);
        double rHi = range != null ? range.get(1) : round((Math.floor(hi / binWidth + 1e-9) + 1) * binWidth);
        return Binning.ofWidth(rLo, rHi, binWidth);
    }

    /** The binned and fitted range when the data's range is known in advance (generated data): --range, else [low, high). */
    Binning binning(double low, double high) {
        return Binning.ofWidth(range != null ? range.get(0) : low, range != null ? range.get(1) : high, binWidth);
    }

    /** The scan's settings over the given bins; --template-systematic only where the method has a template to carry it. */
    ScanSettings settings(Binning bins, double[] kept, long seed, boolean template) {
        TemplateCorrection t = new TemplateCorrection(closure.equals("sides"), templateScale, templateSystematic);
        if (!template && (t.calibrated() || !t.closure())) {
            throw new UserException("--closure, --template-scale and --template-systematic are only for methods with a background template"
                    + " (cathode, lacathode, idealized)");
        }
        return new ScanSettings(bins, sqrtS, alpha, kept, minSideband, 0, toys, gvLevel, seed, template ? t : TemplateCorrection.CLOSURE);
    }

    /** The windows: the --windows list, else the grid (default: the fitted range less one window width at each end). */
    List<ScanWindow> windows(Binning bins) {
        if (windows != null) return ScanWindows.list(bins, windows);
        double step = windowStep != null ? windowStep : windowWidth / 2;
        boolean log = spacing.equals("log");
        double rLo = bins.low(), rHi = bins.high();
        double start = scanRange != null ? scanRange.get(0) : (log ? rLo * (1 + windowWidth) : rLo + windowWidth);
        double end = scanRange != null ? scanRange.get(1) : (log ? rHi / (1 + windowWidth) : rHi - windowWidth);
        return ScanWindows.grid(bins, start, end, windowWidth, step, log, staggered);
    }

    private static double round(double v) {
        return Math.rint(v * 1e9) / 1e9;
    }

    /** Windows train side by side: their progress bars would interleave, so the scan reports whole lines per window instead. */
    private static FlowSettings quiet(FlowSettings f) {
        return f.withProgress(false);
    }

    private ClassifierTrainer trainer() {
        if (folds < 2) throw new UserException("--folds must be at least 2 (events are scored out of fold), got " + folds);
        return ClassifierTrainer.named(classifier, fast).withProgress(false);
    }
}
