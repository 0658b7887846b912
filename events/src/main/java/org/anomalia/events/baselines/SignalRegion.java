package org.anomalia.events.baselines;

import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;

/** An interval [low, high) of the resonant variable. */
public record SignalRegion(String variable, double low, double high) {
    public SignalRegion {
        if (!(high > low)) {
            throw new UserException("signal region: upper edge " + high + " must exceed lower edge " + low);
        }
    }

    public boolean contains(double v) {
        return v >= low && v < high;
    }

    /** The events inside; a user error if the region lies outside the data's range or holds no event. */
    public Table inside(Table events) {
        double[] v = events.column(variable);
        checkOverlap(events, v);
        boolean[] in = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            in[i] = contains(v[i]);
        }
        Table t = events.filter(in);
        if (t.rows() == 0) {
            throw new UserException(events.source() + ": no events in the signal region " + this + "; choose a region where the data lie");
        }
        return t;
    }

    /**
     * Events in [low − width, low) and [high, high + width); width ≤ 0 means all events outside. A
     * user error if there are none.
     */
    public Table sidebands(Table events, double width) {
        double[] v = events.column(variable);
        checkOverlap(events, v);
        boolean[] in = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            boolean below = v[i] < low && (width <= 0 || v[i] >= low - width);
            boolean above = v[i] >= high && (width <= 0 || v[i] < high + width);
            in[i] = below || above;
        }
        Table t = events.filter(in);
        if (t.rows() == 0) {
            throw new UserException(events.source() + ": no events in the sidebands " + (width > 0 ? "of width " + width + " " : "")
                    + "around the signal region " + this + "; widen the sidebands or move the region");
        }
        return t;
    }

    private void checkOverlap(Table events, double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (v.length > 0 && (high <= min || low > max)) {
            throw new UserException(events.source() + ": signal region " + this + " lies outside the data's range of '" + variable
                    + "' [" + min + ", " + max + "]");
        }
    }

    @Override
    public String toString() {
        return variable + " in [" + low + ", " + high + ")";
    }
}
