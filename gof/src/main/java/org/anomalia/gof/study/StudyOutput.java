package org.anomalia.gof.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.anomalia.numerics.UserException;
import org.anomalia.report.HtmlReport;

/**
 * Writes one study's directory (report.html with its plots, and a JSON file) into a temporary sibling
 * and moves it into place: a failed run leaves no half-written study and an earlier one intact until
 * the new one is complete.
 */
public final class StudyOutput {
    private StudyOutput() {}

    public static void write(Path dir, HtmlReport report, String jsonName, String json) {
        Path target = dir.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException notPosix) {
                // default ACLs apply
            }
            report.write(tmp);
            Files.writeString(tmp.resolve(jsonName), json, StandardCharsets.UTF_8);
            if (Files.exists(target)) {
                if (!Files.isDirectory(target)) throw new IOException(target + " exists and is not a directory");
                Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                deleteQuietly(old);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UserException("cannot write " + dir + ": " + e.getMessage() + " (choose another --out)", e);
        } finally {
            if (tmp != null) deleteQuietly(tmp);
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
        } catch (IOException ignored) {
            // a leftover hidden temporary directory is harmless
        }
    }
}
