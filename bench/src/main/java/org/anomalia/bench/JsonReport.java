package org.anomalia.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.learn.Kernels;

/** Writes benchmark results as JSON: to a temporary file first, then moved into place. */
final class JsonReport {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** A root object describing the machine and JVM the numbers come from. */
    static ObjectNode root(String benchmark) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("benchmark", benchmark);
        root.put("time", Instant.now().toString());
        ObjectNode m = root.putObject("machine");
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version") + " " + System.getProperty("java.vm.name"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("kernels", Kernels.describe());
        root.put("gitCommit", gitCommit());
        m.put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return root;
    }

    /** The commit checked out in the working directory (the numbers' source), or "unknown". */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static void write(ObjectNode root, Path out) {
        AtomicOutput.file(out, tmp -> MAPPER.writeValue(tmp.toFile(), root));
        System.out.println("results written to " + out.toAbsolutePath());
    }
}
