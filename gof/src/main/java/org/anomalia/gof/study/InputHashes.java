package org.anomalia.gof.study;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.gof.GofOptions;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.numerics.UserException;

/**
 * SHA-256 of every input of a run: the measurement and theory-sample files byte for byte, or for
 * the built-in case the bundled measurement's numbers and the generated theory samples, and the
 * marginal likelihood's integration set (its numbers, wherever they came from). A blind
 * run stores them in its lock; unblinding refuses when any differs.
 */
public final class InputHashes {
    private InputHashes() {}

    /** Input name → {"source": where it came from, "sha256": hash}. */
    public static Map<String, Map<String, String>> of(GofOptions o, GofProblem problem) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("measurement", o.measurement() != null ? file(o.measurement())
                : entry(problem.measurementSource(), hashNumbers(problem.observables(), new double[][] {problem.measured()}, problem.expCovariance())));
        m.put("theory_samples", o.theorySamples() != null ? file(o.theorySamples())
                : entry(problem.theorySource(), hashNumbers(problem.observables(), problem.theorySamples(), new double[0][])));
        // the marginal's integration set: engine draws of their own stream, or rows of the file set aside by the seeded split
        if (problem.hasIntegrationSamples()) {
            m.put("integration_samples", entry(problem.integrationSource(),
                    hashNumbers(problem.observables(), problem.integrationSamples(), new double[0][])));
        }
        // the learned models' training-only engine draws (built-in input), their own stream
        if (problem.trainingSampleCount() > 0) {
            m.put("training_samples", entry(problem.trainingSampleCount() + " training-only " + problem.theorySource(),
                    hashNumbers(problem.observables(), problem.trainingSamples(), new double[0][])));
        }
        return m;
    }

    static Map<String, String> file(Path p) {
        try {
            return entry(p.toString(), hex(digest().digest(Files.readAllBytes(p))));
        } catch (IOException e) {
            throw new UserException(p + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static Map<String, String> entry(String source, String sha) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("source", source);
        e.put("sha256", sha);
        return e;
    }

    static String hashNumbers(List<String> names, double[][] a, double[][] b) {
        MessageDigest d = digest();
        for (String n : names) d.update((n + "\n").getBytes(StandardCharsets.UTF_8));
        update(d, a);
        update(d, b);
        return hex(d.digest());
    }

    /** Hash of arrays of doubles, bit for bit. */
    public static String hashDoubles(List<double[]> arrays) {
        MessageDigest d = digest();
        for (double[] a : arrays) update(d, new double[][] {a});
        return hex(d.digest());
    }

    private static void update(MessageDigest d, double[][] rows) {
        ByteBuffer buf = ByteBuffer.allocate(8);
        for (double[] r : rows) {
            for (double v : r) {
                buf.clear();
                buf.putDouble(v);
                d.update(buf.array());
            }
            d.update((byte) '\n');
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
