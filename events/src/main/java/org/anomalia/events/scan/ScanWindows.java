package org.anomalia.events.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.anomalia.numerics.UserException;

/**
 * The windows of a scan: a grid of a given width and step, linear (width and step in the resonant
 * variable's units) or logarithmic (width and step as fractions of the window's lower edge, so the
 * windows widen with the mass as the resolution does), optionally as several staggered grids offset
 * by step/K (the CMS searches' overlapping grids), or an explicit list. Every edge is snapped to the
 * nearest bin edge; windows that snap to the same bins are kept once.
 */
public final class ScanWindows {
    private ScanWindows() {
    }

    /**
     * A grid from {@code start} while the window ends by {@code end}.
     *
     * @param log whether width and step are fractions of the lower edge
     * @param staggered number of grids, offset by step/staggered (1 = one grid)
     */
    public static List<ScanWindow> grid(Binning bins, double start, double end, double width, double step, boolean log, int staggered) {
        if (!(width > 0)) throw new UserException("--window-width must be positive, got " + width);
        if (!(step > 0)) throw new UserException("--window-step must be positive, got " + step);
        if (staggered < 1) throw new UserException("--staggered must be at least 1, got " + staggered);
        if (!(end > start)) throw new UserException("--scan-range: the end " + end + " must exceed the start " + start);
        List<double[]> edges = new ArrayList<>();
        for (int g = 0; g < staggered; g++) {
            double a = log ? start * Math.pow(1 + step, (double) g / staggered) : start + g * step / staggered;
            for (int k = 0; k < 100000; k++) {
                double hi = log ? a * (1 + width) : a + width;
                if (hi > end + 1e-9 * Math.abs(end)) break;
                edges.add(new double[] {a, hi});
                a = log ? a * (1 + step) : a + step;
            }
        }
        if (edges.isEmpty()) {
            throw new UserException(String.format(Locale.ROOT, "--window-width %s: no window fits in the scan range [%s, %s]; narrow the windows or widen --scan-range",
                    width, start, end));
        }
        return snap(bins, edges);
    }

    /** An explicit list "LO:HI,LO:HI,…". */
    public static List<ScanWindow> list(Binning bins, List<String> items) {
        List<double[]> edges = new ArrayList<>();
        for (String it : items) {
            String[] p = it.split(":");
            try {
                if (p.length != 2) throw new NumberFormatException();
                edges.add(new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim())});
            } catch (NumberFormatException e) {
                throw new UserException("--windows: '" + it + "' is not LOW:HIGH (e.g. --windows 3.3:3.7,3.5:3.9)");
            }
        }
        return snap(bins, edges);
    }

    private static List<ScanWindow> snap(Binning bins, List<double[]> edges) {
        List<int[]> seen = new ArrayList<>();
        List<ScanWindow> out = new ArrayList<>();
        edges.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        for (double[] e : edges) {
            if (!(e[1] > e[0])) throw new UserException("window " + e[0] + ":" + e[1] + ": the upper edge must exceed the lower edge");
            if (e[0] < bins.low() - 1e-9 || e[1] > bins.high() + 1e-9) {
                throw new UserException(String.format(Locale.ROOT, "window [%s, %s) lies outside the fitted range [%s, %s) of the data; choose windows inside it (or widen --range)",
                        e[0], e[1], bins.low(), bins.high()));
            }
            int from = bins.nearestEdge(e[0]);
            int to = bins.nearestEdge(e[1]);
            if (to <= from) {
                throw new UserException(String.format(Locale.ROOT, "window [%s, %s) is narrower than one bin (%s); widen it or use a smaller --bin-width",
                        e[0], e[1], bins.width()));
            }
            boolean dup = false;
            for (int[] s : seen) dup |= s[0] == from && s[1] == to;
            if (dup) continue;
            seen.add(new int[] {from, to});
            out.add(new ScanWindow(out.size(), bins.edge(from), bins.edge(to), from, to));
        }
        return out;
    }
}
