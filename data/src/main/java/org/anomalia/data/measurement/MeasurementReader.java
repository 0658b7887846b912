package org.anomalia.data.measurement;

import org.anomalia.numerics.io.OutputPaths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.numerics.UserException;

/**
 * Reads measurements from JSON or YAML. Two layouts:
 * <ul>
 *   <li>generic: {@code {"observables": [...], "central": [...], "covariance": [[...]]}}, or with
 *       {@code "errors"} and {@code "correlation"} (full matrix or upper triangle) instead of the covariance;</li>
 *   <li>flavio's measurement YAML: a map from measurement name to {@code values} (a list of
 *       {@code {name, <arguments>, value: 'c ± stat ± syst'}} or a map name → value string) and an optional
 *       {@code correlation} (upper triangle, full matrix or one number). Each entry is a Gaussian as
 *       flavio builds it (σ² = Σ sym² + Σ a·b); different entries are independent (block-diagonal).</li>
 * </ul>
 * Every problem is a UserException naming the file and the field.
 */
public final class MeasurementReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MeasurementReader() {
    }

    /** Reads a file; all measurements in it are combined into one (block-diagonal). */
    public static Measurement read(Path file) {
        List<Measurement> parts = readAll(file);
        return parts.size() == 1 ? parts.get(0) : Measurement.blockDiagonal(file.toString(), parts);
    }

    /** Reads a file; a flavio file gives one measurement per entry, in file order. */
    public static List<Measurement> readAll(Path file) {
        OutputPaths.requireNotDirectory(file);
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = parse(in, file.getFileName().toString(), file.toString());
        } catch (NoSuchFileException e) {
            throw new UserException("measurement file " + file + " does not exist");
        } catch (IOException e) {
            throw new UserException("cannot read measurement file " + file + ": " + e.getMessage(), e);
        }
        return fromTree(root, file.toString());
    }

    /** Reads from a stream (for bundled resources); {@code name} is used for the format and in messages. */
    public static List<Measurement> readAll(InputStream in, String name) {
        try {
            return fromTree(parse(in, name, name), name);
        } catch (IOException e) {
            throw new UserException("cannot read measurement " + name + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(InputStream in, String fileName, String where) throws IOException {
        ObjectMapper mapper = fileName.toLowerCase().endsWith(".json") ? JSON : YAML;
        try {
            JsonNode root = mapper.readTree(in);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new UserException(where + ": the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage().replace('\n', ' ');
            String loc = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new UserException(where + ": not valid " + (mapper == JSON ? "JSON" : "YAML") + loc + ": " + msg);
        }
    }

    static List<Measurement> fromTree(JsonNode root, String where) {
        if (!root.isObject()) {
            throw new UserException(where + ": expected an object with 'observables', 'central' and 'covariance', "
                    + "or flavio measurement entries");
        }
        if (root.has("observables") || root.has("central")) return List.of(generic(root, where));
        List<Measurement> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(flavioEntry(e.getKey(), e.getValue(), where));
        }
        if (out.isEmpty()) throw new UserException(where + ": no measurements in the file");
        return out;
    }

    // ---- generic layout ----------------------------------------------------------------------

    private static Measurement generic(JsonNode root, String where) {
        JsonNode obs = required(root, "observables", where);
        if (!obs.isArray() || obs.isEmpty()) {
            throw new UserException(where + ": field 'observables' must be a non-empty list of names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode o : obs) {
            if (!o.isTextual()) throw new UserException(where + ": field 'observables' must contain names (strings)");
            names.add(o.asText());
        }
        int n = names.size();
        double[] central = vector(required(root, "central", where), "central", where);
        if (central.length != n) {
            throw new UserException(where + ": field 'central' has " + central.length + " values but 'observables' has " + n);
        }
        double[][] cov;
        if (root.has("covariance")) {
            if (root.has("errors") || root.has("correlation")) {
                throw new UserException(where + ": give either 'covariance' or 'errors' with 'correlation', not both");
            }
            cov = matrix(root.get("covariance"), "covariance", n, where);
        } else if (root.has("errors")) {
            double[] err = vector(root.get("errors"), "errors", where);
            if (err.length != n) {
                throw new UserException(where + ": field 'errors' has " + err.length + " values but 'observables' has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!(err[i] > 0)) {
                    throw new UserException(where + ": field 'errors' entry " + (i + 1) + " ('" + names.get(i)
                            + "') must be positive, got " + err[i]);
                }
            }
            double[][] corr = root.has("correlation") ? correlation(root.get("correlation"), n, where + ": field 'correlation'")
                    : identity(n);
            cov = outerTimes(err, corr);
        } else {
            throw new UserException(where + ": missing field 'covariance' (or 'errors' with 'correlation')");
        }
        return Measurement.of(where, names, central, cov);
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new UserException(where + ": missing field '" + field + "'");
        return v;
    }

    private static double number(JsonNode v, String what) {
        if (v != null && v.isNumber()) return v.asDouble();
        if (v != null && v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new UserException(what + ": '" + (v == null ? "" : v.asText()) + "' is not a number");
    }

    private static double[] vector(JsonNode node, String field, String where) {
        if (!node.isArray()) throw new UserException(where + ": field '" + field + "' must be a list of numbers");
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(node.get(i), where + ": field '" + field + "' entry " + (i + 1));
            if (!Double.isFinite(v[i])) {
                throw new UserException(where + ": field '" + field + "' entry " + (i + 1) + " is not finite");
            }
        }
        return v;
    }

    private static double[][] matrix(JsonNode node, String field, int n, String where) {
        if (!node.isArray() || node.size() != n) {
            throw new UserException(where + ": field '" + field + "' must be a " + n + "x" + n + " list of lists"
                    + (node.isArray() ? " (it has " + node.size() + " rows)" : ""));
        }
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = vector(node.get(i), field + "' row '" + (i + 1), where);
            if (m[i].length != n) {
                throw new UserException(where + ": field '" + field + "' row " + (i + 1) + " has " + m[i].length
                        + " entries, expected " + n);
            }
        }
        return m;
    }

    /**
     * A correlation matrix as flavio accepts it: one number x (1 on the diagonal, x elsewhere), the
     * full matrix, or the upper triangle (row i has n − i entries starting with the 1 on the diagonal).
     */
    static double[][] correlation(JsonNode node, int n, String what) {
        double[][] c = identity(n);
        if (node.isNumber() || node.isTextual()) {
            double x = number(node, what);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) if (i != j) c[i][j] = x;
            }
            return checkedCorrelation(c, what);
        }
        if (!node.isArray() || node.size() != n) {
            throw new UserException(what + " must have " + n + " rows (full matrix or upper triangle)"
                    + (node.isArray() ? ", it has " + node.size() : ""));
        }
        boolean upper = true, full = true;
        for (int i = 0; i < n; i++) {
            JsonNode row = node.get(i);
            if (!row.isArray()) throw new UserException(what + " row " + (i + 1) + " must be a list of numbers");
            upper &= row.size() == n - i;
            full &= row.size() == n;
        }
        if (!upper && !full) {
            throw new UserException(what + " is neither a full " + n + "x" + n + " matrix nor its upper triangle "
                    + "(row k must have " + n + " or " + n + "-k+1 entries)");
        }
        for (int i = 0; i < n; i++) {
            JsonNode row = node.get(i);
            int start = full ? 0 : i;
            for (int k = 0; k < row.size(); k++) {
                int j = start + k;
                double v = number(row.get(k), what + " row " + (i + 1) + " entry " + (k + 1));
                if (j == i) {
                    if (v != 1.0) throw new UserException(what + " row " + (i + 1) + ": the diagonal must be 1, found " + v);
                } else if (full && j < i) {
                    if (Math.abs(v - c[i][j]) > 1e-9) {
                        throw new UserException(what + " is not symmetric: entry (" + (i + 1) + "," + (j + 1) + ") = " + v
                                + " but (" + (j + 1) + "," + (i + 1) + ") = " + c[i][j]);
                    }
                } else {
                    c[i][j] = v;
                    c[j][i] = v;
                }
            }
        }
        return checkedCorrelation(c, what);
    }

    private static double[][] checkedCorrelation(double[][] c, String what) {
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                if (!(Math.abs(c[i][j]) <= 1)) {
                    throw new UserException(what + ": entry (" + (i + 1) + "," + (j + 1) + ") = " + c[i][j]
                            + " is outside [-1, 1]");
                }
            }
        }
        return c;
    }

    private static double[][] identity(int n) {
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) c[i][i] = 1;
        return c;
    }

    private static double[][] outerTimes(double[] s, double[][] corr) {
        int n = s.length;
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) cov[i][j] = s[i] * s[j] * corr[i][j];
        }
        return cov;
    }

    // ---- flavio layout -----------------------------------------------------------------------

    private static Measurement flavioEntry(String name, JsonNode entry, String file) {
        String where = file + ": measurement '" + name + "'";
        if (!entry.isObject() || !entry.has("values")) {
            throw new UserException(where + ": expected a field 'values' (flavio measurement format)");
        }
        if (entry.has("observables")) {
            throw new UserException(where + ": the 'observables' + distribution form is not supported; "
                    + "write 'values' with 'central ± error' strings and a 'correlation'");
        }
        List<ObservableKey> keys = new ArrayList<>();
        List<Double> central = new ArrayList<>();
        List<Double> sigma = new ArrayList<>();
        JsonNode values = entry.get("values");
        if (values.isArray()) {
            int k = 0;
            for (JsonNode v : values) {
                k++;
                String at = where + " values entry " + k;
                if (!v.isObject() || !v.has("name") || !v.has("value")) {
                    throw new UserException(at + ": expected {name: ..., <arguments>, value: 'central ± error'}");
                }
                Map<String, Double> args = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> f = v.fields();
                while (f.hasNext()) {
                    Map.Entry<String, JsonNode> arg = f.next();
                    if (arg.getKey().equals("name") || arg.getKey().equals("value")) continue;
                    args.put(arg.getKey(), number(arg.getValue(), at + " field '" + arg.getKey() + "'"));
                }
                keys.add(new ObservableKey(v.get("name").asText(), args));
                addValue(v.get("value"), at + " field 'value'", central, sigma);
            }
        } else if (values.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> f = values.fields();
            while (f.hasNext()) {
                Map.Entry<String, JsonNode> v = f.next();
                keys.add(ObservableKey.of(v.getKey()));
                addValue(v.getValue(), where + " value of '" + v.getKey() + "'", central, sigma);
            }
        } else {
            throw new UserException(where + ": field 'values' must be a list or a map");
        }
        int n = keys.size();
        if (n == 0) throw new UserException(where + ": field 'values' is empty");
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = sigma.get(i);
            if (!(s[i] > 0)) {
                throw new UserException(where + ": value of '" + keys.get(i).label() + "' has no error; a Gaussian "
                        + "measurement needs one (write 'central ± error')");
            }
        }
        double[][] corr = entry.has("correlation") ? correlation(entry.get("correlation"), n, where + " field 'correlation'")
                : identity(n);
        double[] c = central.stream().mapToDouble(Double::doubleValue).toArray();
        return Measurement.ofKeys(where, keys, c, outerTimes(s, corr));
    }

    private static void addValue(JsonNode v, String where, List<Double> central, List<Double> sigma) {
        if (v.isObject()) {
            // flavio's dict form of a normal distribution
            double c = number(v.get("central_value"), where + " 'central_value'");
            JsonNode sd = v.has("standard_deviation") ? v.get("standard_deviation") : v.get("error");
            central.add(c);
            sigma.add(number(sd, where + " 'standard_deviation'"));
            return;
        }
        ValueWithErrors parsed = ValueWithErrors.parse(v.asText(), where);
        central.add(parsed.central());
        sigma.add(parsed.sigma());
    }
}
