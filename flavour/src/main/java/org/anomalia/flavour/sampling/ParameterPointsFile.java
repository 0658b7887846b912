package org.anomalia.flavour.sampling;

import java.nio.file.Path;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.data.csv.CsvTableReader;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.numerics.UserException;

/**
 * Parameter points from a CSV whose header names parameters (flavio's names): one point per row,
 * parameters not named stay at their central values. Another tool's draws or a user's scan go
 * through Anomalia this way.
 */
public final class ParameterPointsFile {
    private ParameterPointsFile() {
    }

    /** Points in catalog order (see {@link ParameterCatalog#names()}). */
    public static double[][] read(Path file, ParameterCatalog catalog) {
        return points(CsvTableReader.read(file), catalog, file.toString());
    }

    static double[][] points(Table table, ParameterCatalog catalog, String source) {
        List<String> names = table.names();
        int[] index = new int[names.size()];
        for (int c = 0; c < index.length; c++) {
            String name = names.get(c);
            if (!catalog.contains(name)) {
                throw new UserException(source + ": column " + (c + 1) + " '" + name + "' is not a parameter; valid names: "
                        + String.join(", ", catalog.names().stream().sorted().toList()));
            }
            index[c] = catalog.index(name);
        }
        if (table.rows() == 0) throw new UserException(source + ": no rows; give one parameter point per line");
        double[] central = catalog.central().toArray();
        double[][] points = new double[table.rows()][];
        for (int r = 0; r < points.length; r++) {
            points[r] = central.clone();
            for (int c = 0; c < index.length; c++) {
                double v = table.get(r, c);
                if (!Double.isFinite(v)) {
                    throw new UserException(source + ": data row " + (r + 1) + " column '" + names.get(c)
                            + "' is " + v + "; every value must be a finite number");
                }
                points[r][index[c]] = v;
            }
        }
        return points;
    }
}
