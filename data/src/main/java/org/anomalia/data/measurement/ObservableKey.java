package org.anomalia.data.measurement;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one entry of a measurement measures: an observable name and, for flavio-style entries,
 * its numeric arguments in file order (for example q2min = 1.1, q2max = 2.5). The label, used as
 * the entry's name, is the name alone or {@code name[1.1,2.5]}.
 */
public record ObservableKey(String name, Map<String, Double> arguments) {

    public ObservableKey {
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    public static ObservableKey of(String name) {
        return new ObservableKey(name, Map.of());
    }

    /** The argument, or NaN when absent. */
    public double argument(String argName) {
        Double v = arguments.get(argName);
        return v == null ? Double.NaN : v;
    }

    public String label() {
        if (arguments.isEmpty()) return name;
        StringBuilder sb = new StringBuilder(name).append('[');
        boolean first = true;
        for (double v : arguments.values()) {
            if (!first) sb.append(',');
            sb.append(formatNumber(v));
            first = false;
        }
        return sb.append(']').toString();
    }

    /** Shortest plain decimal form: 4.0 → "4", 1.10 → "1.1", 0.98 → "0.98". */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
