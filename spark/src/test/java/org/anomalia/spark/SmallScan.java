package org.anomalia.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.method.BumpHuntMethod;
import org.anomalia.events.method.CwolaMethod;
import org.anomalia.events.method.WindowMethod;
import org.anomalia.events.scan.Binning;
import org.anomalia.events.scan.FitOrder;
import org.anomalia.events.scan.ScanOutput;
import org.anomalia.events.scan.ScanSettings;
import org.anomalia.events.scan.ScanWindow;
import org.anomalia.events.scan.ScanWindows;
import org.anomalia.events.scan.SpectrumScan;

/** Small scans of generated data for the engine tests: the scan.json bytes an engine produces. */
final class SmallScan {
    static final Binning BINS = Binning.ofWidth(2.5, 6.0, 0.05);

    final Table data;
    final WindowMethod method;
    final List<ScanWindow> windows;
    final ScanSettings settings;

    private SmallScan(Table data, WindowMethod method, List<ScanWindow> windows, ScanSettings settings) {
        this.data = SpectrumScan.inRange(data, "mjj", BINS);
        this.method = method;
        this.windows = windows;
        this.settings = settings;
    }

    /** A bump hunt over 11 windows of 60k events with a resonance at 3.5 TeV, S/B 0.1, and {@code toys} toys. */
    static SmallScan bumpHunt(int toys) {
        Table d = new DijetGenerator(DijetModel.toy(60_000).withSignalToBackground(0.1)).generate(3);
        return new SmallScan(d, new BumpHuntMethod(), ScanWindows.grid(BINS, 2.9, 5.0, 0.4, 0.2, false, 1),
                new ScanSettings(BINS, 13, FitOrder.DEFAULT_ALPHA, new double[] {1}, 50, 0, toys, 1.0, 5));
    }

    /** CWoLa with a small MLP (2 folds) in two windows: tasks that train networks through the kernels. */
    static SmallScan cwola() {
        return cwola(2, 4, 20_000, 16);
    }

    /**
     * CWoLa (MLP with two hidden layers of {@code width}, 2 folds, {@code epochs} epochs) on {@code events}
     * generated events in the first {@code windows} (≤ 4) of 3.1:3.5, 3.3:3.7, 3.5:3.9, 3.7:4.1.
     */
    static SmallScan cwola(int windows, int epochs, int events, int width) {
        Table d = new DijetGenerator(DijetModel.toy(events).withSignalToBackground(0.1)).generate(4);
        MlpTrainer mlp = new MlpTrainer(new int[] {width, width}, epochs, 256, 1e-3, 2, 0.2, false);
        List<String> all = List.of("3.1:3.5", "3.3:3.7", "3.5:3.9", "3.7:4.1");
        return new SmallScan(d, new CwolaMethod(mlp, 2, 0.2, null), ScanWindows.list(BINS, all.subList(0, windows)),
                new ScanSettings(BINS, 13, FitOrder.DEFAULT_ALPHA, new double[] {0.2}, 50, 0, 5, 1.0, 7));
    }

    SpectrumScan.Result run(TaskEngine engine) {
        List<String> features = method instanceof BumpHuntMethod ? List.of() : DijetGenerator.FEATURES;
        return SpectrumScan.run(data, "mjj", features, "label", method, windows, settings, engine, TaskProgress.NONE,
                TaskProgress.NONE);
    }

    /** scan.json as written, with the same provenance whichever engine ran it (the engine's name is the one line that differs). */
    byte[] scanJson(TaskEngine engine, Path dir) throws IOException {
        SpectrumScan.Result r = run(engine);
        ScanOutput.write(dir, r, Map.of("seed", settings.seed()));
        return Files.readAllBytes(dir.resolve("scan.json"));
    }
}
