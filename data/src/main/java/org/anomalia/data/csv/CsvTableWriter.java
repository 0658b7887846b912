package org.anomalia.data.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.file.Path;
import org.anomalia.data.Table;

/** Writes a table as CSV with a header line; doubles in Java's shortest round-trip form. */
public final class CsvTableWriter {
    private CsvTableWriter() {
    }

    /** Writes straight to {@code path}; callers wanting atomic output go through TableFiles. */
    public static void write(Path path, Table table) throws IOException {
        try (CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(path)) {
            out.writeRecord(table.names());
            String[] fields = new String[table.columnCount()];
            for (int r = 0; r < table.rows(); r++) {
                for (int c = 0; c < fields.length; c++) {
                    fields[c] = format(table.get(r, c));
                }
                out.writeRecord(fields);
            }
        }
    }

    /** Integers without a trailing ".0" (row indices, labels), everything else round-trip exact. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
