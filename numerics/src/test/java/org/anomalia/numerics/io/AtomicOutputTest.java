package org.anomalia.numerics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A writer that writes part of its output and then fails, as a full disk or a crash would. */
    private static AtomicOutput.FileWriter failingHalfway(String part) {
        return tmp -> {
            Files.writeString(tmp, part, StandardCharsets.UTF_8);
            throw new IOException("No space left on device");
        };
    }

    @Test
    void aWrittenFileHasTheModeOfAnOrdinaryFileNotOwnerOnly() throws IOException {
        assumeTrue(posix());
        Path out = dir.resolve("model.bin");
        AtomicOutput.stream(out, s -> s.write(new byte[] {1, 2, 3}));
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(mode(plain), mode(out), "the umask applies, as for any file the user writes");
        assertTrue(Files.getPosixFilePermissions(out).contains(PosixFilePermission.OWNER_READ));
        if (Files.getPosixFilePermissions(plain).contains(PosixFilePermission.OTHERS_READ)) {
            assertTrue(Files.getPosixFilePermissions(out).contains(PosixFilePermission.OTHERS_READ), "not 0600: " + mode(out));
        }
        assertEquals(3, Files.size(out));
    }

    @Test
    void aDirectoryOutputAndItsFilesHaveOrdinaryModes() throws IOException {
        assumeTrue(posix());
        Path out = dir.resolve("report");
        AtomicOutput.directory(out, tmp -> Files.writeString(tmp.resolve("report.html"), "<html>"));
        Path plainDir = Files.createDirectory(dir.resolve("plainDir"));
        Path plainFile = Files.createFile(dir.resolve("plainFile"));
        assertEquals(mode(plainDir), mode(out));
        assertEquals(mode(plainFile), mode(out.resolve("report.html")));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheEarlierFileIntactAndNoTemporary() throws IOException {
        Path out = dir.resolve("table.csv");
        AtomicOutput.string(out, "a,b\n1,2\n");
        UserException e = assertThrows(UserException.class, () -> AtomicOutput.file(out, failingHalfway("a,b\n9")));
        assertTrue(e.getMessage().contains("table.csv") && e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals("a,b\n1,2\n", Files.readString(out));
        assertEquals(List.of("table.csv"), names());
    }

    @Test
    void anUncheckedFailureOfTheWriterCleansUpToo() throws IOException {
        Path out = dir.resolve("x.json");
        assertThrows(IllegalStateException.class, () -> AtomicOutput.stream(out, s -> {
            s.write("{\"half\":".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of(), names());
    }

    @Test
    void filesThatBelongTogetherAppearTogetherOrNotAtAll() throws IOException {
        Path data = dir.resolve("events.csv");
        Path meta = dir.resolve("events.csv.meta.json");
        AtomicOutput.string(data, "old data");
        AtomicOutput.string(meta, "old meta");
        Map<Path, AtomicOutput.FileWriter> both = new LinkedHashMap<>();
        both.put(meta, tmp -> Files.writeString(tmp, "new meta"));
        both.put(data, failingHalfway("new da"));
        assertThrows(UserException.class, () -> AtomicOutput.files(both));
        assertEquals("old data", Files.readString(data));
        assertEquals("old meta", Files.readString(meta), "the first file is not moved before the second is complete");
        assertEquals(List.of("events.csv", "events.csv.meta.json"), names());

        both.put(data, tmp -> Files.writeString(tmp, "new data"));
        AtomicOutput.files(both);
        assertEquals("new data", Files.readString(data));
        assertEquals("new meta", Files.readString(meta));
        assertEquals(List.of("events.csv", "events.csv.meta.json"), names());
    }

    @Test
    void aFailedDirectoryWriteLeavesTheEarlierOutputAsItWas() throws IOException {
        Path out = dir.resolve("out");
        AtomicOutput.directory(out, tmp -> {
            Files.writeString(tmp.resolve("report.html"), "run 1");
            Files.writeString(tmp.resolve("metrics.json"), "{\"run\":1}");
        });
        assertThrows(UserException.class, () -> AtomicOutput.directory(out, tmp -> {
            Files.writeString(tmp.resolve("metrics.json"), "{\"run\":2}");
            throw new IOException("plot failed");
        }));
        assertEquals("run 1", Files.readString(out.resolve("report.html")));
        assertEquals("{\"run\":1}", Files.readString(out.resolve("metrics.json")));
        assertEquals(List.of("out"), names(), "no temporary directory beside it");

        // a complete second run replaces the files of the same name and leaves the user's own files alone
        Files.writeString(out.resolve("notes.txt"), "mine");
        AtomicOutput.directory(out, tmp -> Files.writeString(tmp.resolve("report.html"), "run 3"));
        assertEquals("run 3", Files.readString(out.resolve("report.html")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(3, s.count());
        }
    }

    @Test
    void aFailedFirstDirectoryWriteCreatesNothing() throws IOException {
        Path out = dir.resolve("fresh").resolve("out");
        assertThrows(UserException.class, () -> AtomicOutput.directory(out, tmp -> {
            throw new IOException("boom");
        }));
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(dir.resolve("fresh"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void aDirectoryWhereAFileGoesAndAFileWhereADirectoryGoesAreUserErrors() throws IOException {
        Path d = Files.createDirectory(dir.resolve("taken.csv"));
        assertTrue(assertThrows(UserException.class, () -> AtomicOutput.string(d, "x")).getMessage().contains("is a directory"));
        Path f = Files.writeString(dir.resolve("taken"), "a file");
        assertTrue(assertThrows(UserException.class, () -> AtomicOutput.directory(f, tmp -> { }))
                .getMessage().contains("exists and is not a directory"));
        assertEquals("a file", Files.readString(f));
        assertEquals(List.of("taken", "taken.csv"), names());
    }
}
