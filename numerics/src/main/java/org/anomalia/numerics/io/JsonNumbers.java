package org.anomalia.numerics.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers as the JSON outputs store them: a value that is not finite (a failed fit, a ratio of
 * nothing) becomes null, since JSON has no NaN or infinity and readers would choke on Jackson's
 * bare {@code NaN} token.
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /** v, or null when it is NaN or infinite. */
    public static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Each value as {@link #finite(double)} gives it. */
    public static List<Double> finite(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) out.add(finite(x));
        return out;
    }
}
