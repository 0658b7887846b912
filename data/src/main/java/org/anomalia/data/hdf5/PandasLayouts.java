package org.anomalia.data.hdf5;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;

/**
 * The two HDF5 layouts pandas writes (through PyTables), read without Python.
 *
 * <p>"fixed": the group holds axis0 (column names), axis1 (index) and for each dtype block i the
 * datasets block{i}_items (its column names) and block{i}_values (rows × items).
 *
 * <p>"table": the group holds a compound dataset "table" with a field "index" and either one field
 * per column (data_columns) or fields values_block_{i} of width k whose column names are in the
 * table attribute values_block_{i}_kind, a protocol-0 pickle of a list of strings. The column
 * order of the DataFrame is in the group attribute non_index_axes (also a protocol-0 pickle).
 */
final class PandasLayouts {
    private PandasLayouts() {
    }

    static Table fixed(String where, Group group) {
        int nblocks = intAttribute(group, "nblocks");
        List<String> order = strings(dataset(where, group, "axis0").getData());
        Map<String, double[]> byName = new LinkedHashMap<>();
        for (int b = 0; b < nblocks; b++) {
            List<String> items = strings(dataset(where, group, "block" + b + "_items").getData());
            Dataset values = dataset(where, group, "block" + b + "_values");
            if (!Hdf5TableReader.isNumeric(values.getJavaType())) {
                throw new UserException(where + ": column(s) " + items + " are not numeric; drop them before writing the file");
            }
            int[] dims = values.getDimensions();
            if (dims.length != 2 || dims[1] != items.size()) {
                throw new UserException(where + ": block" + b + "_values has shape " + Arrays.toString(dims)
                        + " for " + items.size() + " columns");
            }
            Object data = values.getData();
            for (int k = 0; k < items.size(); k++) {
                double[] col = new double[dims[0]];
                for (int r = 0; r < dims[0]; r++) {
                    col[r] = ((Number) Array.get(Array.get(data, r), k)).doubleValue();
                }
                byName.put(items.get(k), col);
            }
        }
        return ordered(where, order, byName);
    }

    static Table table(String where, Group group) {
        Dataset table = dataset(where, group, "table");
        if (!table.isCompound()) {
            throw new UserException(where + "/table is not a compound dataset; not a pandas table layout");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) table.getData();
        Map<String, double[]> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            String field = f.getKey();
            if (field.equals("index")) {
                continue;
            }
            String kind = Hdf5TableReader.stringAttribute(table, field + "_kind");
            List<String> names = kind == null ? List.of(field) : PickleStrings.parse(kind);
            List<String> parts = new ArrayList<>();
            List<double[]> cols = new ArrayList<>();
            Hdf5TableReader.addField(parts, cols, field, f.getValue());
            if (cols.isEmpty()) {
                throw new UserException(where + ": column(s) " + names + " are not numeric; drop them before writing the file");
            }
            if (cols.size() != names.size()) {
                throw new UserException(where + ": field " + field + " has " + cols.size() + " columns but its names are " + names);
            }
            for (int k = 0; k < names.size(); k++) {
                byName.put(names.get(k), cols.get(k));
            }
        }
        String axes = Hdf5TableReader.stringAttribute(group, "non_index_axes");
        List<String> order = axes == null ? new ArrayList<>(byName.keySet()) : PickleStrings.parse(axes);
        return ordered(where, order, byName);
    }

    private static Table ordered(String where, List<String> order, Map<String, double[]> byName) {
        double[][] cols = new double[order.size()][];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = byName.get(order.get(i));
            if (cols[i] == null) {
                throw new UserException(where + ": column '" + order.get(i) + "' is listed but not stored");
            }
        }
        return new Table(where, order, cols);
    }

    private static Dataset dataset(String where, Group group, String name) {
        Node n = group.getChildren().get(name);
        if (!(n instanceof Dataset ds)) {
            throw new UserException(where + ": pandas layout without '" + name + "'; was the file written by pandas to_hdf?");
        }
        return ds;
    }

    private static int intAttribute(Group group, String name) {
        Attribute a = group.getAttributes().get(name);
        if (a == null) {
            return 0;
        }
        return ((Number) a.getData()).intValue();
    }

    private static List<String> strings(Object data) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Array.getLength(data); i++) {
            out.add(String.valueOf(Array.get(data, i)));
        }
        return out;
    }
}
