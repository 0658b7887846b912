package org.anomalia.data.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anomalia.data.Table;

/**
 * Writes a table as a NumPy .npy version 1.0 file: a 2-D little-endian float64 array in C order
 * (rows × columns). The column names are not stored (.npy has no place for them).
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    /** Writes straight to {@code path}; callers wanting atomic output go through TableFiles. */
    public static void write(Path path, Table table) throws IOException {
        int rows = table.rows();
        int cols = table.columnCount();
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        // numpy pads magic + length + header (ending in '\n') to a multiple of 64 bytes.
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        if (header.length() > 65535) {
            throw new IOException("header too long for .npy version 1.0");
        }
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(header.length() & 0xff);
            out.write((header.length() >> 8) & 0xff);
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            ByteBuffer row = ByteBuffer.allocate(8 * Math.max(cols, 1)).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < rows; r++) {
                row.clear();
                for (int c = 0; c < cols; c++) {
                    row.putDouble(table.get(r, c));
                }
                out.write(row.array(), 0, 8 * cols);
            }
        }
    }
}
