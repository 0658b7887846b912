package org.anomalia.flavour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test access to ../shared/physics (flavio 2.7.0 reference values), found through the anomalia.shared property. */
public final class ReferenceData {
    private ReferenceData() {
    }

    public static Path physics(String relative) {
        String shared = System.getProperty("anomalia.shared", "../../shared");
        return Path.of(shared, "physics", relative);
    }

    /** CSV rows (split at commas outside double quotes), header first. */
    public static List<String[]> csv(String relative) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(physics(relative))) {
                if (!line.isBlank()) {
                    rows.add(split(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }

    /**
     * flavio's default central parameters from parameters/parameters.csv.
     * TODO(f1): replace by f2's ParameterCatalog once it is on main.
     */
    public static Map<String, Double> centralParameters() {
        Map<String, Double> m = new HashMap<>();
        List<String[]> rows = csv("parameters/parameters.csv");
        for (String[] r : rows.subList(1, rows.size())) {
            m.put(r[0], Double.parseDouble(r[1]));
        }
        return m;
    }

    /** A parameter point from a map that refuses unknown names. */
    public static ParameterPoint point(Map<String, Double> values) {
        return name -> {
            Double v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no parameter " + name);
            }
            return v;
        };
    }

    public static ParameterPoint central() {
        return point(centralParameters());
    }

    /** The central point with some parameters replaced. */
    public static ParameterPoint centralWith(Map<String, Double> overrides) {
        Map<String, Double> m = new HashMap<>(centralParameters());
        m.putAll(overrides);
        return point(m);
    }
}
