package org.anomalia.data.hdf5;

import org.anomalia.numerics.io.OutputPaths;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;

/**
 * Reads a table from an HDF5 file through jhdf (pure Java). The key (a path inside the file) may
 * name:
 * <ul>
 *   <li>a 2-D numeric dataset: columns c0, c1, ...;</li>
 *   <li>a 1-D numeric dataset: one column named after the dataset;</li>
 *   <li>a compound dataset: one column per numeric field (array fields f of width k become f_0..f_k-1);</li>
 *   <li>a pandas group written with {@code to_hdf(format="fixed")} or {@code format="table"};</li>
 *   <li>any other group: its 1-D numeric datasets of equal length become the columns.</li>
 * </ul>
 * Without a key the file must hold one top-level object (or be a group of 1-D columns itself).
 */
public final class Hdf5TableReader {
    private Hdf5TableReader() {
    }

    public static Table read(Path path, String key) {
        OutputPaths.requireNotDirectory(path);
        String src = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new UserException(src + ": file not found");
        }
        try (HdfFile file = new HdfFile(path)) {
            Node node = locate(src, file, key);
            String where = src + ":" + node.getPath();
            if (node instanceof Dataset ds) {
                return fromDataset(where, ds);
            }
            Group group = (Group) node;
            String pandasType = stringAttribute(group, "pandas_type");
            if ("frame".equals(pandasType)) {
                return PandasLayouts.fixed(where, group);
            }
            if ("frame_table".equals(pandasType)) {
                return PandasLayouts.table(where, group);
            }
            if (pandasType != null) {
                throw new UserException(where + ": pandas object of type '" + pandasType + "' is not a DataFrame; store a DataFrame");
            }
            return fromColumnGroup(where, group);
        } catch (HdfException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new UserException(src + ": cannot read HDF5 (" + oneLine(e) + "); is it a valid, uncompressed or gzip-compressed HDF5 file?");
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }

    private static Node locate(String src, HdfFile file, String key) {
        if (key != null && !key.isBlank()) {
            try {
                return file.getByPath(key.startsWith("/") ? key : "/" + key);
            } catch (HdfException e) {
                throw new UserException(src + ": no object '" + key + "' in the file; top-level objects: " + topLevel(file));
            }
        }
        List<Node> children = visibleChildren(file);
        if (children.size() == 1) {
            return children.get(0);
        }
        if (!children.isEmpty() && children.stream().allMatch(Hdf5TableReader::isOneDimensionalNumeric)) {
            return file;
        }
        throw new UserException(src + ": the file holds several objects (" + topLevel(file) + "); choose one with a key");
    }

    private static List<Node> visibleChildren(Group group) {
        List<Node> out = new ArrayList<>();
        for (Map.Entry<String, Node> e : group.getChildren().entrySet()) {
            if (!e.getKey().startsWith("_")) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private static String topLevel(HdfFile file) {
        return String.join(", ", file.getChildren().keySet());
    }

    private static boolean isOneDimensionalNumeric(Node node) {
        return node instanceof Dataset ds && !ds.isCompound() && ds.getDimensions().length == 1 && isNumeric(ds.getJavaType());
    }

    static boolean isNumeric(Class<?> type) {
        return type == double.class || type == float.class || type == long.class || type == int.class
                || type == short.class || type == byte.class || type == Double.class || type == Float.class
                || type == Long.class || type == Integer.class || type == Short.class || type == Byte.class;
    }

    private static Table fromDataset(String where, Dataset ds) {
        if (ds.isCompound()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) ds.getData();
            List<String> names = new ArrayList<>();
            List<double[]> cols = new ArrayList<>();
            for (Map.Entry<String, Object> f : fields.entrySet()) {
                addField(names, cols, f.getKey(), f.getValue());
            }
            if (cols.isEmpty()) {
                throw new UserException(where + ": compound dataset has no numeric fields");
            }
            return new Table(where, names, cols.toArray(new double[0][]));
        }
        if (!isNumeric(ds.getJavaType())) {
            throw new UserException(where + ": dataset holds " + ds.getJavaType().getSimpleName() + " values, not numbers");
        }
        int[] dims = ds.getDimensions();
        Object data = ds.getData();
        if (dims.length == 1) {
            return new Table(where, List.of(ds.getName()), new double[][] {toDoubles(data)});
        }
        if (dims.length == 2) {
            double[][] cols = new double[dims[1]][dims[0]];
            for (int r = 0; r < dims[0]; r++) {
                double[] row = toDoubles(Array.get(data, r));
                for (int c = 0; c < dims[1]; c++) {
                    cols[c][r] = row[c];
                }
            }
            return new Table(where, Table.defaultNames(dims[1]), cols);
        }
        throw new UserException(where + ": dataset has " + dims.length + " dimensions; only 1-D and 2-D datasets are tables");
    }

    /** A compound field: a numeric vector, or a 2-D array (rows × width) for array-typed fields. */
    static void addField(List<String> names, List<double[]> cols, String name, Object value) {
        Class<?> component = value.getClass().getComponentType();
        if (component == null) {
            return;
        }
        if (component.isArray()) {
            int rows = Array.getLength(value);
            int width = rows == 0 ? 0 : Array.getLength(Array.get(value, 0));
            if (rows > 0 && !isNumeric(Array.get(value, 0).getClass().getComponentType())) {
                return;
            }
            for (int k = 0; k < width; k++) {
                double[] col = new double[rows];
                for (int r = 0; r < rows; r++) {
                    col[r] = ((Number) Array.get(Array.get(value, r), k)).doubleValue();
                }
                names.add(name + "_" + k);
                cols.add(col);
            }
        } else if (isNumeric(component)) {
            names.add(name);
            cols.add(toDoubles(value));
        }
    }

    private static Table fromColumnGroup(String where, Group group) {
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        for (Node child : visibleChildren(group)) {
            if (isOneDimensionalNumeric(child)) {
                names.add(child.getName());
                cols.add(toDoubles(((Dataset) child).getData()));
            }
        }
        if (cols.isEmpty()) {
            throw new UserException(where + ": group holds no 1-D numeric datasets; name a dataset inside it ("
                    + String.join(", ", group.getChildren().keySet()) + ")");
        }
        return new Table(where, names, cols.toArray(new double[0][]));
    }

    static String stringAttribute(Node node, String name) {
        Attribute a = node.getAttributes().get(name);
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        return v instanceof String s ? s : null;
    }

    /** Any 1-D numeric Java array (primitive or boxed) as doubles. */
    static double[] toDoubles(Object array) {
        if (array instanceof double[] d) {
            return d.clone();
        }
        int n = Array.getLength(array);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(array, i)).doubleValue();
        }
        return out;
    }
}
