package org.anomalia.data.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementReaderTest {
    static final Path MEAS = Path.of(System.getProperty("anomalia.testdata", "../testdata"), "physics", "measurements");

    @TempDir
    Path dir;

    /** Reference CSV rows (header first), read with FastCSV independently of the reader under test. */
    private static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new java.util.ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(file)) {
            for (CsvRecord rec : csv) {
                rows.add(rec.getFields().toArray(new String[0]));
            }
        }
        return rows;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void flavioYamlOfLhcb2020MatchesThePublishedPerBinCovariances() throws IOException {
        List<Measurement> bins = MeasurementReader.readAll(MEAS.resolve("lhcb2020_bkstarmumu_pbasis.yaml"));
        assertEquals(10, bins.size());
        // independent reference: total sigma from the long CSV, correlations from the per-bin CSVs
        List<String[]> rows = csv(MEAS.resolve("lhcb2020_bkstarmumu_pbasis.csv"));
        int checked = 0;
        for (Measurement m : bins) {
            assertEquals(8, m.size());
            String q2min = ObservableKey.formatNumber(m.keys().get(0).argument("q2min"));
            String q2max = ObservableKey.formatNumber(m.keys().get(0).argument("q2max"));
            List<String[]> corr = csv(MEAS.resolve("lhcb2020_bkstarmumu_pbasis_corr_" + q2min + "-" + q2max + ".csv"));
            for (int i = 0; i < 8; i++) {
                ObservableKey k = m.keys().get(i);
                String[] ref = rows.stream()
                        .filter(f -> f[0].equals(k.name()) && Double.parseDouble(f[1]) == k.argument("q2min")
                                && Double.parseDouble(f[2]) == k.argument("q2max"))
                        .findFirst().orElseThrow();
                assertEquals(Double.parseDouble(ref[3]), m.central(i), 1e-12, k.label());
                assertEquals(Double.parseDouble(ref[5]), m.sigma(i), 1e-12, k.label());
                String[] corrRow = corr.get(i + 1);
                for (int j = 0; j < 8; j++) {
                    double expected = Double.parseDouble(corrRow[j + 1]) * m.sigma(i) * m.sigma(j);
                    assertEquals(expected, m.covariance(i, j), 1e-15, k.label() + " x " + j);
                    checked++;
                }
            }
        }
        assertEquals(640, checked);
        Measurement all = MeasurementReader.read(MEAS.resolve("lhcb2020_bkstarmumu_pbasis.yaml"));
        assertEquals(80, all.size());
        int a = all.indexOf("<P5p>(B0->K*mumu)[4,6]"), b = all.indexOf("<FL>(B0->K*mumu)[6,8]");
        assertEquals(0.0, all.covariance(a, b), 0, "different bins are independent");
        assertEquals(-0.439, all.central(a), 1e-12);
        assertEquals(Math.sqrt(0.111 * 0.111 + 0.036 * 0.036), all.sigma(a), 1e-12);
    }

    @Test
    void genericJsonWithCovarianceAndYamlWithErrorsAndCorrelation() throws IOException {
        Measurement j = MeasurementReader.read(write("m.json",
                "{\"observables\": [\"x1\", \"x2\"], \"central\": [1.0, -2.5], \"covariance\": [[0.04, 0.01], [0.01, 0.09]]}"));
        assertEquals(List.of("x1", "x2"), j.observables());
        assertEquals(-2.5, j.central(1), 0);
        assertEquals(0.01, j.covariance(1, 0), 0);
        Measurement y = MeasurementReader.read(write("m.yaml", """
                observables: [a, b, c]
                central: [1, 2, 3]
                errors: [0.1, 0.2, 0.5]
                correlation:
                  - [1, 0.5, -0.2]
                  - [1, 0.1]
                  - [1]
                """));
        assertEquals(0.5 * 0.1 * 0.2, y.covariance(0, 1), 1e-15);
        assertEquals(-0.2 * 0.1 * 0.5, y.covariance(2, 0), 1e-15);
        assertEquals(0.1 * 0.2 * 0.5, y.covariance(1, 2), 1e-15);
        assertEquals(0.25, y.covariance(2, 2), 1e-15);
        Measurement sel = y.select(List.of("c", "a"));
        assertEquals(3, sel.central(0), 0);
        assertEquals(-0.2 * 0.1 * 0.5, sel.covariance(0, 1), 1e-15);
        assertEquals(0.025, y.withCovarianceScaled(0.1).covariance(2, 2), 1e-15);
    }

    @Test
    void flavioValueStringsCombineAsFlavioDoes() {
        ValueWithErrors v = ValueWithErrors.parse("0.255 ± 0.032 ± 0.007", "t");
        assertEquals(0.255, v.central(), 0);
        assertEquals(Math.sqrt(0.032 * 0.032 + 0.007 * 0.007), v.sigma(), 1e-15);
        ValueWithErrors a = ValueWithErrors.parse("1.2 +0.3 -0.2 ± 0.1", "t");
        assertEquals(Math.sqrt(0.3 * 0.2 + 0.01), a.sigma(), 1e-15);
        ValueWithErrors e = ValueWithErrors.parse("(1.67 +- 0.3) e-3", "t");
        assertEquals(1.67e-3, e.central(), 1e-18);
        assertEquals(0.3e-3, e.sigma(), 1e-18);
        ValueWithErrors br = ValueWithErrors.parse("1.67(3)(5)", "t");
        assertEquals(Math.sqrt(0.03 * 0.03 + 0.05 * 0.05), br.sigma(), 1e-15);
        ValueWithErrors neg = ValueWithErrors.parse("−0.44 ± 0.1", "t");
        assertEquals(-0.44, neg.central(), 0);
        UserException bad = assertThrows(UserException.class, () -> ValueWithErrors.parse("0.3 pm 0.1", "f.yaml x"));
        assertTrue(bad.getMessage().startsWith("f.yaml x: cannot read value '0.3 pm 0.1'"), bad.getMessage());
    }

    @Test
    void flavioFileWithAsymmetricErrorsAndScalarCorrelation() throws IOException {
        Measurement m = MeasurementReader.read(write("f.yml", """
                My measurement:
                  values:
                    - {name: <X>(B->Y), q2min: 1, q2max: 2, value: 0.5 +0.2 -0.1}
                    - {name: <X>(B->Y), q2min: 2, q2max: 4, value: 0.7 ± 0.1}
                  correlation: 0.3
                """));
        assertEquals(List.of("<X>(B->Y)[1,2]", "<X>(B->Y)[2,4]"), m.observables());
        assertEquals(0.02, m.covariance(0, 0), 1e-15);
        assertEquals(0.3 * Math.sqrt(0.02) * 0.1, m.covariance(0, 1), 1e-15);
    }

    private UserException bad(String name, String text) throws IOException {
        Path p = write(name, text);
        UserException e = assertThrows(UserException.class, () -> MeasurementReader.read(p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void badFilesNameFileAndField() throws IOException {
        assertTrue(bad("a.json", "{\"observables\": [\"x1\", \"x2\"], \"central\": [1.0, 2.0], "
                + "\"covariance\": [[1, 0.5], [0.4, 1]]}").getMessage().contains("not symmetric"));
        UserException pd = bad("b.json", "{\"observables\": [\"x1\", \"x2\"], \"central\": [1.0, 2.0], "
                + "\"covariance\": [[1, 2], [2, 1]]}");
        assertTrue(pd.getMessage().contains("field 'covariance'") && pd.getMessage().contains("not positive definite")
                && pd.getMessage().contains("smallest eigenvalue -1"), pd.getMessage());
        assertTrue(bad("c.json", "{\"observables\": [\"x1\", \"x2\"], \"central\": [1.0], "
                + "\"covariance\": [[1, 0], [0, 1]]}").getMessage().contains("field 'central' has 1 values"));
        assertTrue(bad("d.json", "{\"observables\": [\"x1\", \"x2\"], \"central\": [1.0, 2], "
                + "\"covariance\": [[1, 0], [0]]}").getMessage().contains("row 2 has 1 entries, expected 2"));
        assertTrue(bad("e.json", "{\"observables\": [\"x1\"], \"central\": [1.0]}").getMessage()
                .contains("missing field 'covariance'"));
        assertTrue(bad("f.json", "{\"observables\": [\"x1\"], \"central\": [\"abc\"], \"covariance\": [[1]]}")
                .getMessage().contains("field 'central' entry 1: 'abc' is not a number"));
        assertTrue(bad("g.json", "{\"observables\": [\"x1\"").getMessage().contains("not valid JSON"));
        assertTrue(bad("h.yaml", "observables: [a, b]\ncentral: [1, 2]\nerrors: [0.1, 0.1]\ncorrelation: [[1, 1.5], [1]]\n")
                .getMessage().contains("outside [-1, 1]"));
        assertTrue(bad("i.yaml", "M:\n  values:\n    - {name: X, value: '0.5'}\n").getMessage().contains("has no error"));
        assertTrue(bad("j.yaml", "M:\n  values:\n    - {name: X, value: 0.5 ± 0.1}\n    - {name: Y, value: 0.5 ± 0.1}\n"
                + "  correlation: [[1, 0.2, 0.1], [1, 0.3]]\n").getMessage().contains("field 'correlation'"));
        UserException missing = assertThrows(UserException.class, () -> MeasurementReader.read(dir.resolve("nope.yaml")));
        assertTrue(missing.getMessage().contains("nope.yaml does not exist"), missing.getMessage());
    }
}
