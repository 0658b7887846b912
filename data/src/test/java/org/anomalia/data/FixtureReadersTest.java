package org.anomalia.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.anomalia.data.hdf5.Hdf5TableReader;
import org.anomalia.data.npy.NpyReader;
import org.anomalia.data.parquet.ParquetTableReader;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reader against files written by numpy, h5py, pandas (PyTables) and pyarrow; see
 * src/test/resources/fixtures/make_*.py. All hold x[i] = 0.5 i - 1.25, y[i] = 1/(i+3), label = i % 2.
 */
class FixtureReadersTest {
    static final int N = 7;

    static Path fixture(String name) {
        try {
            return Path.of(FixtureReadersTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static double x(int i) {
        return 0.5 * i - 1.25;
    }

    static double y(int i) {
        return 1.0 / (i + 3);
    }

    static void assertXyLabel(Table t, double yTolerance) {
        assertEquals(N, t.rows());
        for (int i = 0; i < N; i++) {
            assertEquals(x(i), t.column("x")[i], 0.0, "x row " + i);
            assertEquals(y(i), t.column("y")[i], yTolerance, "y row " + i);
            assertEquals(i % 2, t.column("label")[i], 0.0, "label row " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"c_f8_v1.npy", "c_f8_v2.npy", "c_f8_v3.npy", "fortran_f8_v1.npy", "big_endian.npy"})
    void npyDoubleFilesInEveryVersionAndOrder(String name) {
        Table t = TableFiles.read(new TableFiles.Source(fixture(name), null, List.of("x", "y", "label")));
        assertEquals(List.of("x", "y", "label"), t.names());
        assertXyLabel(t, 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c_f4_v1.npy", "fortran_f4_v2.npy"})
    void npyFloatFilesAreWidenedFromFloat32(String name) {
        Table t = NpyReader.read(fixture(name)).renamed(List.of("x", "y", "label"));
        // y = 1/(i+3) is not exact in float32: the value is the float nearest to it.
        for (int i = 0; i < N; i++) {
            assertEquals((double) (float) y(i), t.column("y")[i], 0.0);
        }
        assertXyLabel(t, 1e-7);
    }

    @Test
    void npyOneDimensionalAndIntegerArraysAreSingleColumns() {
        Table oneD = NpyReader.read(fixture("one_d.npy"));
        assertEquals(List.of("c0"), oneD.names());
        for (int i = 0; i < N; i++) {
            assertEquals(x(i), oneD.column(0)[i], 0.0);
        }
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, NpyReader.read(fixture("int64.npy")).column("c0"), 0.0);
    }

    @Test
    void npyBadFilesAreUserErrors() {
        UserException truncated = assertThrows(UserException.class, () -> NpyReader.read(fixture("truncated.npy")));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        UserException threeD = assertThrows(UserException.class, () -> NpyReader.read(fixture("three_d.npy")));
        assertTrue(threeD.getMessage().contains("3 dimensions"), threeD.getMessage());
        UserException notNpy = assertThrows(UserException.class, () -> NpyReader.read(fixture("table.csv")));
        assertTrue(notNpy.getMessage().contains("magic"), notNpy.getMessage());
        UserException nan = assertThrows(UserException.class, () -> TableFiles.read(fixture("with_nan.npy")));
        assertTrue(nan.getMessage().contains("row 3 column 'c1'"), nan.getMessage());
        assertTrue(!nan.getMessage().contains("\n"));
    }

    @Test
    void csvWithHeader() {
        assertXyLabel(TableFiles.read(fixture("table.csv")), 0.0);
    }

    @Test
    void hdf5PlainDatasets() {
        Table matrix = Hdf5TableReader.read(fixture("plain.h5"), "matrix").renamed(List.of("x", "y", "label"));
        assertXyLabel(matrix, 0.0);
        Table columns = Hdf5TableReader.read(fixture("plain.h5"), "/columns");
        assertXyLabel(columns, 0.0);
        Table records = Hdf5TableReader.read(fixture("plain.h5"), "records");
        assertEquals(List.of("x", "y", "label"), records.names());
        assertXyLabel(records, 1e-7); // y is float32 in the compound type
    }

    @ParameterizedTest
    @ValueSource(strings = {"pandas_fixed.h5", "pandas_table.h5", "pandas_table_datacols.h5"})
    void hdf5PandasLayouts(String name) {
        Table t = TableFiles.read(fixture(name)); // one top-level key: found without naming it
        assertEquals(List.of("x", "y", "label"), t.names());
        assertXyLabel(t, 0.0);
        assertXyLabel(Hdf5TableReader.read(fixture(name), "events"), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pandas_fixed_mixed.h5", "pandas_table_mixed.h5"})
    void hdf5PandasMixedBlocksKeepTheFrameColumnOrder(String name) {
        Table t = Hdf5TableReader.read(fixture(name), "events");
        assertEquals(List.of("x", "n", "y"), t.names());
        for (int i = 0; i < N; i++) {
            assertEquals(x(i), t.column("x")[i], 0.0);
            assertEquals(i, t.column("n")[i], 0.0);
            assertEquals(y(i), t.column("y")[i], 0.0);
        }
    }

    @Test
    void hdf5BadInputIsUserError() {
        UserException several = assertThrows(UserException.class, () -> TableFiles.read(fixture("plain.h5")));
        assertTrue(several.getMessage().contains("columns, matrix, records"), several.getMessage());
        UserException missing = assertThrows(UserException.class, () -> Hdf5TableReader.read(fixture("plain.h5"), "nope"));
        assertTrue(missing.getMessage().contains("no object 'nope'"), missing.getMessage());
        UserException corrupt = assertThrows(UserException.class, () -> TableFiles.read(fixture("corrupt.h5")));
        assertTrue(corrupt.getMessage().contains("corrupt.h5"), corrupt.getMessage());
    }

    @Test
    void parquetFromPyarrow() {
        assertXyLabel(TableFiles.read(fixture("table.parquet")), 0.0);
        Table mixed = TableFiles.read(fixture("mixed.parquet"));
        assertEquals(List.of("x", "n", "k"), mixed.names());
        for (int i = 0; i < N; i++) {
            assertEquals((double) (float) x(i), mixed.column("x")[i], 0.0);
            assertEquals(i, mixed.column("n")[i], 0.0);
            assertEquals(3 * i, mixed.column("k")[i], 0.0);
        }
        Table strings = TableFiles.read(fixture("with_string.parquet"));
        assertEquals(List.of("x"), strings.names());
        UserException notNumeric = assertThrows(UserException.class,
                () -> ParquetTableReader.read(fixture("with_string.parquet"), List.of("name")));
        assertTrue(notNumeric.getMessage().contains("not numeric"), notNumeric.getMessage());
        UserException corrupt = assertThrows(UserException.class, () -> ParquetTableReader.read(fixture("c_f8_v1.npy"), null));
        assertTrue(corrupt.getMessage().contains("cannot read Parquet"), corrupt.getMessage());
    }

    @Test
    void misspeltColumnListsTheAvailableOnes() {
        Table t = TableFiles.read(fixture("table.csv"));
        UserException e = assertThrows(UserException.class, () -> t.column("lable"));
        assertTrue(e.getMessage().endsWith("no column 'lable'; available columns: x, y, label"), e.getMessage());
    }
}
