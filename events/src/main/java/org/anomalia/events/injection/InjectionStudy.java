package org.anomalia.events.injection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.anomalia.data.Table;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.method.BumpHuntMethod;
import org.anomalia.events.method.IdealizedMethod;
import org.anomalia.events.method.WindowMethod;
import org.anomalia.events.scan.CutOutcome;
import org.anomalia.events.scan.LookElsewhere;
import org.anomalia.events.scan.ScanSettings;
import org.anomalia.events.scan.ScanWindow;
import org.anomalia.events.scan.SpectrumScan;
import org.anomalia.events.scan.WindowOutcome;
import org.anomalia.numerics.UserException;

/**
 * The signal-injection study: for every injected S/B and every dataset, generate the events (in
 * memory, from the dataset's seed), then scan them with each method through {@link SpectrumScan}
 * (its windows and toys are the engine's tasks, so {@code --engine spark} runs them there), and keep
 * each scan's {@link DatasetOutcome}. The windows and scan settings are the same for every dataset;
 * only the scan seed changes (see {@link InjectionDesign}). Same design, methods and settings → the
 * same outcomes, bit for bit.
 */
public final class InjectionStudy {
    /** Column names of the generator's events. */
    public static final String RESONANT = "mjj";
    public static final String LABEL = "label";

    private InjectionStudy() {
    }

    /** Everything the study found, in the order S/B, dataset, method. */
    public record Result(InjectionDesign design, List<String> methods, ScanSettings scan, List<ScanWindow> windows, List<DatasetOutcome> outcomes) {
    }

    /** Told after each scan, to print progress (seconds = wall time of that scan). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (o, done, total, seconds) -> { };

        void scanned(DatasetOutcome outcome, int done, int total, double seconds);
    }

    /**
     * Before any work: toys (the global p-values need them); at least one method, bump hunt first (the baseline) and no method twice; no
     * feature that is the resonant variable; the scan's range inside the generated one; the windows'
     * sidebands hold enough events in the first dataset (the scan's own check, which every later scan
     * repeats on its own dataset).
     *
     * @param scan binning, cuts, toys, …; its seed is replaced by each dataset's scan seed
     */
    public static void check(InjectionDesign design, List<WindowMethod> methods, ScanSettings scan, List<ScanWindow> windows, List<String> features) {
        if (methods.isEmpty() || !(methods.get(0) instanceof BumpHuntMethod)) {
            throw new IllegalArgumentException("the study's first method must be the bump hunt (the baseline)");
        }
        if (scan.toys() < 1) throw new UserException("--toys must be at least 1 in a study: the global p-values come from the toys, got " + scan.toys());
        Set<String> names = new LinkedHashSet<>();
        for (WindowMethod m : methods) {
            if (!names.add(m.name())) throw new UserException("--method lists " + m.name() + " twice; give each method once");
        }
        if (features.contains(RESONANT)) {
            throw new UserException("--features must not contain the resonant variable '" + RESONANT + "': the scan cuts on the score and fits its spectrum");
        }
        DijetModel g = design.generator();
        if (g.mjjMin() > scan.binning().low() + 1e-9 || g.mjjMax() < scan.binning().high() - 1e-9) {
            throw new UserException("the scan's range [" + scan.binning().low() + ", " + scan.binning().high() + ") must lie inside the generated mjj range ["
                    + g.mjjMin() + ", " + g.mjjMax() + "]; narrow --range or widen --mjj-range");
        }
        Table first = SpectrumScan.inRange(new DijetGenerator(design.model(design.sOverB()[0])).generate(design.dataSeed(0)), RESONANT, scan.binning());
        SpectrumScan.check(first, RESONANT, windows, scan);
    }

    public static Result run(InjectionDesign design, List<WindowMethod> methods, ScanSettings scan, List<ScanWindow> windows, List<String> features,
                             TaskEngine engine, Listener listener, TaskProgress windowProgress, TaskProgress toyProgress) {
        check(design, methods, scan, windows, features);
        double[] sb = design.sOverB();
        int total = sb.length * design.datasets() * methods.size();
        List<DatasetOutcome> outcomes = new ArrayList<>();
        for (double s : sb) {
            DijetGenerator gen = new DijetGenerator(design.model(s));
            for (int i = 0; i < design.datasets(); i++) {
                Table data = SpectrumScan.inRange(gen.generate(design.dataSeed(i)), RESONANT, scan.binning());
                Table reference = null;
                for (WindowMethod given : methods) {
                    long t0 = System.nanoTime();
                    WindowMethod m = given;
                    if (given instanceof IdealizedMethod idealized) { // the truth a simulation has: its own pure background
                        if (reference == null) {
                            reference = SpectrumScan.inRange(new DijetGenerator(design.referenceModel()).generate(design.referenceSeed(i)), RESONANT,
                                    scan.binning());
                        }
                        m = idealized.withBackground(reference);
                    }
                    ScanSettings settings = settingsFor(scan, m, design.scanSeed(i));
                    List<String> f = m instanceof BumpHuntMethod ? List.of() : features;
                    SpectrumScan.Result r = SpectrumScan.run(data, RESONANT, f, LABEL, m, windows, settings, engine, windowProgress, toyProgress);
                    DatasetOutcome o = outcome(design, s, i, gen.signalEvents(), m, r);
                    outcomes.add(o);
                    listener.scanned(o, outcomes.size(), total, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        return new Result(design, methods.stream().map(WindowMethod::name).toList(), scan, windows, outcomes);
    }

    /** The scan's settings for one method and dataset: the bump hunt makes no cut (kept 1), as in {@code events scan}. */
    static ScanSettings settingsFor(ScanSettings s, WindowMethod m, long seed) {
        double[] cuts = m instanceof BumpHuntMethod ? new double[] {1} : s.cuts();
        return new ScanSettings(s.binning(), s.sqrtS(), s.alpha(), cuts, s.minSidebandEvents(), s.sidebandCheck(), s.toys(), s.referenceZ(), seed,
                m.hasBackgroundTemplate() ? s.template() : null);
    }

    /** The scope a method is judged by: the template estimate's for methods with a background template, else the fits'. */
    public static String headlineScope(WindowMethod m) {
        return m.hasBackgroundTemplate() ? "template, all cuts" : "all cuts";
    }

    static DatasetOutcome outcome(InjectionDesign design, double sb, int dataset, int injected, WindowMethod m, SpectrumScan.Result r) {
        String scope = headlineScope(m);
        LookElsewhere.Answer a = r.global().answers().stream().filter(x -> x.scope().equals(scope)).findFirst().orElse(null);
        List<String> warnings = new ArrayList<>();
        for (WindowOutcome w : r.windows()) {
            for (CutOutcome c : w.cuts()) {
                for (String text : c.warnings()) warnings.add(w.window() + " kept " + c.kept() + ": " + text);
            }
        }
        boolean template = scope.startsWith("template");
        double atMass = Double.NaN;
        for (WindowOutcome w : r.windows()) {
            if (!design.containsSignalMass(w.window().low(), w.window().high())) continue;
            for (CutOutcome c : w.cuts()) {
                double z = template ? c.templateZ() : c.z();
                if (!Double.isNaN(z) && !(z <= atMass)) atMass = z;
            }
        }
        if (a == null || a.bestWindow() < 0) {
            // no window gave a number in this scope (every method or fit failed): counted, never a silent number
            if (a == null) warnings.add("no '" + scope + "' answer: no window gave a template estimate");
            return new DatasetOutcome(sb, dataset, design.dataSeed(dataset), design.scanSeed(dataset), injected, r.events(), m.name(), scope,
                    Double.NaN, Double.NaN, false, Double.NaN, atMass, -1, a == null ? 0 : a.toys(), Double.NaN, false, Double.NaN, Double.NaN, Double.NaN,
                    r.global().answers(), warnings, r);
        }
        WindowOutcome best = r.windows().get(a.bestWindow());
        double truth = -1;
        for (CutOutcome c : best.cuts()) {
            double z = template ? c.templateZ() : c.z();
            if (z == a.maxLocalZ()) {
                truth = template ? c.template().signal() : c.signalTruth();
                break;
            }
        }
        ScanWindow w = best.window();
        return new DatasetOutcome(sb, dataset, design.dataSeed(dataset), design.scanSeed(dataset), injected, r.events(), m.name(), scope, w.low(), w.high(),
                design.containsSignalMass(w.low(), w.high()), a.maxLocalZ(), atMass, truth, a.toys(), a.toyP(), a.toyBound(), a.toyZ(), a.gvP(), a.gvZ(),
                r.global().answers(), warnings, r);
    }
}
