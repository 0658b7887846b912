package org.anomalia.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A peer run as a child process (Python references): its output lines, or an IOException with them. */
final class ChildProcess {
    static final String PYTHON = "/usr/bin/python3";

    private ChildProcess() {
    }

    static List<String> run(List<String> cmd, long timeoutSeconds) throws IOException {
        return run(cmd, Map.of(), timeoutSeconds);
    }

    /** Runs the command with extra environment variables; stdout and stderr merged. */
    static List<String> run(List<String> cmd, Map<String, String> env, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) lines.add(line);
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + String.join("\n", lines));
        return lines;
    }
}
