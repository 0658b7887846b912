package org.anomalia.flavour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.flavour.parameters.ParameterValues;

/** Test access to testdata/physics (flavio 2.7.0 reference values, provenance in testdata/README.md), found through the anomalia.testdata property. */
public final class ReferenceData {
    private ReferenceData() {
    }

    public static Path physics(String relative) {
        String shared = System.getProperty("anomalia.testdata", "../testdata");
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

    /** flavio's default central parameters (the bundled catalog). */
    public static ParameterValues central() {
        return ParameterCatalog.bundled().central();
    }

    /** The central point with some parameters replaced. */
    public static ParameterValues centralWith(Map<String, Double> overrides) {
        ParameterValues p = central();
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            p = p.with(e.getKey(), e.getValue());
        }
        return p;
    }
}
