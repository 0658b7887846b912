package org.anomalia.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.events.method.IdealizedMethod;
import org.anomalia.events.method.WindowMethod;
import org.anomalia.events.scan.Binning;
import org.anomalia.events.scan.LookElsewhere;
import org.anomalia.events.scan.ScanOutput;
import org.anomalia.events.scan.ScanSettings;
import org.anomalia.events.scan.ScanWindow;
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
                "a method trained with k folds (bumphunt = no score; cwola, cathode, lacathode, anode, ranode), cuts keeping the top fractions of events by score",
                "(threshold from the events outside the window), the background in the window from a dijet fit of the post-cut spectrum outside",
                "it (3-5 parameters by F-test), local Z from a profile likelihood with the fit's uncertainty, global Z by background-only toys",
                "and by the Gross-Vitells formula. Writes scan.json and report.html."})
final class EventsScanCommand implements Runnable {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Events over the whole resonant range (the label column, if any, is only counted for the report).")
    Path data;

    @Mixin
    ScanOptions scan = new ScanOptions();

    @Option(names = "--background", paramLabel = "FILE",
            description = "Pure background events over the scanned range, for --method idealized only (simulation; e.g. events generate --s-over-b 0 with another seed).")
    Path background;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: scan.json, report.html.")
    Path out;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    ScanRunOptions scanRun = new ScanRunOptions();

    @Override
    public void run() {
        // every option and the output directory checked before the data are read or anything trained
        scan.check(inputs);
        OutputPaths.checkDirectory(out, "--out");
        OutputPaths.checkInput(data, "--data");
        EngineSettings engineSettings = scanRun.engine.checked();
        WindowMethod chosen = scan.method(inputs, scanRun.density);
        double[] kept = scan.kept(chosen);
        if ((chosen instanceof IdealizedMethod) != (background != null)) {
            throw new UserException(background == null ? "--method idealized needs --background FILE (pure background events over the scanned range)"
                    : "--background is only for --method idealized; drop it");
        }
        if (background != null) OutputPaths.checkInput(background, "--background");

        Table d = inputs.read(data);
        List<String> features = scan.features(inputs, d, chosen);
        WindowMethod m = chosen instanceof IdealizedMethod i ? i.withBackground(backgroundWith(features)) : chosen;
        Binning bins = scan.binning(d, inputs.resonant, data);
        ScanSettings s = scan.settings(bins, kept, seed, m.hasBackgroundTemplate());
        List<ScanWindow> ws = scan.windows(bins);
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
                inRange.rows(), bins.low(), bins.high(), bins.bins(), bins.width(), ws.size(), java.util.Arrays.toString(kept), scan.toys);
        long t0 = System.nanoTime();
        SpectrumScan.Result r;
        r = ScanRunOptions.onEngine(engineSettings,
                e -> SpectrumScan.run(inRange, inputs.resonant, features, inputs.label, m, ws, s, e, lines("windows", t0), lines("toys", t0)));
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

    /** The --background events, which must carry the resonant variable and every feature. */
    private Table backgroundWith(List<String> features) {
        Table b = inputs.read(background);
        for (String c : java.util.stream.Stream.concat(java.util.stream.Stream.of(inputs.resonant), features.stream()).toList()) {
            if (!b.has(c)) {
                throw new UserException(background + ": no column '" + c + "'; the pure background needs the data's resonant variable and features");
            }
        }
        return b;
    }

    private static String z(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
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
}
