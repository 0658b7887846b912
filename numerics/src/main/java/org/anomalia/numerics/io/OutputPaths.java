package org.anomalia.numerics.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.anomalia.numerics.UserException;

/**
 * Checks of the paths a command reads and writes, made before any work starts so that a run never
 * trains or samples for minutes and then fails on its output. Each failure is a {@link UserException}
 * whose one line names the option, the path and the fix. Nothing is created by a check.
 */
public final class OutputPaths {
    private OutputPaths() {}

    /** An output file: not a directory, and a file can be created in its (possibly future) directory. */
    public static void checkFile(Path target, String option) {
        if (Files.isDirectory(target)) {
            throw new UserException(option + " " + target + " is a directory; give a file name");
        }
        checkCreatable(target, option);
    }

    /** An output directory: an existing one must be a directory, and files can be created in it or its parent. */
    public static void checkDirectory(Path target, String option) {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UserException(option + " " + target + ": exists and is not a directory; give a directory");
        }
        if (Files.isDirectory(target)) {
            probe(target.toAbsolutePath().normalize(), target, option);
        } else {
            checkCreatable(target, option);
        }
    }

    /** An input file: exists, is a regular file (not a directory) and is readable. */
    public static void checkInput(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new UserException(option + " " + file + " is a directory; give a file");
        }
        if (!Files.exists(file)) {
            throw new UserException(option + " " + file + ": file not found");
        }
        if (!Files.isReadable(file)) {
            throw new UserException(option + " " + file + ": not readable; check its permissions");
        }
    }

    /**
     * For readers that do not know the option: a directory given where a file is read is named as such
     * (not answered with a library's "cannot read first record").
     */
    public static void requireNotDirectory(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserException(file + " is a directory; give a file");
        }
    }

    /** The nearest existing ancestor of the target must be a directory in which a file can be created. */
    private static void checkCreatable(Path target, String option) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        while (dir != null && !Files.exists(dir)) dir = dir.getParent();
        if (dir == null) {
            throw new UserException(option + " " + target + ": no existing directory above it; choose another " + option);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(option + " " + target + ": " + dir + " is a file, not a directory; choose another " + option);
        }
        probe(dir, target, option);
    }

    /** Creates and deletes a hidden file: the only test that holds for root and for read-only file systems alike. */
    private static void probe(Path dir, Path target, String option) {
        Path p = dir.resolve(".anomalia-probe-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        try {
            Files.createFile(p);
        } catch (IOException e) {
            throw new UserException(option + " " + target + ": cannot create files in " + dir + " (" + reason(e)
                    + "); choose another " + option);
        } finally {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // nothing was created, or it is gone
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
