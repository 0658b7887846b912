package org.anomalia.events.scan;

/**
 * One window of the scan, snapped to the bin edges: [low, high) = bins [fromBin, toBin). Windows of
 * one width sorted by centre form one Z-curve (for the upcrossings of the Gross–Vitells formula).
 */
public record ScanWindow(int index, double low, double high, int fromBin, int toBin) implements java.io.Serializable {
    public double centre() {
        return (low + high) / 2;
    }

    public double width() {
        return high - low;
    }

    /** Whether bin i is (partly) inside: the fit leaves these bins out. */
    public boolean covers(Binning b, int i) {
        return i >= fromBin && i < toBin;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "[%.4g, %.4g)", low, high);
    }
}
