package org.anomalia.gof.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.anomalia.gof.GofResult;
import org.anomalia.numerics.UserException;

/**
 * Writes report.html, its plots and results.json into a fresh temporary directory beside the
 * target and then moves it into place, so a failed run never leaves a half-written report.
 */
public final class GofOutput {
    private GofOutput() {}

    public static void write(GofResult result, Path outDir) {
        write(result, outDir, null);
    }

    /** @param banner a status line for the top of the report (for example UNBLINDED), or null */
    public static void write(GofResult result, Path outDir, String banner) {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            readableByAll(tmp);
            GofReport.build(result, banner).write(tmp);
            Files.writeString(tmp.resolve("results.json"), GofJson.toJson(result), StandardCharsets.UTF_8);
            replace(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new UserException("cannot write the report to " + outDir + ": " + e.getMessage() + " (choose another --out)", e);
        } finally {
            if (tmp != null) deleteQuietly(tmp);
        }
    }

    /** Moves the finished directory onto the target, replacing an earlier run's output. */
    private static void replace(Path finished, Path target) throws IOException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) throw new IOException(target + " exists and is not a directory");
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
            deleteQuietly(old);
        } else {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Temporary directories are created owner-only; the report should be readable like any other output. */
    private static void readableByAll(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the default ACLs already apply
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }
                @Override public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a leftover hidden temp directory is harmless
        }
    }
}
