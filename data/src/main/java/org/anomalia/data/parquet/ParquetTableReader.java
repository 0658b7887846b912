package org.anomalia.data.parquet;

import org.anomalia.numerics.io.OutputPaths;
import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.ParquetReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads the numeric columns of a Parquet file through parquet-floor (parquet-mr without Hadoop).
 * Columns of type DOUBLE, FLOAT, INT32 and INT64 are read; asking for any other column is a user
 * error. Null values become NaN (and are then caught by the finiteness check).
 */
public final class ParquetTableReader {
    private ParquetTableReader() {
    }

    /** All numeric columns, or only {@code wanted} when it is not null. */
    public static Table read(Path path, List<String> wanted) {
        OutputPaths.requireNotDirectory(path);
        String src = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new UserException(src + ": file not found");
        }
        File file = path.toFile();
        try {
            MessageType schema = ParquetReader.readMetadata(file).getFileMetaData().getSchema();
            List<String> numeric = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (Type field : schema.getFields()) {
                all.add(field.getName());
                if (field.isPrimitive() && isNumeric(field.asPrimitiveType().getPrimitiveTypeName())
                        && field.getRepetition() != Type.Repetition.REPEATED) {
                    numeric.add(field.getName());
                }
            }
            List<String> names = wanted == null ? numeric : wanted;
            for (String w : names) {
                if (!all.contains(w)) {
                    throw new UserException(src + ": no column '" + w + "'; available columns: " + String.join(", ", all));
                }
                if (!numeric.contains(w)) {
                    throw new UserException(src + ": column '" + w + "' is not numeric; choose among " + String.join(", ", numeric));
                }
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            int width = names.size();
            Hydrator<double[], double[], String[]> hydrator = new Hydrator<>() {
                @Override
                public double[] start() {
                    double[] row = new double[width];
                    Arrays.fill(row, Double.NaN);
                    return row;
                }

                @Override
                public double[] add(double[] row, String[] heading, Object value) {
                    Integer i = index.get(heading[0]);
                    if (i != null && value != null) {
                        row[i] = ((Number) value).doubleValue();
                    }
                    return row;
                }

                @Override
                public double[] finish(double[] row) {
                    return row;
                }
            };
            double[][] rows;
            try (Stream<double[]> s = ParquetReader.streamContent(file, hydrator, h -> h)) {
                rows = s.toArray(double[][]::new);
            }
            return Table.ofRows(src, names, rows);
        } catch (UserException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
            throw new UserException(src + ": cannot read Parquet (" + m + "); is it a valid Parquet file?");
        }
    }

    private static boolean isNumeric(PrimitiveTypeName t) {
        return t == PrimitiveTypeName.DOUBLE || t == PrimitiveTypeName.FLOAT || t == PrimitiveTypeName.INT32
                || t == PrimitiveTypeName.INT64;
    }
}
