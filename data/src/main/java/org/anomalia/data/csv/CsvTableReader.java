package org.anomalia.data.csv;

import org.anomalia.numerics.io.OutputPaths;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;

/**
 * Reads a comma-separated file whose first line names the columns and whose other lines hold
 * numbers (NaN, Infinity and the pandas spellings nan/inf are parsed, so that the finiteness check
 * can name them). Empty lines and lines starting with '#' are skipped.
 */
public final class CsvTableReader {
    private CsvTableReader() {
    }

    public static Table read(Path path) {
        OutputPaths.requireNotDirectory(path);
        String src = path.toString();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .commentStrategy(de.siegmar.fastcsv.reader.CommentStrategy.SKIP).ofCsvRecord(path)) {
            Iterator<CsvRecord> it = reader.iterator();
            if (!it.hasNext()) {
                throw new UserException(src + ": empty CSV file; the first line must name the columns");
            }
            List<String> names = new ArrayList<>();
            for (String name : it.next().getFields()) {
                names.add(name.strip());
            }
            List<double[]> rows = new ArrayList<>();
            while (it.hasNext()) {
                CsvRecord rec = it.next();
                if (rec.getFieldCount() != names.size()) {
                    throw new UserException(src + ": line " + rec.getStartingLineNumber() + " has " + rec.getFieldCount()
                            + " fields but the header names " + names.size() + " columns");
                }
                double[] row = new double[names.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = parse(src, rec, c, names.get(c));
                }
                rows.add(row);
            }
            return Table.ofRows(src, names, rows.toArray(new double[0][]));
        } catch (NoSuchFileException e) {
            throw new UserException(src + ": file not found");
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            throw new UserException(src + ": cannot read CSV (" + e.getMessage() + ")");
        }
    }

    private static double parse(String src, CsvRecord rec, int c, String name) {
        String s = rec.getField(c).strip();
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserException(src + ": line " + rec.getStartingLineNumber() + " column '" + name + "' holds '" + s
                    + "', which is not a number");
        }
    }
}
