package org.anomalia.events.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anomalia.data.Table;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskFunction;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.events.method.WindowMethod;
import org.anomalia.numerics.UserException;

/**
 * The scan: every window as one task on the {@link TaskEngine} (the method's k folds run inside its
 * window's task), then the background-only toys as tasks, then the global answers. Inputs are
 * checked before any work ({@link #check}). Same data, settings and seed → the same numbers, bit for
 * bit, whichever engine runs the tasks and in whatever order.
 */
public final class SpectrumScan {
    private SpectrumScan() {
    }

    /** Everything a scan found. */
    public record Result(String method, List<WindowOutcome> windows, LookElsewhere.Result global, ScanSettings settings, int events) {
    }

    /** The events inside the binned range (the fit's range). */
    public static Table inRange(Table data, String resonant, Binning bins) {
        double[] m = data.column(resonant);
        boolean[] keep = new boolean[m.length];
        int n = 0;
        for (int i = 0; i < m.length; i++) {
            keep[i] = bins.index(m[i]) >= 0;
            if (keep[i]) n++;
        }
        if (n == 0) throw new UserException(data.source() + ": no events of '" + resonant + "' in the range [" + bins.low() + ", " + bins.high() + ")");
        return n == m.length ? data : data.filter(keep);
    }

    /**
     * Before any work: every window keeps at least {@code minSidebandEvents} events in each of its
     * two sidebands (of width {@code sidebandCheck}, or the window's own width), and enough bins
     * outside it for the 5-parameter fit.
     */
    public static void check(Table data, String resonant, List<ScanWindow> windows, ScanSettings s) {
        double[] n = s.binning().histogram(data.column(resonant), null);
        for (ScanWindow w : windows) {
            double width = s.sidebandCheck() > 0 ? s.sidebandCheck() : w.width();
            int below = Math.max(0, s.binning().nearestEdge(w.low() - width));
            int above = Math.min(s.binning().bins(), s.binning().nearestEdge(w.high() + width));
            double lo = 0, hi = 0;
            for (int i = below; i < w.fromBin(); i++) lo += n[i];
            for (int i = w.toBin(); i < above; i++) hi += n[i];
            if (lo < s.minSidebandEvents() || hi < s.minSidebandEvents()) {
                throw new UserException(String.format(Locale.ROOT,
                        "window %s: %.0f events in the lower and %.0f in the upper sideband (width %.4g), fewer than --min-sideband-events %d; "
                                + "move the windows away from the ends of the data (--scan-range) or lower --min-sideband-events",
                        w, lo, hi, width, s.minSidebandEvents()));
            }
            int outside = s.binning().bins() - (w.toBin() - w.fromBin());
            if (outside < 2 * DijetFunction.MAX_ORDER) {
                throw new UserException("window " + w + " leaves " + outside + " bins for the fit (at least " + 2 * DijetFunction.MAX_ORDER
                        + " needed); use a smaller --bin-width or narrower windows");
            }
            double in = 0;
            for (int i = w.fromBin(); i < w.toBin(); i++) in += n[i];
            if (in < 1) throw new UserException("window " + w + " holds no events; choose windows where the data lie");
        }
    }

    /**
     * @param data events within the binned range ({@link #inRange})
     * @param label truth label column, only counted for the report (null = none)
     */
    public static Result run(Table data, String resonant, List<String> features, String label, WindowMethod method, List<ScanWindow> windows,
                             ScanSettings s, TaskEngine engine, TaskProgress windowProgress, TaskProgress toyProgress) {
        check(data, resonant, windows, s);
        WindowAnalysis analysis = new WindowAnalysis(data, resonant, features, label, method, s);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) ids.add(i);
        TaskFunction<Integer, WindowOutcome> fn = i -> analysis.run(windows.get(i));
        List<WindowOutcome> outcomes = engine.map(ids, fn, windowProgress);
        LookElsewhere.Result global = LookElsewhere.run(outcomes, s, engine, toyProgress);
        return new Result(method.name(), outcomes, global, s, data.rows());
    }
}
