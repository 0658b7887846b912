package org.anomalia.spark;

import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.numerics.UserException;
import org.apache.spark.SparkConf;

/**
 * The CLI's {@code --master} and {@code --engine-conf}, checked before any work, as a
 * {@link SparkConf}. The master is {@code --master}, else what {@code spark-submit} set
 * ({@code spark.master}), else {@code local[*]} (Spark embedded in this JVM, nothing to install).
 * Defaults that keep the tool's output clean and the results equal to the local engine's: no web
 * UI and no console progress bar (set them with --engine-conf to have them), and on a cluster the
 * jars holding this tool's classes shipped to the executors unless spark.jars is given (Spark itself
 * starts executors with the Vector API and the JDK 17 --add-opens flags).
 */
final class SparkSettings {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)(,\\d+)?\\])?");
    private static final Pattern CLUSTER = Pattern.compile("spark://[^\\s/:]+:\\d+(,[^\\s/:]+:\\d+)*|yarn|k8s://\\S+|local-cluster\\[\\d+,\\d+,\\d+\\]");

    private SparkSettings() {
    }

    /** The settings as a SparkConf (spark.* system properties, as spark-submit sets them, included). */
    static SparkConf conf(EngineSettings settings) {
        SparkConf conf = new SparkConf(true);
        for (Map.Entry<String, String> e : settings.conf().entrySet()) {
            if (!e.getKey().startsWith("spark.")) {
                throw new UserException("--engine-conf " + e.getKey() + "=" + e.getValue() + ": Spark settings start with 'spark.'"
                        + " (e.g. spark.task.cpus=2)");
            }
            conf.set(e.getKey(), e.getValue());
        }
        String master = settings.master() != null ? settings.master().trim() : conf.get("spark.master", "local[*]");
        boolean local = LOCAL.matcher(master).matches();
        if (!local && !CLUSTER.matcher(master).matches()) {
            throw new UserException("--master " + master + ": use local[*], local[N], spark://HOST:7077, yarn or k8s://URL");
        }
        conf.setMaster(master);
        conf.setIfMissing("spark.app.name", "anomalia");
        int cpus = taskCpus(conf);
        if (local) {
            int slots = localSlots(master);
            if (cpus > slots) {
                throw new UserException("--engine-conf spark.task.cpus=" + cpus + " exceeds the " + slots + " core(s) of --master " + master
                        + "; lower spark.task.cpus or raise N in local[N]");
            }
            // one machine: no need to look up this host's name on the network
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars") && !conf.contains("spark.submit.deployMode")) {
            List<String> jars = ownJars();
            if (!jars.isEmpty()) conf.set("spark.jars", String.join(",", jars));
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return conf;
    }

    /** spark.task.cpus: the kernel threads of each task (default 1), a positive integer. */
    static int taskCpus(SparkConf conf) {
        String v = conf.get("spark.task.cpus", "1").trim();
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UserException("--engine-conf spark.task.cpus=" + v + ": must be a positive whole number (kernel threads per task)");
    }

    /** Task slots of local, local[N] and local[*]. */
    private static int localSlots(String master) {
        Matcher m = LOCAL.matcher(master);
        if (!m.matches() || m.group(2) == null) return 1;
        return m.group(2).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(2));
    }

    /** The jar files holding this tool's classes (the CLI jar and this module's), for executors that have only Spark. */
    private static List<String> ownJars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {TaskEngine.class, SparkSettings.class}) {
            try {
                var source = c.getProtectionDomain().getCodeSource();
                if (source == null) continue;
                File f = new File(source.getLocation().toURI());
                if (f.isFile() && f.getName().endsWith(".jar") && !jars.contains(f.getAbsolutePath())) jars.add(f.getAbsolutePath());
            } catch (URISyntaxException | SecurityException e) {
                // not a file: the executors must find the classes otherwise (spark.executor.extraClassPath)
            }
        }
        return jars;
    }
}
