package org.anomalia.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A Spark standalone cluster on this machine for tests: a Master and Workers as separate JVMs
 * (Spark's own main classes on the test classpath, bound to 127.0.0.1, 1 core each). Executors
 * that the Workers start find the classes through spark.executor.extraClassPath = the test
 * classpath (see {@link #driverConf}). {@link #close} ends every JVM it started, executors included.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Path dir;
    private final String classPath;
    private final int masterPort;
    private final int webPort;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    StandaloneCluster(Path dir, int workers) throws IOException {
        this.dir = dir;
        this.classPath = testClassPath();
        this.masterPort = freePort();
        this.webPort = freePort();
        // the Workers build executor commands from SPARK_HOME: an empty jars/ folder is enough, the classes come from extraClassPath
        Files.createDirectories(dir.resolve("home/jars"));
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                "--webui-port", String.valueOf(webPort));
        for (int i = 1; i <= workers; i++) {
            Path work = Files.createDirectories(dir.resolve("work-" + i));
            start("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                    "--webui-port", String.valueOf(freePort()), "--work-dir", work.toString(), masterUrl());
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Settings for a driver in this JVM that runs on at most {@code cores} executors of one core each. */
    Map<String, String> driverConf(int cores) {
        return Map.of("spark.executor.extraClassPath", classPath, "spark.executor.memory", "512m", "spark.executor.cores", "1",
                "spark.cores.max", String.valueOf(cores), "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1");
    }

    /** Waits until the Master lists {@code workers} ALIVE workers; on timeout fails with what the Master and the logs say. */
    void awaitWorkers(int workers, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/json/")).timeout(Duration.ofSeconds(10)).build();
        long end = System.nanoTime() + timeout.toNanos();
        String last = "(no answer yet)";
        while (System.nanoTime() < end) {
            for (Process p : processes) {
                if (!p.isAlive()) throw new IllegalStateException("a cluster JVM exited with " + p.exitValue() + "\n" + logTails());
            }
            try {
                HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                last = "HTTP " + r.statusCode() + " " + r.body();
                if (r.statusCode() != 200) {
                    Thread.sleep(1000);
                    continue;
                }
                JsonNode j = new ObjectMapper().readTree(r.body());
                int alive = 0;
                for (JsonNode w : j.path("workers")) if (w.path("state").asText().equals("ALIVE")) alive++;
                if (alive >= workers) return;
            } catch (IOException e) {
                last = "(master web UI not answering: " + e + ")";
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("after " + timeout.toSeconds() + " s fewer than " + workers + " ALIVE workers; the master says: "
                + last + "\n" + logTails());
    }

    String logTails() {
        StringBuilder b = new StringBuilder();
        for (Path log : logs) {
            try {
                List<String> lines = Files.readAllLines(log);
                b.append("--- ").append(log.getFileName()).append(" (last 30 lines)\n");
                for (String l : lines.subList(Math.max(0, lines.size() - 30), lines.size())) b.append(l).append('\n');
            } catch (IOException e) {
                b.append("--- ").append(log).append(": ").append(e).append('\n');
            }
        }
        return b.toString();
    }

    private void start(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the same --add-opens / --add-modules as this JVM (surefire's argLine)
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("--add-modules") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx256m");
        cmd.add("-Dorg.slf4j.simpleLogger.log.org.apache.spark=info");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Path log = dir.resolve(name + ".log");
        pb.redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", dir.resolve("home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.remove("SPARK_TESTING");
        env.remove("SPARK_CONF_DIR");
        logs.add(log);
        processes.add(pb.start());
    }

    /** Workers' executors first (descendants), then Workers, then the Master: politely, then by force. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        for (ProcessHandle h : all) h.destroy();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    /** The test classpath as paths (surefire may hand the JVM a manifest-only jar that lists it). */
    static String testClassPath() throws IOException {
        String cp = System.getProperty("java.class.path");
        String[] parts = cp.split(File.pathSeparator);
        if (parts.length == 1 && parts[0].contains("surefirebooter")) {
            try (JarFile jar = new JarFile(parts[0])) {
                Manifest m = jar.getManifest();
                List<String> paths = new ArrayList<>();
                for (String u : m.getMainAttributes().getValue("Class-Path").split(" ")) {
                    if (!u.isBlank()) paths.add(Path.of(URI.create(u.startsWith("file:") ? u : "file:" + u)).toString());
                }
                return String.join(File.pathSeparator, paths);
            }
        }
        return cp;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
