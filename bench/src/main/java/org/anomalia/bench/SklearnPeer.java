package org.anomalia.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.npy.NpyReader;

/**
 * The scikit-learn peer of the lhco bench: our script sklearn_peer.py (a resource of this jar) run
 * with /usr/bin/python3 as a child process. It trains HistGradientBoostingClassifier on the same
 * split and writes its evaluation scores as .npy; the bench computes the metrics itself, so both
 * sides are judged by the same code.
 */
final class SklearnPeer {
    static final String RESOURCE = "sklearn_peer.py";

    /** One peer run: evaluation scores, the sample sizes it trained on, and its own timings. */
    record Run(double[] scores, int rowsOne, int rowsZero, String iterations, double fitSeconds, double cpuSeconds,
            double scoreSeconds, double processSeconds) {
    }

    private final Path script;
    private final String version;

    private SklearnPeer(Path script, String version) {
        this.script = script;
        this.version = version;
    }

    /** The peer if /usr/bin/python3 has scikit-learn and numpy installed, else null with the reason printed. */
    static SklearnPeer find() {
        try {
            // Package metadata, not an import: asking costs 0.1 s instead of the second that importing sklearn takes.
            List<String> out = ChildProcess.run(List.of(ChildProcess.PYTHON, "-c",
                    "import importlib.metadata as m; m.version('numpy'); print(m.version('scikit-learn'))"), 120);
            String v = out.isEmpty() ? "" : out.get(out.size() - 1).trim();
            Path dir = Files.createTempDirectory("anomalia-sklearn-peer");
            Path script = dir.resolve(RESOURCE);
            try (InputStream in = SklearnPeer.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException(RESOURCE + " missing from the bench jar");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            script.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return new SklearnPeer(script, v);
        } catch (IOException e) {
            String why = e.getMessage().contains("PackageNotFoundError")
                    ? ChildProcess.PYTHON + " has no scikit-learn/numpy (apt-get install -y python3-sklearn)"
                    : e.getMessage();
            System.out.println("scikit-learn peer skipped: " + why);
            return null;
        }
    }

    String version() {
        return version;
    }

    /**
     * Trains the peer for the method ("idealized" or "supervised") on the LHCO files in dataDir and
     * returns its scores of evaldata_test (with {@code holdout}: of the odd rows of the signal and
     * background samples, the even ones training). {@code threads} sets OMP_NUM_THREADS of the child.
     */
    Run run(Path dataDir, String method, long seed, int maxIter, String classWeight, int folds, int threads, boolean holdout)
            throws IOException {
        Path scores = script.resolveSibling("scores-" + method + "-" + seed + ".npy");
        Files.deleteIfExists(scores);
        long t0 = System.nanoTime();
        List<String> out = ChildProcess.run(List.of(ChildProcess.PYTHON, script.toString(), dataDir.toString(), method,
                Long.toString(seed), scores.toString(), Integer.toString(maxIter), classWeight, Integer.toString(folds), holdout ? "1" : "0"),
                Map.of("OMP_NUM_THREADS", Integer.toString(threads)), 3600);
        double process = (System.nanoTime() - t0) / 1e9;
        try {
            return parse(out, scores, process);
        } finally {
            Files.deleteIfExists(scores);
        }
    }

    /** Reads the key=value lines and the scores file the script wrote. */
    static Run parse(List<String> lines, Path scoresFile, double processSeconds) throws IOException {
        Map<String, String> kv = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.contains(" ")) {
                kv.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (String key : List.of("rows_one", "rows_zero", "rows_eval", "iterations", "fit_seconds", "cpu_seconds", "score_seconds")) {
            if (!kv.containsKey(key)) {
                throw new IOException("scikit-learn peer did not report " + key + ":\n" + String.join("\n", lines));
            }
        }
        if (!Files.isRegularFile(scoresFile)) {
            throw new IOException("scikit-learn peer wrote no scores file " + scoresFile + ":\n" + String.join("\n", lines));
        }
        double[] scores = NpyReader.read(scoresFile).column(0);
        int rowsEval = Integer.parseInt(kv.get("rows_eval"));
        if (scores.length != rowsEval) {
            throw new IOException("scikit-learn peer reported " + rowsEval + " evaluation rows but wrote " + scores.length + " scores");
        }
        return new Run(scores, Integer.parseInt(kv.get("rows_one")), Integer.parseInt(kv.get("rows_zero")), kv.get("iterations"),
                Double.parseDouble(kv.get("fit_seconds")), Double.parseDouble(kv.get("cpu_seconds")),
                Double.parseDouble(kv.get("score_seconds")), processSeconds);
    }
}
