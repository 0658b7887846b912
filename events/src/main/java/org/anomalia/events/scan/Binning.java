package org.anomalia.events.scan;

import org.anomalia.numerics.UserException;

/** Equal-width bins of the resonant variable over [low, high); the scan snaps its windows to these edges. */
public record Binning(double low, double high, int bins) implements java.io.Serializable {
    public Binning {
        if (!(high > low) || bins < 1) throw new UserException("binning: need high > low and at least one bin, got [" + low + ", " + high + ") with " + bins);
    }

    /** Bins of about {@code width} covering [low, high) exactly. */
    public static Binning ofWidth(double low, double high, double width) {
        if (!(width > 0)) throw new UserException("--bin-width must be positive, got " + width);
        int n = (int) Math.round((high - low) / width);
        if (n < 8) throw new UserException("--bin-width " + width + " leaves " + n + " bins in [" + low + ", " + high + "); the fit needs at least 8");
        return new Binning(low, high, n);
    }

    public double width() {
        return (high - low) / bins;
    }

    public double edge(int i) {
        return i == bins ? high : low + i * width();
    }

    /** The nearest bin edge index to v (clamped to [0, bins]). */
    public int nearestEdge(double v) {
        return (int) Math.max(0, Math.min(bins, Math.round((v - low) / width())));
    }

    /** Bin index of v, or −1 outside [low, high). */
    public int index(double v) {
        if (!(v >= low && v < high)) return -1;
        return Math.min(bins - 1, (int) ((v - low) / width()));
    }

    /** Counts of the values selected by {@code keep} (null = all) per bin; values outside are ignored. */
    public double[] histogram(double[] values, boolean[] keep) {
        double[] n = new double[bins];
        for (int i = 0; i < values.length; i++) {
            if (keep != null && !keep[i]) continue;
            int b = index(values[i]);
            if (b >= 0) n[b]++;
        }
        return n;
    }
}
