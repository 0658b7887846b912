package org.anomalia.flavour;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** CSV rows, header first (FastCSV: commas inside double quotes stay in their field). */
    public static List<String[]> csv(String relative) {
        List<String[]> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(physics(relative))) {
            for (CsvRecord rec : csv) {
                rows.add(rec.getFields().toArray(new String[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
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
