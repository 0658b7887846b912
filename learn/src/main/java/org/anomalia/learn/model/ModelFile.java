package org.anomalia.learn.model;

import org.anomalia.numerics.io.OutputPaths;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.learn.Matrix;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.io.AtomicOutput;

/**
 * One versioned binary file holding a model: its kind, its configuration (string key/values, the
 * training seed among them), its standardisation and its named tensors.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): magic "ANOMALIA-MODEL", int format version,
 * UTF kind, int n + n×(UTF key, UTF value), boolean hasStandardizer [+ int d, d×double mean,
 * d×double std], int m + m×(UTF name, int rows, int cols, rows·cols×float), magic "END".
 * Written to a temporary file and moved into place, so a failed save leaves no half file.
 */
public final class ModelFile {
    public static final int VERSION = 1;
    private static final String MAGIC = "ANOMALIA-MODEL";
    private static final String END = "END";
    /** Guards allocations against corrupt headers. */
    private static final int MAX_ELEMENTS = 1 << 28;

    private ModelFile() {}

    public record Contents(String kind, Map<String, String> config, Standardizer standardizer, Map<String, Matrix> tensors) {
        /** A configuration value, or a UserException naming the file's missing key. */
        public String get(String key) {
            String v = config.get(key);
            if (v == null) throw new UserException(kind + " model file lacks configuration key '" + key + "'");
            return v;
        }
    }

    /**
     * Writes a model of {@code kind}: its configuration with the seed it was built from, its
     * standardisation (null if none) and the state of its parameters and buffers.
     */
    public static void save(Path path, String kind, Map<String, String> config, long seed, Standardizer standardizer,
                            org.anomalia.learn.train.Trainable model) {
        Map<String, String> m = new LinkedHashMap<>(config);
        m.put("seed", Long.toString(seed));
        write(path, new Contents(kind, m, standardizer, state(model)));
    }

    /**
     * A model's own configuration plus entries of the application that uses it (for example the
     * preprocessing and feature names of an event score), so that one file holds everything. The
     * application's keys must not shadow the model's own ones (nor "seed").
     */
    public static Map<String, String> withExtra(Map<String, String> config, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>(config);
        for (var e : extra.entrySet()) {
            if (m.containsKey(e.getKey()) || e.getKey().equals("seed")) {
                throw new IllegalArgumentException("extra model-file entry '" + e.getKey() + "' would shadow the model's own");
            }
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    /** Writes the model file atomically ({@link AtomicOutput}: ordinary permissions, no half file on failure). */
    public static void write(Path path, Contents c) {
        AtomicOutput.stream(path, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(c.kind);
            out.writeInt(c.config.size());
            for (var e : c.config.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeBoolean(c.standardizer != null);
            if (c.standardizer != null) {
                double[] m = c.standardizer.mean(), s = c.standardizer.std();
                out.writeInt(m.length);
                for (double v : m) out.writeDouble(v);
                for (double v : s) out.writeDouble(v);
            }
            out.writeInt(c.tensors.size());
            for (var e : c.tensors.entrySet()) {
                Matrix t = e.getValue();
                out.writeUTF(e.getKey());
                out.writeInt(t.rows);
                out.writeInt(t.cols);
                for (float v : t.data) out.writeFloat(v);
            }
            out.writeUTF(END);
            out.flush();
        });
    }

    /** Reads a model file, checking its magic, version and kind. */
    public static Contents read(Path path, String expectedKind) {
        OutputPaths.requireNotDirectory(path);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
            checkMagic(in, path);
            int version = in.readInt();
            if (version != VERSION) {
                throw new UserException("model file " + path + " has format version " + version + " but this build reads version " + VERSION + "; retrain the model with this build");
            }
            String kind = in.readUTF();
            if (expectedKind != null && !expectedKind.equals(kind)) throw new UserException("model file " + path + " holds a " + kind + ", not a " + expectedKind);
            int n = count(in.readInt(), path);
            Map<String, String> config = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) config.put(in.readUTF(), in.readUTF());
            Standardizer std = null;
            if (in.readBoolean()) {
                int d = count(in.readInt(), path);
                double[] m = new double[d], s = new double[d];
                for (int i = 0; i < d; i++) m[i] = in.readDouble();
                for (int i = 0; i < d; i++) s[i] = in.readDouble();
                std = new Standardizer(m, s);
            }
            int t = count(in.readInt(), path);
            Map<String, Matrix> tensors = new LinkedHashMap<>();
            for (int i = 0; i < t; i++) {
                String name = in.readUTF();
                int rows = count(in.readInt(), path), cols = count(in.readInt(), path);
                if ((long) rows * cols > MAX_ELEMENTS) throw corrupt(path);
                Matrix m = new Matrix(rows, cols);
                for (int j = 0; j < m.size(); j++) m.data[j] = in.readFloat();
                tensors.put(name, m);
            }
            if (!END.equals(in.readUTF())) throw corrupt(path);
            return new Contents(kind, config, std, tensors);
        } catch (NoSuchFileException e) {
            throw new UserException("model file " + path + " does not exist");
        } catch (EOFException e) {
            throw new UserException("model file " + path + " is truncated; save the model again");
        } catch (IOException e) {
            throw new UserException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The magic as written by writeUTF: a 2-byte length, then the ASCII bytes. */
    private static void checkMagic(DataInputStream in, Path path) throws IOException {
        byte[] want = MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int b0 = in.read(), b1 = in.read();
        if (b0 < 0 || b1 < 0) throw new EOFException();
        if (((b0 << 8) | b1) != want.length) throw new UserException("model file " + path + " is not an Anomalia model file");
        for (byte w : want) {
            int b = in.read();
            if (b < 0) throw new EOFException();
            if (b != w) throw new UserException("model file " + path + " is not an Anomalia model file");
        }
    }

    private static int count(int n, Path path) {
        if (n < 0 || n > MAX_ELEMENTS) throw corrupt(path);
        return n;
    }

    private static UserException corrupt(Path path) {
        return new UserException("model file " + path + " is corrupt; save the model again");
    }

    /** Helper for models: names every parameter and buffer of a trainable in a fixed order. */
    public static Map<String, Matrix> state(org.anomalia.learn.train.Trainable model) {
        Map<String, Matrix> m = new LinkedHashMap<>();
        for (var p : model.params()) m.put(p.name, p.value);
        int i = 0;
        for (Matrix b : model.buffers()) m.put("buffer." + i++, b);
        return m;
    }

    /** Copies the file's tensors into a freshly built model, checking names and shapes. */
    public static void loadState(org.anomalia.learn.train.Trainable model, Contents c, Path path) {
        Map<String, Matrix> want = state(model);
        if (!want.keySet().equals(c.tensors.keySet())) {
            throw new UserException("model file " + path + " does not match its configuration (tensors " + c.tensors.keySet() + ", expected " + want.keySet() + ")");
        }
        for (var e : want.entrySet()) {
            Matrix src = c.tensors.get(e.getKey()), dst = e.getValue();
            if (!src.sameShape(dst)) throw new UserException("model file " + path + ": tensor " + e.getKey() + " is " + src.shape() + ", expected " + dst.shape());
            System.arraycopy(src.data, 0, dst.data, 0, dst.size());
        }
    }
}
