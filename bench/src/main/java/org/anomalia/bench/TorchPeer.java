package org.anomalia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch reference (shared/bench/torch_reference.py) run as a child process with
 * /usr/bin/python3; it prints one line per epoch with its wall time, which we parse.
 */
final class TorchPeer {
    private static final Pattern EPOCH = Pattern.compile("^epoch (\\d+): ([0-9.]+) s wall, ([0-9.]+) s CPU");

    private final Path script;
    private final String version;

    private TorchPeer(Path script, String version) {
        this.script = script;
        this.version = version;
    }

    /** The peer if the script exists and {@code python3 -c 'import torch'} works, else null with the reason printed. */
    static TorchPeer find(Path script) {
        if (!Files.isRegularFile(script)) {
            System.out.println("PyTorch peer skipped: " + script + " not found (--torch-script)");
            return null;
        }
        try {
            List<String> out = ChildProcess.run(List.of(ChildProcess.PYTHON, "-c", "import torch; print(torch.__version__)"), 120);
            String v = out.isEmpty() ? "" : out.get(out.size() - 1).trim();
            if (v.isEmpty() || v.contains("Error")) {
                System.out.println("PyTorch peer skipped: python3 cannot import torch (apt-get install -y python3-torch)");
                return null;
            }
            return new TorchPeer(script, v);
        } catch (IOException e) {
            System.out.println("PyTorch peer skipped: " + e.getMessage());
            return null;
        }
    }

    String version() {
        return version;
    }

    /** Wall seconds [0][e] and process CPU seconds [1][e] of each epoch of one run of the reference. */
    double[][] epochSeconds(String model, int threads, int epochs, int rows, int batch) throws IOException {
        List<String> out = ChildProcess.run(List.of(ChildProcess.PYTHON, script.toString(), model, Integer.toString(threads), Integer.toString(epochs),
                Integer.toString(rows), Integer.toString(batch)), 3600);
        List<Double> secs = new ArrayList<>(), cpu = new ArrayList<>();
        for (String line : out) {
            Matcher m = EPOCH.matcher(line.trim());
            if (m.find()) {
                secs.add(Double.parseDouble(m.group(2)));
                cpu.add(Double.parseDouble(m.group(3)));
            }
        }
        if (secs.size() != epochs) {
            throw new IOException("torch reference printed " + secs.size() + " epoch lines instead of " + epochs + ":\n" + String.join("\n", out));
        }
        return new double[][] {secs.stream().mapToDouble(Double::doubleValue).toArray(), cpu.stream().mapToDouble(Double::doubleValue).toArray()};
    }
}
