package org.anomalia.numerics.io;

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

class OutputPathsTest {
    @TempDir
    Path dir;

    private String error(Runnable check) {
        return assertThrows(UserException.class, check::run).getMessage();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void goodPathsPassAndNothingIsCreated() throws IOException {
        OutputPaths.checkFile(dir.resolve("a/b/out.csv"), "--out");
        OutputPaths.checkDirectory(dir.resolve("a/b"), "--out");
        OutputPaths.checkDirectory(dir, "--out");
        Path in = Files.writeString(dir.resolve("in.csv"), "x\n1\n");
        OutputPaths.checkInput(in, "--data");
        assertEquals(List.of("in.csv"), names());
    }

    @Test
    void badPathsNameTheOptionAndTheFix() throws IOException {
        Path file = Files.writeString(dir.resolve("file.csv"), "x\n");
        String m = error(() -> OutputPaths.checkFile(file.resolve("out.csv"), "--out"));
        assertTrue(m.startsWith("--out ") && m.contains("is a file, not a directory") && m.contains("choose another --out"), m);
        m = error(() -> OutputPaths.checkDirectory(file, "--out"));
        assertTrue(m.contains("file.csv: exists and is not a directory"), m);
        m = error(() -> OutputPaths.checkFile(dir, "--out"));
        assertTrue(m.contains("is a directory; give a file name"), m);
        m = error(() -> OutputPaths.checkInput(dir, "--data"));
        assertEquals("--data " + dir + " is a directory; give a file", m);
        m = error(() -> OutputPaths.checkInput(dir.resolve("missing.csv"), "--measurement"));
        assertTrue(m.startsWith("--measurement ") && m.endsWith("missing.csv: file not found"), m);
        assertEquals(List.of("file.csv"), names());
    }

    @Test
    void aDirectoryWhereNoFileCanBeCreatedIsFoundBeforeTheWork() {
        // /proc refuses new files even to root, for whom permission bits do not count
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) return;
        String m = error(() -> OutputPaths.checkFile(proc.resolve("anomalia-out.csv"), "--out"));
        assertTrue(m.contains("cannot create files in /proc") && m.contains("choose another --out"), m);
    }
}
