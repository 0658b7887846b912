package org.anomalia.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void finishedOutputIsReadableByOthersLikeAnOrdinaryFile() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path out = dir.resolve("out.txt");
        AtomicFiles.write(out, tmp -> Files.writeString(tmp, "x"));
        assertEquals("x", Files.readString(out));
        // the same permissions as a file created the ordinary way (the umask applies), not owner-only
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
}
