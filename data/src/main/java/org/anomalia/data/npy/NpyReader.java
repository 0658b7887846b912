package org.anomalia.data.npy;

import org.anomalia.numerics.io.OutputPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;

/**
 * Reads NumPy .npy files (format versions 1.0, 2.0 and 3.0) holding a 1-D or 2-D array of floats or
 * integers, in C or Fortran order, of either byte order. Columns get the default names c0, c1, ...;
 * a 1-D array becomes one column.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    public static Table read(Path path) {
        OutputPaths.requireNotDirectory(path);
        String src = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] prefix = in.readNBytes(8);
            if (prefix.length < 8 || !startsWithMagic(prefix)) {
                throw new UserException(src + ": not a NumPy .npy file (bad magic bytes); pass a file written by numpy.save");
            }
            int major = prefix[6] & 0xff;
            int headerLength;
            if (major == 1) {
                byte[] len = in.readNBytes(2);
                headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
            } else if (major == 2 || major == 3) {
                byte[] len = in.readNBytes(4);
                headerLength = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt();
            } else {
                throw new UserException(src + ": .npy format version " + major + " is not supported (1, 2 and 3 are)");
            }
            if (headerLength < 0 || headerLength > 1 << 20) {
                throw new UserException(src + ": corrupt .npy header length " + headerLength);
            }
            byte[] headerBytes = in.readNBytes(headerLength);
            if (headerBytes.length < headerLength) {
                throw new UserException(src + ": truncated .npy header");
            }
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Header h = parseHeader(src, header);
            long expected = (long) h.rows * h.cols * h.itemSize;
            if (expected > Integer.MAX_VALUE - 16) {
                throw new UserException(src + ": array of " + expected + " bytes is too large to load at once");
            }
            byte[] body = in.readNBytes((int) expected);
            if (body.length < expected) {
                throw new UserException(src + ": truncated .npy file: expected " + expected + " data bytes for shape ("
                        + h.rows + ", " + h.cols + "), found " + body.length);
            }
            return new Table(src, Table.defaultNames(h.cols), decode(h, ByteBuffer.wrap(body).order(h.order)));
        } catch (NoSuchFileException e) {
            throw new UserException(src + ": file not found");
        } catch (IOException e) {
            throw new UserException(src + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static boolean startsWithMagic(byte[] prefix) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private record Header(ByteOrder order, char kind, int itemSize, boolean fortran, int rows, int cols) {
    }

    private static Header parseHeader(String src, String header) {
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new UserException(src + ": unsupported .npy header " + header.trim()
                    + "; only plain numeric arrays (no structured dtypes) can be read");
        }
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        boolean ok = switch (kind) {
            case 'f' -> size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            default -> false;
        };
        if (!ok) {
            throw new UserException(src + ": unsupported .npy dtype " + d.group(1) + kind + size + "; use float64 or float32");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<Long> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (!part.isBlank()) {
                dims.add(Long.parseLong(part.trim()));
            }
        }
        long rows;
        long cols;
        if (dims.size() == 0) {
            rows = 1;
            cols = 1;
        } else if (dims.size() == 1) {
            rows = dims.get(0);
            cols = 1;
        } else if (dims.size() == 2) {
            rows = dims.get(0);
            cols = dims.get(1);
        } else {
            throw new UserException(src + ": .npy array has " + dims.size() + " dimensions; only 1-D and 2-D arrays are tables");
        }
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw new UserException(src + ": .npy array shape " + dims + " is too large");
        }
        return new Header(order, kind, size, f.group(1).equals("True"), (int) rows, (int) cols);
    }

    private static double[][] decode(Header h, ByteBuffer buf) {
        double[][] cols = new double[h.cols][h.rows];
        long n = (long) h.rows * h.cols;
        for (long i = 0; i < n; i++) {
            double v = readValue(h, buf);
            int r;
            int c;
            if (h.fortran) {
                c = (int) (i / h.rows);
                r = (int) (i % h.rows);
            } else {
                r = (int) (i / h.cols);
                c = (int) (i % h.cols);
            }
            cols[c][r] = v;
        }
        return cols;
    }

    private static double readValue(Header h, ByteBuffer buf) {
        return switch (h.kind) {
            case 'f' -> h.itemSize == 8 ? buf.getDouble() : buf.getFloat();
            case 'i' -> switch (h.itemSize) {
                case 1 -> buf.get();
                case 2 -> buf.getShort();
                case 4 -> buf.getInt();
                default -> (double) buf.getLong();
            };
            default -> switch (h.itemSize) {
                case 1 -> buf.get() & 0xff;
                case 2 -> buf.getShort() & 0xffff;
                case 4 -> buf.getInt() & 0xffffffffL;
                default -> unsignedLong(buf.getLong());
            };
        };
    }

    private static double unsignedLong(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
}
