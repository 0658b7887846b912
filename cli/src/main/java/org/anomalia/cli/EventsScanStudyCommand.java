package org.anomalia.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.generate.DijetShape;
import org.anomalia.events.injection.DatasetOutcome;
import org.anomalia.events.injection.InjectionDesign;
import org.anomalia.events.injection.InjectionOutput;
import org.anomalia.events.injection.InjectionStudy;
import org.anomalia.events.injection.InjectionSummary;
import org.anomalia.events.method.BumpHuntMethod;
import org.anomalia.events.method.WindowMethod;
import org.anomalia.events.scan.Binning;
import org.anomalia.events.scan.ScanSettings;
import org.anomalia.events.scan.ScanWindow;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.io.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events scan-study}: the signal-injection study — generated datasets per injected S/B, each scanned by every method. */
@Command(name = "scan-study", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Signal-injection study: median global Z against injected S/B, per method.",
        description = {"For each injected S/B (0 = background only) generate --datasets LHCO-like datasets over the whole mjj range (events generate's",
                "model, in memory; dataset i has the same background at every S/B) and scan each with every method of --method (a comma list;",
                "bumphunt always runs first as the baseline) exactly as events scan does. Writes study.json, scans/ (each scan's scan.json) and report.html: median global",
                "significance (toys and Gross-Vitells) with the 16-84 % band against S/B per method, the fraction of best windows holding the",
                "signal mass, and for S/B = 0 the global p-values against uniform with the exact Kolmogorov-Smirnov p."})
final class EventsScanStudyCommand implements Runnable {
    @Option(names = "--s-over-b", split = ",", required = true, paramLabel = "S/B", description = "Injected S/B values in the signal region, e.g. 0,0.003,0.01 (0 = background only).")
    double[] sOverB;

    @Option(names = "--datasets", defaultValue = "5", description = "Generated datasets per injected S/B (default ${DEFAULT-VALUE}).")
    int datasets;

    @Option(names = "--background-events", defaultValue = "200000", description = "QCD events per dataset over the whole mjj range (default ${DEFAULT-VALUE}).")
    int background;

    @Option(names = "--mjj-range", split = ",", defaultValue = "2.5,6.0", paramLabel = "MIN,MAX", description = "Generated mjj range in TeV (default ${DEFAULT-VALUE}).")
    List<Double> mjjRange;

    @Option(names = "--mass", defaultValue = "3.5", description = "Resonance mass in TeV (default ${DEFAULT-VALUE}).")
    double mass;

    @Option(names = "--width", defaultValue = "0.1", description = "Width of the mjj peak in TeV (default ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--sr", split = ",", defaultValue = "3.3,3.7", paramLabel = "LOW,HIGH", description = "Signal region in which S/B is defined, TeV (default ${DEFAULT-VALUE}; the scan places its own windows).")
    List<Double> sr;

    @Option(names = "--features", split = ",", paramLabel = "NAME", description = "Inputs of the score methods (default: mj1,delta_mj,tau21_j1,tau21_j2).")
    List<String> features;

    @Option(names = "--model", defaultValue = "lhco", paramLabel = "lhco|toy",
            description = "Generator's jet substructure: lhco = calibrated on the real LHCO R&D signal region, toy = the first, easy toy (default ${DEFAULT-VALUE}).")
    String shape;

    @Mixin
    ScanOptions scan = new ScanOptions();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the study: datasets, scans, toys (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: study.json, report.html, scans/ (each scan's scan.json).")
    Path out;

    @Mixin
    ScanRunOptions scanRun = new ScanRunOptions();

    @Override
    public void run() {
        // every option, the methods and the output directory checked before anything is generated or trained
        scan.check();
        DijetShape jets = DijetShape.named(shape, "--model");
        OutputPaths.checkDirectory(out, "--out");
        if (mjjRange.size() != 2) throw new UserException("--mjj-range takes MIN,MAX, got " + mjjRange);
        if (sr.size() != 2) throw new UserException("--sr takes LOW,HIGH, got " + sr);
        EngineSettings engineSettings = scanRun.engine.checked();
        DijetModel base = DijetModel.lhcoLike(background);
        DijetModel model = new DijetModel(background, mjjRange.get(0), mjjRange.get(1), mass, width, 0, sr.get(0), sr.get(1), base.massX(), base.massY(), jets);
        InjectionDesign design = new InjectionDesign(model, sOverB, datasets, seed);
        List<WindowMethod> methods = methods();
        List<String> f = features == null ? DijetGenerator.FEATURES : features;
        for (String name : f) {
            if (!DijetGenerator.COLUMNS.contains(name) || name.equals(InjectionStudy.LABEL)) {
                throw new UserException("--features: '" + name + "' is not a generated feature; choose from " + DijetGenerator.FEATURES);
            }
        }
        Binning bins = scan.binning(model.mjjMin(), model.mjjMax());
        ScanSettings s = scan.settings(bins, scan.cuts, seed, methods.stream().anyMatch(WindowMethod::hasBackgroundTemplate));
        List<ScanWindow> ws = scan.windows(bins);
        InjectionStudy.check(design, methods, s, ws, f);

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "anomalia events scan-study");
        List<String> settings = new ArrayList<>();
        for (WindowMethod m : methods) settings.add(m.toString());
        provenance.put("method_settings", settings);
        provenance.put("features", f);
        provenance.put("engine", engineSettings.describe());
        provenance.put("seed", seed);
        int scans = design.sOverB().length * datasets * methods.size();
        System.out.printf(Locale.ROOT, "seed %d; %d datasets x S/B %s x methods %s = %d scans; %d background events in [%.4g, %.4g], resonance %.4g; "
                        + "%d bins of %.4g, %d windows, %d toys per scan%n", seed, datasets, java.util.Arrays.toString(design.sOverB()),
                methods.stream().map(WindowMethod::name).toList(), scans, background, model.mjjMin(), model.mjjMax(), mass, bins.bins(), bins.width(), ws.size(), s.toys());
        long t0 = System.nanoTime();
        InjectionStudy.Result r;
        r = ScanRunOptions.onEngine(engineSettings,
                e -> InjectionStudy.run(design, methods, s, ws, f, e, EventsScanStudyCommand::progress, every30s("windows"), every30s("toys")));
        List<InjectionSummary> summaries = InjectionSummary.of(r);
        InjectionOutput.write(out, r, summaries, provenance);
        System.out.printf(Locale.ROOT, "%.1f s wall in all%n", (System.nanoTime() - t0) / 1e9);
        for (InjectionSummary m : summaries) {
            for (InjectionSummary.Point p : m.points()) {
                System.out.printf(Locale.ROOT, "%s (%s), S/B %s: median global Z %s [%s, %s] by toys, %s by Gross-Vitells; best window holds %.4g in %d/%d; median local Z at the mass %s%n",
                        m.method(), m.scope(), p.sOverB(), z(p.toyZ().median()), z(p.toyZ().lower()), z(p.toyZ().upper()), z(p.gvZ().median()), mass,
                        p.containing(), p.datasets(), z(p.localZAtMass().median()));
            }
            if (m.nullToys() != null) {
                System.out.printf(Locale.ROOT, "%s, S/B 0: global p uniform? KS D %.4g, p %.4g over %d datasets (toys); Gross-Vitells KS p %.4g%n", m.method(),
                        m.nullToys().ks().statistic(), m.nullToys().ks().pValue(), m.nullToys().ks().n(), m.nullGrossVitells().ks().pValue());
            }
            if (!m.templateCalibration().isEmpty()) {
                for (var c : m.templateCalibration()) {
                    System.out.printf(Locale.ROOT, "%s, S/B 0, kept %s: mean squared template pull %.3g over %d windows; scale %.4g, relative systematic %.3g%n",
                            m.method(), c.cut(), c.meanSquaredPull(), c.windows(), c.scale(), c.systematic());
                }
                System.out.printf(Locale.ROOT, "%s: to carry it in later scans: --closure %s --template-scale %s --template-systematic %s%n", m.method(),
                        s.template().closureName(), joined(m.templateCalibration(), c -> String.format(Locale.ROOT, "%.4g", c.scale())),
                        joined(m.templateCalibration(), c -> String.format(Locale.ROOT, "%.3g", c.systematic())));
            }
        }
        System.out.println("wrote " + out.resolve("study.json") + " and " + out.resolve("report.html"));
    }

    private static <T> String joined(List<T> items, java.util.function.Function<T, String> format) {
        return items.stream().map(format).collect(java.util.stream.Collectors.joining(","));
    }

    /** The bump hunt first (the baseline), then the --method list in its order. */
    private List<WindowMethod> methods() {
        List<WindowMethod> methods = new ArrayList<>();
        methods.add(new BumpHuntMethod());
        for (String name : scan.method.split(",")) {
            String n = name.strip();
            if (n.equals("bumphunt")) continue;
            WindowMethod m = scan.method(n, null, scanRun.density);
            for (WindowMethod other : methods) {
                if (other.name().equals(m.name())) throw new UserException("--method lists " + n + " twice; give each method once");
            }
            methods.add(m);
        }
        return methods;
    }

    private static void progress(DatasetOutcome o, int done, int total, double seconds) {
        String win = o.hasBestWindow() ? String.format(Locale.ROOT, "[%.4g, %.4g)%s", o.bestLow(), o.bestHigh(), o.containsSignalMass() ? " holds the mass" : "") : "-";
        System.out.printf(Locale.ROOT, "scan %d/%d: S/B %s dataset %d %s: best %s, local Z %s (%s at the mass), global p %s%.4g (Z %s) by toys, %.4g by GV; %d warnings; %.1f s%n",
                done, total, o.sOverB(), o.dataset(), o.method(), win, z(o.localZ()), z(o.localZAtMass()), o.toyBound() ? "<" : "", o.toyP(), z(o.toyZ()), o.gvP(),
                o.windowWarnings().size(), seconds);
    }

    /** Task progress inside a scan, a whole line at most every 30 s (long CATHODE windows; quick bump hunts stay quiet). */
    private static TaskProgress every30s(String what) {
        long[] last = {System.nanoTime()};
        return (done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] > 30e9) {
                last[0] = now;
                System.err.printf(Locale.ROOT, "  %s: %d/%d done%n", what, done, total);
            }
        };
    }

    private static String z(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : (v == Double.NEGATIVE_INFINITY ? "-inf" : "-");
    }
}
