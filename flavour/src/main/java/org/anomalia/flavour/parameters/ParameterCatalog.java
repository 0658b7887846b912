package org.anomalia.flavour.parameters;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.numerics.UserException;

/**
 * The theory parameters ν of B→K*μμ under flavio's names, with central values, widths,
 * distributions and correlations (flavio 2.7.0 defaults, bundled as resources). Immutable: the
 * "with…" and "fixed" methods return modified copies. Indices follow the order of parameters.csv and
 * are stable for a catalog and all its copies, so points can be plain arrays.
 */
public final class ParameterCatalog {
    private static final String RESOURCE_DIR = "/org/anomalia/flavour/parameters/";
    private static volatile ParameterCatalog bundled;

    private final List<ParameterInfo> parameters;
    private final Map<String, Integer> index;
    /** Correlation matrix over all parameters (identity where nothing is known), symmetric. */
    private final double[][] correlation;
    /** Where each non-trivial correlation came from, for error messages. */
    private final String correlationSource;
    private volatile ParameterSampler sampler;

    private ParameterCatalog(List<ParameterInfo> parameters, Map<String, Integer> index,
                             double[][] correlation, String correlationSource) {
        this.parameters = parameters;
        this.index = index;
        this.correlation = correlation;
        this.correlationSource = correlationSource;
    }

    /** flavio 2.7.0's default parameters for B0→K*0μμ (56 entries), with the BSZ and quark-mass correlations. */
    public static ParameterCatalog bundled() {
        ParameterCatalog c = bundled;
        if (c == null) {
            synchronized (ParameterCatalog.class) {
                if (bundled == null) {
                    bundled = load(resource("parameters.csv"), resource("parameters_other_correlations.csv"),
                            resource("bkstar_ff_bsz_covariance.csv"), "bundled flavio 2.7.0 parameters");
                }
                c = bundled;
            }
        }
        return c;
    }

    private static Source resource(String file) {
        return new Source(RESOURCE_DIR + file, () -> {
            InputStream in = ParameterCatalog.class.getResourceAsStream(RESOURCE_DIR + file);
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE_DIR + file);
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        });
    }

    /** A named text source (a file or resource), opened on demand. */
    public record Source(String name, Opener opener) {
        public Reader open() throws IOException {
            return opener.open();
        }
    }

    @FunctionalInterface
    public interface Opener {
        Reader open() throws IOException;
    }

    /**
     * Loads a catalog from the three tables: parameters (flavio's parameters.csv columns), pairwise
     * correlations (param1,param2,correlation) and a covariance block (name column, then one column
     * per parameter; it fixes both the widths and the correlations of the parameters it names).
     */
    public static ParameterCatalog load(Source parametersCsv, Source correlationsCsv, Source covarianceCsv,
                                        String description) {
        List<ParameterInfo> list = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Row row : readCsv(parametersCsv)) {
            String name = row.text("name");
            double errPlus = row.number("err_plus");
            double errMinus = row.number("err_minus");
            ParameterInfo info = new ParameterInfo(name, row.number("central"), errPlus, errMinus,
                    Distribution.fromFlavioName(row.text("distribution"), row.where("distribution")),
                    parseYesNo(row, "varied_in_sm_uncertainty"), row.text("unit"), row.text("description"));
            if (index.put(name, list.size()) != null) {
                throw new UserException(row.where("name") + ": parameter '" + name + "' appears twice");
            }
            list.add(info);
        }
        int n = list.size();
        double[][] corr = new double[n][n];
        for (int i = 0; i < n; i++) corr[i][i] = 1.0;
        for (Row row : readCsv(correlationsCsv)) {
            int a = lookup(index, row.text("param1"), row.where("param1"));
            int b = lookup(index, row.text("param2"), row.where("param2"));
            double rho = row.number("correlation");
            checkCorrelation(rho, row.where("correlation"));
            corr[a][b] = rho;
            corr[b][a] = rho;
        }
        List<ParameterInfo> withCovariance = readCovariance(covarianceCsv, index, list, corr);
        return new ParameterCatalog(Collections.unmodifiableList(withCovariance), Collections.unmodifiableMap(index),
                corr, description);
    }

    /** Reads a covariance block: widths σ = √C_ii replace the listed ones, correlations C_ij/(σ_i σ_j). */
    private static List<ParameterInfo> readCovariance(Source source, Map<String, Integer> index,
                                                      List<ParameterInfo> list, double[][] corr) {
        List<ParameterInfo> out = new ArrayList<>(list);
        Table table = readTable(source);
        List<Row> rows = table.rows();
        List<String> header = table.header();
        int m = header.size() - 1;
        if (rows.size() != m) {
            throw new UserException(source.name() + ": covariance has " + m + " columns but " + rows.size()
                    + " rows; it must be square");
        }
        int[] idx = new int[m];
        double[][] cov = new double[m][m];
        for (int i = 0; i < m; i++) {
            Row row = rows.get(i);
            String rowName = row.text(header.get(0));
            if (!rowName.equals(header.get(i + 1))) {
                throw new UserException(row.where(header.get(0)) + ": row '" + rowName
                        + "' must name the same parameter as column " + (i + 2) + " ('" + header.get(i + 1) + "')");
            }
            idx[i] = lookup(index, rowName, row.where(header.get(0)));
            for (int j = 0; j < m; j++) cov[i][j] = row.number(header.get(j + 1));
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(cov[i][j] - cov[j][i]) > 1e-12 * Math.sqrt(Math.abs(cov[i][i] * cov[j][j]))) {
                    throw new UserException(source.name() + ": covariance is not symmetric at ('" + header.get(i + 1)
                            + "', '" + header.get(j + 1) + "')");
                }
            }
            if (!(cov[i][i] > 0)) {
                throw new UserException(source.name() + ": variance of '" + header.get(i + 1) + "' must be positive");
            }
        }
        for (int i = 0; i < m; i++) {
            double si = Math.sqrt(cov[i][i]);
            out.set(idx[i], out.get(idx[i]).withSigma(si));
            for (int j = 0; j < m; j++) {
                if (i != j) corr[idx[i]][idx[j]] = cov[i][j] / (si * Math.sqrt(cov[j][j]));
            }
        }
        return out;
    }

    private static void checkCorrelation(double rho, String where) {
        if (!(rho >= -1 && rho <= 1)) {
            throw new UserException(where + ": correlation " + rho + " is outside [-1, 1]");
        }
    }

    private static boolean parseYesNo(Row row, String column) {
        String v = row.text(column).trim().toLowerCase();
        if (v.equals("yes") || v.equals("true")) return true;
        if (v.equals("no") || v.equals("false")) return false;
        throw new UserException(row.where(column) + ": expected yes or no, found '" + v + "'");
    }

    private static int lookup(Map<String, Integer> index, String name, String where) {
        Integer i = index.get(name);
        if (i == null) throw new UserException(where + ": " + unknownMessage(name, index.keySet()));
        return i;
    }

    private static String unknownMessage(String name, java.util.Collection<String> valid) {
        List<String> sorted = new ArrayList<>(valid);
        Collections.sort(sorted);
        return "unknown parameter '" + name + "'; valid names (flavio's): " + String.join(", ", sorted);
    }

    // ---- queries ----------------------------------------------------------------------------

    public int size() {
        return parameters.size();
    }

    public List<String> names() {
        return parameters.stream().map(ParameterInfo::name).toList();
    }

    public List<ParameterInfo> parameters() {
        return parameters;
    }

    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /** The index of a parameter; an unknown name is a user error that lists the valid ones. */
    public int index(String name) {
        Integer i = index.get(name);
        if (i == null) throw new UserException(unknownMessage(name, index.keySet()));
        return i;
    }

    public ParameterInfo info(String name) {
        return parameters.get(index(name));
    }

    public ParameterInfo info(int i) {
        return parameters.get(i);
    }

    /** The correlation coefficient between two parameters (0 when none is known). */
    public double correlation(int i, int j) {
        return correlation[i][j];
    }

    public double correlation(String a, String b) {
        return correlation[index(a)][index(b)];
    }

    /** The covariance used for sampling between two parameters (0 if either is not varied). */
    public double covariance(int i, int j) {
        ParameterInfo a = parameters.get(i), b = parameters.get(j);
        if (!a.isRandom() || !b.isRandom()) return 0;
        return a.sigma() * b.sigma() * correlation[i][j];
    }

    /** All central values (flavio's get_central_all). */
    public ParameterValues central() {
        double[] v = new double[size()];
        for (int i = 0; i < v.length; i++) v[i] = parameters.get(i).central();
        return new ParameterValues(this, v);
    }

    /** A point with the given values (array in catalog order, copied). */
    public ParameterValues point(double[] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException("expected " + size() + " values, got " + values.length);
        }
        return new ParameterValues(this, values.clone());
    }

    /** The sampler for flavio's sm_uncertainty draws; a correlation block that is not positive definite is a user error. */
    public ParameterSampler sampler() {
        ParameterSampler s = sampler;
        if (s == null) {
            s = new ParameterSampler(this);
            sampler = s;
        }
        return s;
    }

    String correlationSource() {
        return correlationSource;
    }

    double[][] correlationMatrix() {
        return correlation;
    }

    /** Two catalogs share indices when they have the same parameter names in the same order. */
    boolean sameLayout(ParameterCatalog other) {
        return other == this || other.index.equals(index);
    }

    // ---- modified copies ----------------------------------------------------------------------

    /** Moves the central value; the width and correlations stay. */
    public ParameterCatalog withCentral(String name, double value) {
        int i = index(name);
        List<ParameterInfo> copy = new ArrayList<>(parameters);
        copy.set(i, copy.get(i).withCentral(value));
        return copy(copy, correlation);
    }

    /** Fixes a parameter at its central value: it is no longer drawn (the others keep their marginal distribution). */
    public ParameterCatalog fixed(String name) {
        return fixed(name, info(name).central());
    }

    /** Fixes a parameter at a value. */
    public ParameterCatalog fixed(String name, double value) {
        int i = index(name);
        List<ParameterInfo> copy = new ArrayList<>(parameters);
        copy.set(i, copy.get(i).fixed(value));
        return copy(copy, correlation);
    }

    /** Sets a symmetric 1σ width. */
    public ParameterCatalog withSigma(String name, double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new UserException("width of parameter '" + name + "' must be a finite number >= 0, got " + sigma);
        }
        int i = index(name);
        List<ParameterInfo> copy = new ArrayList<>(parameters);
        copy.set(i, copy.get(i).withSigma(sigma));
        return copy(copy, correlation);
    }

    /** Sets the correlation between two parameters (checked for positive definiteness when sampling). */
    public ParameterCatalog withCorrelation(String a, String b, double rho) {
        int i = index(a), j = index(b);
        if (i == j) throw new UserException("cannot set the correlation of parameter '" + a + "' with itself");
        checkCorrelation(rho, "correlation of '" + a + "' and '" + b + "'");
        double[][] c = new double[size()][];
        for (int k = 0; k < c.length; k++) c[k] = correlation[k].clone();
        c[i][j] = rho;
        c[j][i] = rho;
        return copy(parameters, c);
    }

    private ParameterCatalog copy(List<ParameterInfo> params, double[][] corr) {
        return new ParameterCatalog(Collections.unmodifiableList(params), index, corr, correlationSource);
    }

    // ---- CSV ----------------------------------------------------------------------------------

    /** A data row with access by header name and error messages that name file, line and column. */
    private static final class Row {
        final String file;
        final long line;
        final List<String> header;
        final List<String> fields;

        Row(String file, long line, List<String> header, List<String> fields) {
            this.file = file;
            this.line = line;
            this.header = header;
            this.fields = fields;
        }

        String where(String column) {
            return file + " line " + line + " column '" + column + "'";
        }

        String text(String column) {
            int c = header.indexOf(column);
            if (c < 0) throw new UserException(file + ": missing column '" + column + "' (header: " + header + ")");
            if (c >= fields.size()) throw new UserException(where(column) + ": missing value");
            return fields.get(c);
        }

        double number(String column) {
            String t = text(column).trim();
            try {
                double v = Double.parseDouble(t);
                if (!Double.isFinite(v)) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new UserException(where(column) + ": '" + t + "' is not a finite number");
            }
        }
    }

    /** A CSV file: header and data rows. */
    private record Table(List<String> header, List<Row> rows) { }

    private static List<Row> readCsv(Source source) {
        return readTable(source).rows();
    }

    private static Table readTable(Source source) {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        try (Reader r = source.open(); CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(r)) {
            for (CsvRecord rec : csv) {
                if (header == null) {
                    header = List.copyOf(rec.getFields());
                } else if (!(rec.getFieldCount() == 1 && rec.getField(0).isBlank())) {
                    rows.add(new Row(source.name(), rec.getStartingLineNumber(), header, rec.getFields()));
                }
            }
            if (header == null) throw new UserException(source.name() + ": empty file, expected a CSV header");
        } catch (IOException e) {
            throw new UserException("cannot read " + source.name() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserException("cannot read " + source.name() + ": " + e.getCause().getMessage(), e);
        }
        return new Table(header, rows);
    }

    @Override
    public String toString() {
        return "ParameterCatalog(" + size() + " parameters, " + correlationSource + ")";
    }

    static String describe(int[] idx, List<ParameterInfo> params) {
        return Arrays.stream(idx).mapToObj(k -> params.get(k).name()).reduce((x, y) -> x + ", " + y).orElse("");
    }
}
