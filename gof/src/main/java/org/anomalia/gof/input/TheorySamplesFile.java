package org.anomalia.gof.input;

import org.anomalia.data.measurement.ObservableNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.data.csv.CsvTableReader;
import org.anomalia.numerics.UserException;

/**
 * Theory samples x(ν) from a file (CSV with one column per observable and one row per draw, not
 * smeared; .npy/HDF5/Parquet tables work too), with the columns put in the measurement's order. A
 * column matches a measured value by its label or by the canonical key of {@link ObservableNames}, so
 * the columns {@code bsll sample} writes ({@code FL_1.1_2.5}) meet a flavio measurement file's entries.
 */
public final class TheorySamplesFile {
    /** The rows in measurement order and how many non-finite rows were dropped. */
    public record Samples(double[][] rows, int droppedNonFinite, String source) {}

    private TheorySamplesFile() {}

    public static Samples read(Path file, List<String> observables, boolean dropNonFinite) {
        // CSV is read raw so that non-finite rows can be counted and dropped here; other formats reject them on reading.
        Table table = file.getFileName().toString().toLowerCase().endsWith(".csv") ? CsvTableReader.read(file) : TableFiles.read(file);
        // each measured value found by its label or its canonical key: FL_1.1_2.5 and <FL>(B0->K*mumu)[1.1,2.5] are one observable
        int[] at = ObservableNames.match(observables, table.names(), file.toString());
        List<String> columns = new ArrayList<>();
        for (int c : at) columns.add(table.names().get(c));
        double[][] rows = table.toRows(columns);
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
