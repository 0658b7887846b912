package org.anomalia.flavour.theory;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the bundled CSV data tables of this package. */
final class Resources {
    private Resources() {
    }

    /** The rows as fields, the header as element 0; blank lines skipped. */
    static List<String[]> csv(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + name);
            }
            List<String[]> rows = new ArrayList<>();
            try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true)
                    .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (CsvRecord rec : csv) {
                    rows.add(rec.getFields().toArray(new String[0]));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + name, e);
        }
    }
}
