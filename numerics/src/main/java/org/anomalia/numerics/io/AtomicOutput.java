package org.anomalia.numerics.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.anomalia.numerics.UserException;

/**
 * The one way an output is written: into a hidden temporary sibling in the target's directory, then
 * moved into place with {@code ATOMIC_MOVE}, so a failed or killed run never leaves a half file and an
 * earlier output stays intact until the new one is complete.
 *
 * <p>Temporaries are made with {@link Files#createFile} / {@link Files#createDirectory} without
 * attributes, so the umask applies and a finished output has the mode of any file the user writes
 * (0644 under umask 022) — {@code Files.createTempFile} would leave it owner-only (0600).
 *
 * <p>Several files that belong together (a table and its {@code .meta.json}) are written with {@link
 * #files}: all temporaries first, the moves only when every one is complete. A directory of outputs
 * (a report with its plots) is written with {@link #directory}.
 */
public final class AtomicOutput {
    /** Writes the content of one output to the given temporary path (which exists, empty). */
    @FunctionalInterface
    public interface FileWriter {
        void write(Path temporary) throws IOException;
    }

    /** Writes the content of one output to a stream (buffered and closed by the caller). */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the files of a directory output into the given temporary directory. */
    @FunctionalInterface
    public interface DirectoryWriter {
        void write(Path temporaryDirectory) throws IOException;
    }

    private AtomicOutput() {}

    /** Writes one file. */
    public static void file(Path target, FileWriter writer) {
        Map<Path, FileWriter> one = new LinkedHashMap<>();
        one.put(target, writer);
        files(one);
    }

    /** Writes one file through a buffered stream. */
    public static void stream(Path target, StreamWriter writer) {
        file(target, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(out);
            }
        });
    }

    /** Writes one UTF-8 text file. */
    public static void string(Path target, CharSequence text) {
        file(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /**
     * Writes files that belong together: every temporary is written before the first one is moved,
     * in the map's order; if any writer fails, no target is touched and no temporary remains.
     */
    public static void files(Map<Path, FileWriter> outputs) {
        List<Path[]> done = new ArrayList<>(); // {temporary, target}
        Path current = null;
        try {
            for (var e : outputs.entrySet()) {
                current = e.getKey();
                Path target = e.getKey().toAbsolutePath().normalize();
                if (Files.isDirectory(target)) {
                    throw new UserException(e.getKey() + " is a directory; give a file name");
                }
                Path tmp = temporaryFile(target);
                done.add(new Path[] {tmp, target});
                e.getValue().write(tmp);
            }
            for (Path[] d : done) {
                current = d[1];
                move(d[0], d[1]);
            }
            done.clear();
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new UserException(current + ": cannot write (" + describe(io) + "); choose a writable place for the output", e);
        } finally {
            for (Path[] d : done) deleteQuietly(d[0]);
        }
    }

    /**
     * Writes a directory of outputs. The writer fills a fresh temporary directory beside the target;
     * when it has finished, a new target takes the whole directory in one move, and an existing target
     * directory receives each file by an atomic move (replacing same-named files of an earlier run and
     * leaving any other file in it alone). A failed writer leaves the target as it was.
     */
    public static void directory(Path target, DirectoryWriter writer) {
        Path t = target.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            if (Files.exists(t) && !Files.isDirectory(t)) {
                throw new UserException(target + " exists and is not a directory; give a directory for the output");
            }
            Path parent = t.getParent();
            Files.createDirectories(parent);
            tmp = Files.createDirectory(parent.resolve(hiddenName(t, "dir")));
            writer.write(tmp);
            if (!Files.exists(t)) {
                try {
                    Files.move(tmp, t, StandardCopyOption.ATOMIC_MOVE);
                    tmp = null;
                    return;
                } catch (IOException raced) {
                    Files.createDirectories(t); // created meanwhile, or the move is not atomic here: merge below
                }
            }
            List<Path> made;
            try (Stream<Path> s = Files.list(tmp)) {
                made = s.sorted().toList();
            }
            for (Path f : made) {
                Path dest = t.resolve(f.getFileName().toString());
                if (Files.isDirectory(f)) {
                    if (Files.isDirectory(dest)) deleteQuietly(dest);
                }
                move(f, dest);
            }
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new UserException(target + ": cannot write (" + describe(io) + "); choose a writable place for the output", e);
        } finally {
            if (tmp != null) deleteQuietly(tmp);
        }
    }

    private static Path temporaryFile(Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        return Files.createFile(parent.resolve(hiddenName(target, "tmp")));
    }

    /** A hidden name beside the target that tells where it came from, e.g. {@code .model.bin.k3j2x.tmp}. */
    private static String hiddenName(Path target, String suffix) {
        return "." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "." + suffix;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING); // same directory: practically never
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such directory";
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
        return m == null ? kind : m;
    }

    /** Deletes a file or a directory tree, best effort (a leftover hidden temporary is harmless). */
    static void deleteQuietly(Path p) {
        try {
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
