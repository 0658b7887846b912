package org.anomalia.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anomalia.data.csv.CsvTableReader;
import org.anomalia.data.csv.CsvTableWriter;
import org.anomalia.data.hdf5.Hdf5TableReader;
import org.anomalia.data.npy.NpyReader;
import org.anomalia.data.npy.NpyWriter;
import org.anomalia.data.parquet.ParquetTableReader;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.numerics.io.OutputPaths;

/**
 * Reads and writes tables, choosing the format by file extension: .npy, .csv, .h5/.hdf5/.hdf,
 * .parquet (reading) and .csv, .npy (writing). Reading checks that every value is finite.
 */
public final class TableFiles {
    private TableFiles() {
    }

    /** A table file plus how to interpret it. */
    public record Source(Path path, String key, List<String> names) {
        /** Just a file; HDF5 files with one object and formats with column names need nothing more. */
        public static Source of(Path path) {
            return new Source(path, null, null);
        }
    }

    public static Table read(Path path) {
        return read(Source.of(path));
    }

    /**
     * Reads the file. {@code key} is the object inside an HDF5 file; {@code names} renames the
     * columns (needed for .npy, which stores none).
     */
    public static Table read(Source source) {
        Path path = source.path();
        OutputPaths.requireNotDirectory(path);
        Table t = switch (extension(path)) {
            case "npy" -> NpyReader.read(path);
            case "csv" -> CsvTableReader.read(path);
            case "h5", "hdf5", "hdf" -> Hdf5TableReader.read(path, source.key());
            case "parquet", "pq" -> ParquetTableReader.read(path, null);
            default -> throw new UserException(path + ": unknown table format '" + extension(path)
                    + "'; use .npy, .csv, .h5/.hdf5 or .parquet");
        };
        if (source.names() != null && !source.names().isEmpty()) {
            t = t.renamed(source.names());
        }
        return t.requireFinite();
    }

    /** Writes a table as .csv or .npy (by extension), atomically. */
    public static void write(Path path, Table table) {
        AtomicOutput.file(path, writer(path, table));
    }

    /**
     * How to write the table in the format of {@code path}'s extension, for {@link AtomicOutput#files}
     * when the table goes out together with other files (its .meta.json).
     */
    public static AtomicOutput.FileWriter writer(Path path, Table table) {
        requireWritableFormat(path);
        return switch (extension(path)) {
            case "csv" -> tmp -> CsvTableWriter.write(tmp, table);
            default -> tmp -> NpyWriter.write(tmp, table);
        };
    }

    /** A user error unless {@link #write} can write this format (check before the work that makes the table). */
    public static void requireWritableFormat(Path path) {
        String ext = extension(path);
        if (!ext.equals("csv") && !ext.equals("npy")) {
            throw new UserException(path + ": cannot write format '" + ext + "'; use .csv or .npy");
        }
    }

    /**
     * Writes scores next to the row index of the events they belong to: columns "index" and the
     * given score names (in .npy the index is column 0).
     */
    public static void writeScores(Path path, int[] rowIndex, List<String> names, List<double[]> scores) {
        double[] idx = new double[rowIndex.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rowIndex[i];
        }
        List<String> allNames = new ArrayList<>();
        allNames.add("index");
        allNames.addAll(names);
        double[][] cols = new double[allNames.size()][];
        cols[0] = idx;
        for (int i = 0; i < scores.size(); i++) {
            cols[i + 1] = scores.get(i);
        }
        write(path, new Table(path.toString(), allNames, cols));
    }

    static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
