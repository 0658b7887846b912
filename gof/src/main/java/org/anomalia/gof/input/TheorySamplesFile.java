package org.anomalia.gof.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.data.csv.CsvTableReader;
import org.anomalia.numerics.UserException;

/**
 * Theory samples x(ν) from a file (CSV with one column per observable and one row per draw, not
 * smeared; .npy/HDF5/Parquet tables work too), with the columns put in the measurement's order.
 */
public final class TheorySamplesFile {
    /** The rows in measurement order and how many non-finite rows were dropped. */
    public record Samples(double[][] rows, int droppedNonFinite, String source) {}

    private TheorySamplesFile() {}

    public static Samples read(Path file, List<String> observables, boolean dropNonFinite) {
        // CSV is read raw so that non-finite rows can be counted and dropped here; other formats reject them on reading.
        Table table = file.getFileName().toString().toLowerCase().endsWith(".csv") ? CsvTableReader.read(file) : TableFiles.read(file);
        List<String> missing = new ArrayList<>();
        for (String o : observables) if (!table.has(o)) missing.add(o);
        if (!missing.isEmpty()) {
            List<String> extra = new ArrayList<>(table.names());
            extra.removeAll(observables);
            throw new UserException(file + ": observable names differ between measurement and theory samples: missing in the samples "
                    + missing + (extra.isEmpty() ? "" : ", only in the samples " + extra) + "; rename the columns to match the measurement");
        }
        double[][] rows = table.toRows(observables);
        List<double[]> kept = new ArrayList<>(rows.length);
        int bad = 0, firstBad = -1;
        for (int r = 0; r < rows.length; r++) {
            if (allFinite(rows[r])) {
                kept.add(rows[r]);
            } else {
                if (bad++ == 0) firstBad = r + 1;
            }
        }
        if (bad > 0 && !dropNonFinite) {
            throw new UserException(file + ": " + bad + " of " + rows.length + " rows hold non-finite values (first at data row " + firstBad
                    + "); fix them or pass --drop-nonfinite to skip them");
        }
        return new Samples(kept.toArray(new double[0][]), bad, file.toString());
    }

    private static boolean allFinite(double[] row) {
        for (double v : row) if (!Double.isFinite(v)) return false;
        return true;
    }
}
