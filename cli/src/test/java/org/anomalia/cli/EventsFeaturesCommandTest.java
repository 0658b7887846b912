package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code events features} end to end, and its bad inputs (one line, exit 2, no output). */
class EventsFeaturesCommandTest {
    @TempDir
    Path dir;

    @Test
    void derivedColumnsFromAFile() throws Exception {
        // Two rows of a, b: a = (0, 0, 3, 5), b = (0, 4, 0, 5) → m_a_b = √75; second row a = (1, 0, 0, 1), b = (−1, 0, 0, 1) → m = 2.
        Path in = dir.resolve("in.csv");
        TableFiles.write(in, new Table("in", List.of("a_px", "a_py", "a_pz", "a_E", "b_px", "b_py", "b_pz", "b_E", "label"),
                new double[][] {{0, 1}, {0, 0}, {3, 0}, {5, 1}, {0, -1}, {4, 0}, {0, 0}, {5, 1}, {0, 1}}));
        Path out = dir.resolve("out.npy");
        assertEquals(Main.OK, Main.execute("events", "features", "--events", in.toString(), "--particles", "a,b", "--out", out.toString()));
        assertTrue(Files.exists(dir.resolve("out.npy.meta.json")));
        Table raw = TableFiles.read(out);
        Table t = raw.renamed(EventsInputs.namesFromSettingsBeside(out, raw.columnCount()));
        assertEquals(Math.sqrt(75), t.column("m_a_b")[0], 1e-12);
        assertEquals(2, t.column("m_a_b")[1], 1e-12);
        assertEquals(-1, t.column("cos_a_b")[1], 1e-12);
        assertEquals(1, t.column("label")[1]);
    }

    @Test
    void badInputs() throws Exception {
        Path in = dir.resolve("in.csv");
        TableFiles.write(in, new Table("in", List.of("a_px", "a_py", "a_pz", "a_E"), new double[][] {{0, 1}, {0, 0}, {3, 0}, {5, 1}}));
        Path spacelike = dir.resolve("spacelike.csv");
        TableFiles.write(spacelike, new Table("s", List.of("a_px", "a_py", "a_pz", "a_E"), new double[][] {{0, 1}, {0, 0}, {3, 0}, {5, 0.5}}));
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "a_px,a_py,a_pz,a_E\n0,0,3,5\n1,nan,0,2\n");
        fails("missing particle column", "'b_px'", "--events", in.toString(), "--particles", "a,b");
        fails("E below |p|", "below |p|", "--events", spacelike.toString(), "--particles", "a");
        fails("non-finite momentum", "a_py", "--events", nan.toString(), "--particles", "a");
        fails("b candidate without frame", "--cm-beams", "--events", in.toString(), "--particles", "a", "--b-candidate");
        fails("bad layout", "--momenta", "--events", in.toString(), "--particles", "a", "--momenta", "polar");
        fails("bad beams", "beam energies", "--events", in.toString(), "--particles", "a", "--cm-beams", "7,-4");
    }

    private void fails(String name, String expected, String... args) {
        Path out = dir.resolve("bad-" + name.replace(' ', '-') + ".csv");
        String[] full = new String[args.length + 4];
        full[0] = "events";
        full[1] = "features";
        System.arraycopy(args, 0, full, 2, args.length);
        full[args.length + 2] = "--out";
        full[args.length + 3] = out.toString();
        UserErrorRun.assertOneLineUserError(name, expected, full);
        assertFalse(Files.exists(out), name + ": no output");
    }
}
