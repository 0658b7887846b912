package org.anomalia.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWritersTest {
    @TempDir
    Path dir;

    private static Table sample() {
        return new Table("sample", List.of("a", "b"), new double[][] {{1.0, -2.5, 1e-300, 7.0}, {0.1, Math.PI, -0.0, 3e20}});
    }

    @Test
    void csvAndNpyRoundTripExactly() {
        for (String name : List.of("t.csv", "t.npy")) {
            Path p = dir.resolve(name);
            TableFiles.write(p, sample());
            Table back = TableFiles.read(new TableFiles.Source(p, null, List.of("a", "b")));
            assertArrayEquals(sample().column("a"), back.column("a"), 0.0, name);
            assertArrayEquals(sample().column("b"), back.column("b"), 0.0, name);
        }
    }

    @Test
    void npyWriterMatchesTheNumpyFixtureByteForByte() throws IOException {
        // c_f8_v1.npy was written by numpy itself: our header and data layout must be identical.
        Table t = TableFiles.read(FixtureReadersTest.fixture("c_f8_v1.npy"));
        Path p = dir.resolve("same.npy");
        TableFiles.write(p, t);
        assertArrayEquals(Files.readAllBytes(FixtureReadersTest.fixture("c_f8_v1.npy")), Files.readAllBytes(p));
    }

    @Test
    void scoresAreWrittenNextToTheirRowIndexAndNoTemporaryIsLeft() throws IOException {
        Path p = dir.resolve("scores.csv");
        TableFiles.writeScores(p, new int[] {4, 9, 2}, List.of("score"), List.of(new double[] {0.25, 0.5, 0.125}));
        assertEquals("index,score\n4,0.25\n9,0.5\n2,0.125\n", Files.readString(p));
        Path n = dir.resolve("scores.npy");
        TableFiles.writeScores(n, new int[] {4, 9, 2}, List.of("score"), List.of(new double[] {0.25, 0.5, 0.125}));
        Table back = TableFiles.read(n);
        assertArrayEquals(new double[] {4, 9, 2}, back.column("c0"), 0.0);
        assertArrayEquals(new double[] {0.25, 0.5, 0.125}, back.column("c1"), 0.0);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void unwritableTargetIsAUserErrorAndLeavesNothing() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        UserException e = assertThrows(UserException.class, () -> TableFiles.write(blocker.resolve("out.csv"), sample()));
        assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
        assertThrows(UserException.class, () -> TableFiles.write(dir.resolve("out.h5"), sample()));
    }

    @Test
    void tableOperations() {
        Table t = sample();
        assertArrayEquals(new double[] {-2.5, 7.0}, t.filter(new boolean[] {false, true, false, true}).column("a"), 0.0);
        assertArrayEquals(new double[] {7.0, 1.0}, t.rows(new int[] {3, 0}).column("a"), 0.0);
        assertEquals(8, t.concat(t).rows());
        assertEquals(List.of("b"), t.drop(List.of("a")).names());
        assertArrayEquals(new float[] {1.0f, 0.1f}, t.toFloatRows(List.of("a", "b"))[0], 0f);
        Table labelled = t.withColumn("label", new double[] {0, 1, 1, 0});
        assertArrayEquals(new int[] {0, 1, 1, 0}, labelled.labels("label"));
        UserException bad = assertThrows(UserException.class, () -> t.labels("b"));
        assertTrue(bad.getMessage().contains("labels must be 0 or 1"), bad.getMessage());
        assertThrows(UserException.class, () -> new Table("s", List.of("a", "a"), new double[][] {{1}, {2}}));
    }
}
