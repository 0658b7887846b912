package org.anomalia.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskEngines;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.events.method.AnodeMethod;
import org.anomalia.events.method.BumpHuntMethod;
import org.anomalia.events.method.CathodeMethod;
import org.anomalia.events.method.CwolaMethod;
import org.anomalia.events.method.WindowMethod;
import org.anomalia.events.scan.Binning;
import org.anomalia.events.scan.LookElsewhere;
import org.anomalia.events.scan.ScanOutput;
import org.anomalia.events.scan.ScanSettings;
import org.anomalia.events.scan.ScanWindow;
import org.anomalia.events.scan.ScanWindows;
import org.anomalia.events.scan.SpectrumScan;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.io.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events scan}: windows over the resonant spectrum, a method per window, dijet fits, local and global significance. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Scan resonant windows: dijet background fits, local and global significance.",
        description = {"Scan the resonant spectrum for a localized excess: windows (a linear or log grid, staggered grids, or a list), per window",
                "a method trained with k folds (bumphunt = no score; cwola, cathode, anode), cuts keeping the top fractions of events by score",
                "(threshold from the events outside the window), the background in the window from a dijet fit of the post-cut spectrum outside",
                "it (3-5 parameters by F-test), local Z from a profile likelihood with the fit's uncertainty, global Z by background-only toys",
                "and by the Gross-Vitells formula. Writes scan.json and report.html."})
final class EventsScanCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events over the whole resonant range (the label column, if any, is only counted for the report).")
    Path data;

    @Option(names = "--method", defaultValue = "bumphunt", description = "bumphunt, cwola, cathode or anode (default ${DEFAULT-VALUE}).")
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

    @Option(names = "--toys", defaultValue = "200", description = "Background-only toys for the global significance (default ${DEFAULT-VALUE}).")
    int toys;

    @Option(names = "--gv-level", defaultValue = "1", description = "Reference level z0 of the Gross-Vitells upcrossings (default ${DEFAULT-VALUE}).")
    double gvLevel;

    @Option(names = "--f-test-alpha", defaultValue = "0.05", description = "Add a fit parameter when its F-test p-value is below this (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-sideband-events", defaultValue = "50", description = "Fewest events each sideband of a window (one window width wide) must hold (default ${DEFAULT-VALUE}).")
    int minSideband;

    @Option(names = "--classifier", defaultValue = "mlp", description = "mlp or xgboost (default ${DEFAULT-VALUE}).")
    String classifier;

    @Option(names = "--fast", description = "Quick presets: flow 5x64, 15 epochs; MLP 20 epochs, batch 256.")
    boolean fast;

    @Option(names = "--folds", defaultValue = "5", description = "k-fold models per window; every trained event is scored out of fold (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--oversampling", defaultValue = "4", description = "CATHODE background samples per signal-region event (default ${DEFAULT-VALUE}).")
    int oversampling;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: scan.json, report.html.")
    Path out;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    EventsDensityOptions density = new EventsDensityOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public void run() {
        // every option and the output directory checked before the data are read or anything trained
        if (inputs.sr != null) throw new UserException("--sr: the scan places its own windows; use --windows LOW:HIGH or --window-width/--window-step");
        OutputPaths.checkDirectory(out, "--out");
        OutputPaths.checkInput(data, "--data");
        if (!spacing.equals("linear") && !spacing.equals("log")) throw new UserException("--spacing must be linear or log, got " + spacing);
        if (range != null && range.size() != 2) throw new UserException("--range takes LOW,HIGH, got " + range);
        if (scanRange != null && scanRange.size() != 2) throw new UserException("--scan-range takes LOW,HIGH, got " + scanRange);
        if (windows != null && (scanRange != null || windowStep != null)) throw new UserException("--windows is a list; drop --scan-range and --window-step");
        EngineSettings engineSettings = engine.checked();
        WindowMethod m = method();
        double[] kept = m instanceof BumpHuntMethod ? new double[] {1} : cuts;

        Table d = inputs.read(data);
        List<String> features = m instanceof BumpHuntMethod ? List.of() : inputs.features(d);
        if (features.contains(inputs.resonant)) {
            throw new UserException("--features must not contain the resonant variable '" + inputs.resonant + "': the scan cuts on the score and fits its spectrum");
        }
        double[] v = d.column(inputs.resonant);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (!Double.isFinite(x)) throw new UserException(data + ": column '" + inputs.resonant + "' holds " + x + "; remove such events");
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        // default range: the data's, widened to whole multiples of the bin width (so edges are round numbers)
        double rLo = range != null ? range.get(0) : round(Math.floor(lo / binWidth + 1e-9) * binWidth);
        double rHi = range != null ? range.get(1) : round((Math.floor(hi / binWidth + 1e-9) + 1) * binWidth);
        Binning bins = Binning.ofWidth(rLo, rHi, binWidth);
        ScanSettings s = new ScanSettings(bins, sqrtS, alpha, kept, minSideband, 0, toys, gvLevel, seed);
        List<ScanWindow> ws;
        if (windows != null) {
            ws = ScanWindows.list(bins, windows);
        } else {
            double step = windowStep != null ? windowStep : windowWidth / 2;
            boolean log = spacing.equals("log");
            double start = scanRange != null ? scanRange.get(0) : (log ? rLo * (1 + windowWidth) : rLo + windowWidth);
            double end = scanRange != null ? scanRange.get(1) : (log ? rHi / (1 + windowWidth) : rHi - windowWidth);
            ws = ScanWindows.grid(bins, start, end, windowWidth, step, log, staggered);
        }
        Table inRange = SpectrumScan.inRange(d, inputs.resonant, bins);
        SpectrumScan.check(inRange, inputs.resonant, ws, s);

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "anomalia events scan");
        provenance.put("data", data.toString());
        provenance.put("method", m.name());
        provenance.put("method_settings", m.toString());
        provenance.put("features", features);
        provenance.put("resonant", inputs.resonant);
        provenance.put("windows", ws.size());
        provenance.put("engine", engineSettings.describe());
        provenance.put("seed", seed);
        System.out.printf(Locale.ROOT, "seed %d; method %s; %d events in [%.4g, %.4g), %d bins of %.4g; %d windows; cuts %s; %d toys%n", seed, m.name(),
                inRange.rows(), bins.low(), bins.high(), bins.bins(), bins.width(), ws.size(), java.util.Arrays.toString(kept), toys);
        long t0 = System.nanoTime();
        SpectrumScan.Result r;
        try (TaskEngine e = TaskEngines.start(engineSettings)) {
            System.out.println("engine: " + e.describe());
            r = SpectrumScan.run(inRange, inputs.resonant, features, inputs.label, m, ws, s, e, lines("windows", t0), lines("toys", t0));
        }
        ScanOutput.write(out, r, provenance);
        double total = (System.nanoTime() - t0) / 1e9;
        double windowSeconds = r.windows().stream().mapToDouble(w -> w.seconds()).sum();
        for (var w : r.windows()) System.out.printf(Locale.ROOT, "window %s: %.1f s%n", w.window(), w.seconds());
        System.out.printf(Locale.ROOT, "%.1f s wall in all; windows %.1f s summed over tasks (%.1f s per window)%n", total, windowSeconds,
                windowSeconds / r.windows().size());
        for (LookElsewhere.Answer a : r.global().answers()) {
            String win = a.bestWindow() < 0 ? "-" : r.windows().get(a.bestWindow()).window().toString();
            if (a.toys() == 0) {
                System.out.printf(Locale.ROOT, "%s: max local Z %.3f in %s; no global significance without --toys%n", a.scope(), a.maxLocalZ(), win);
                continue;
            }
            // a global p near 1 has Z = -infinity: printed as "-"
            System.out.printf(Locale.ROOT, "%s: max local Z %.3f in %s; global Z %s by %d toys (p %s%.4g), %s by Gross-Vitells (p %.4g)%n", a.scope(),
                    a.maxLocalZ(), win, (a.toyBound() ? ">" : "") + z(a.toyZ()), a.toys(), a.toyBound() ? "<" : "", a.toyP(), z(a.gvZ()), a.gvP());
        }
        System.out.println("wrote " + out.resolve("scan.json") + " and " + out.resolve("report.html"));
    }

    private static String z(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }

    private static double round(double v) {
        return Math.rint(v * 1e9) / 1e9;
    }

    /** Progress as a whole line now and then (every task when there are few, every tenth otherwise). */
    static TaskProgress lines(String what, long t0) {
        return (done, total) -> {
            int every = Math.max(1, total / 10);
            if (done % every == 0 || done == total) {
                System.err.printf(Locale.ROOT, "%s: %d/%d done (%.0f s)%n", what, done, total, (System.nanoTime() - t0) / 1e9);
            }
        };
    }

    private WindowMethod method() {
        switch (method) {
            case "bumphunt":
                return new BumpHuntMethod();
            case "cwola":
                return new CwolaMethod(trainer(), folds, density.sidebandWidth, inputs.weight);
            case "cathode": {
                FlowSettings f = quiet(density.flow(fast));
                return new CathodeMethod(new CathodeSettings(f, trainer(), folds, oversampling, 1), density.sidebandWidth);
            }
            case "anode":
                return new AnodeMethod(quiet(density.flow(fast)), density.sidebandWidth);
            default:
                throw new UserException("--method must be bumphunt, cwola, cathode or anode, got " + method);
        }
    }

    /** Windows train side by side: their progress bars would interleave, so the scan reports whole lines per window instead. */
    private static FlowSettings quiet(FlowSettings f) {
        return new FlowSettings(f.blocks(), f.hidden(), f.batchNorm(), f.learningRate(), f.batchSize(), f.epochs(), f.bestEpochs(),
                f.validationFraction(), false);
    }

    private ClassifierTrainer trainer() {
        if (folds < 2) throw new UserException("--folds must be at least 2 (events are scored out of fold), got " + folds);
        switch (classifier) {
            case "xgboost":
                return XgboostTrainer.defaults();
            case "mlp":
                return (fast ? MlpTrainer.fast() : MlpTrainer.paper()).withProgress(false);
            default:
                throw new UserException("--classifier must be mlp or xgboost, got " + classifier);
        }
    }
}
