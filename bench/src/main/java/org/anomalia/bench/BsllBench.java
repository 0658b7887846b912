package org.anomalia.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.anomalia.cli.Main;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.measurements.BkstarMeasurement;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.flavour.parameters.ParameterValues;
import org.anomalia.flavour.sampling.PredictionSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed of the b→sℓℓ engine for the goodness-of-fit case (8 observables × 4 bins = 32 per vector):
 * sampling throughput with 1 and 2 threads (runs alternate, medians reported), the latency of one
 * prediction vector, and of a whole {@code anomalia bsll predict} in a warm JVM. The ratio is to
 * flavio's figure from the issue text: 0.5 s per 32-observable vector on one thread of this machine.
 */
@Command(name = "bsll", mixinStandardHelpOptions = true,
        description = "b->sll sampling speed (vectors/s, 1 and 2 threads) and predict latency, with the ratio to flavio.")
final class BsllBench implements Callable<Integer> {
    /** flavio 2.7: seconds per 32-observable prediction vector, one thread (issue 6). */
    static final double FLAVIO_SECONDS_PER_VECTOR = 0.5;

    @Option(names = "--rows", description = "Vectors per timed sampling run (default: ${DEFAULT-VALUE}).")
    int rows = 8000;

    @Option(names = "--repeats", description = "Timed runs per thread count, alternating 1 and 2 threads (default: ${DEFAULT-VALUE}).")
    int repeats = 5;

    @Option(names = "--out", description = "JSON result file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench-bsll.json");

    @Override
    public Integer call() {
        PredictionSampler sampler = new PredictionSampler(BkstarMeasurement.P_BASIS, BkstarMeasurement.LOW_Q2_BINS,
                NewPhysics.SM, ParameterCatalog.bundled());
        int width = sampler.columns().size();
        System.out.printf("b->sll sampling: %d observables x %d bins = %d per vector, %d vectors per run, %d runs%n",
                BkstarMeasurement.P_BASIS.size(), BkstarMeasurement.LOW_Q2_BINS.size(), width, rows, repeats);
        // warm-up: let the JIT compile the whole prediction path on both thread counts
        sampler.sample(Math.max(2000, rows / 4), 99, false, 2, null);
        sampler.sample(1000, 98, false, 1, null);

        double[] one = new double[repeats], two = new double[repeats], cpu = new double[repeats];
        ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repeats; r++) {
            long cpu0 = threadsBean.getCurrentThreadCpuTime();
            one[r] = vectorsPerSecond(sampler, 1, 1000L + r);
            // one thread runs in this thread: its CPU time gives the rate an idle core would reach
            cpu[r] = rows / ((threadsBean.getCurrentThreadCpuTime() - cpu0) / 1e9);
            two[r] = vectorsPerSecond(sampler, 2, 2000L + r);
            System.out.printf("  run %d: 1 thread %8.0f vectors/s (%8.0f per CPU-second), 2 threads %8.0f vectors/s%n",
                    r + 1, one[r], cpu[r], two[r]);
        }
        Samples s1 = new Samples(one), s2 = new Samples(two), sCpu = new Samples(cpu);
        double flavioRate = 1 / FLAVIO_SECONDS_PER_VECTOR;

        // one vector at drawn points, one thread
        ParameterValues[] points = new ParameterValues[200];
        var draws = ParameterCatalog.bundled().sampler().draws(7, 0);
        for (int i = 0; i < points.length; i++) points[i] = draws.next();
        double[] latency = new double[repeats], latencyCpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime(), c = threadsBean.getCurrentThreadCpuTime();
            for (ParameterValues p : points) sampler.predict(p);
            latency[r] = (System.nanoTime() - t) / 1e9 / points.length;
            latencyCpu[r] = (threadsBean.getCurrentThreadCpuTime() - c) / 1e9 / points.length;
        }
        Samples lat = new Samples(latency), latCpu = new Samples(latencyCpu);

        // the whole command in this (warm) JVM: builds the predictor, predicts, formats
        double[] command = new double[repeats], commandCpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c = threadsBean.getCurrentThreadCpuTime();
            command[r] = predictCommandSeconds();
            commandCpu[r] = (threadsBean.getCurrentThreadCpuTime() - c) / 1e9;
        }
        Samples cmd = new Samples(command), cmdCpu = new Samples(commandCpu);

        // the same command as a user runs it: a fresh JVM each time (start-up, class loading, tables, JIT-less first call)
        double[] cold = new double[Math.min(repeats, 3)];
        for (int r = 0; r < cold.length; r++) cold[r] = freshJvmPredictSeconds();
        Samples coldS = new Samples(cold);

        System.out.printf("sampling, 1 thread : median %8.0f vectors/s (min %.0f, max %.0f) = %.0f x flavio%n",
                s1.median(), s1.min(), s1.max(), s1.median() / flavioRate);
        System.out.printf("sampling, 1 thread per CPU-second (load-independent): median %8.0f vectors/s%n", sCpu.median());
        System.out.printf("sampling, 2 threads: median %8.0f vectors/s (min %.0f, max %.0f) = %.0f x flavio (target 10^4)%n",
                s2.median(), s2.min(), s2.max(), s2.median() / flavioRate);
        System.out.printf("one 32-observable vector: median %.1f us wall, %.1f us CPU (flavio %.0f ms: %.0f x faster by wall"
                + " clock, %.0f x by CPU time)%n", lat.median() * 1e6, latCpu.median() * 1e6, FLAVIO_SECONDS_PER_VECTOR * 1e3,
                FLAVIO_SECONDS_PER_VECTOR / lat.median(), FLAVIO_SECONDS_PER_VECTOR / latCpu.median());
        System.out.printf("'anomalia bsll predict' (32 central values, warm JVM): median %.1f ms wall (min %.1f, max %.1f),"
                + " %.1f ms CPU%n", cmd.median() * 1e3, cmd.min() * 1e3, cmd.max() * 1e3, cmdCpu.median() * 1e3);

        System.out.printf("'anomalia bsll predict' in a fresh JVM: median %.2f s (min %.2f, max %.2f)%n",
                coldS.median(), coldS.min(), coldS.max());

        ObjectNode root = JsonReport.root("bsll");
        root.put("observables", width);
        root.put("rows_per_run", rows);
        root.put("flavio_seconds_per_vector", FLAVIO_SECONDS_PER_VECTOR);
        put(root.putObject("sampling_1_thread_vectors_per_s"), s1, flavioRate);
        put(root.putObject("sampling_1_thread_vectors_per_cpu_s"), sCpu, flavioRate);
        put(root.putObject("sampling_2_threads_vectors_per_s"), s2, flavioRate);
        ObjectNode l = root.putObject("vector_latency_s");
        put(l, lat, Double.NaN);
        l.put("speedup_vs_flavio", FLAVIO_SECONDS_PER_VECTOR / lat.median());
        ObjectNode lc = root.putObject("vector_latency_cpu_s");
        put(lc, latCpu, Double.NaN);
        lc.put("speedup_vs_flavio", FLAVIO_SECONDS_PER_VECTOR / latCpu.median());
        put(root.putObject("predict_command_warm_s"), cmd, Double.NaN);
        put(root.putObject("predict_command_warm_cpu_s"), cmdCpu, Double.NaN);
        put(root.putObject("predict_command_fresh_jvm_s"), coldS, Double.NaN);
        root.put("load_average_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        JsonReport.write(root, out);
        return 0;
    }

    private static void put(ObjectNode node, Samples s, double flavioRate) {
        node.put("median", s.median());
        node.put("min", s.min());
        node.put("max", s.max());
        ArrayNode all = node.putArray("runs");
        for (double v : s.values()) all.add(v);
        if (!Double.isNaN(flavioRate)) node.put("ratio_to_flavio", s.median() / flavioRate);
    }

    private double vectorsPerSecond(PredictionSampler sampler, int threads, long seed) {
        long t = System.nanoTime();
        sampler.sample(rows, seed, false, threads, null);
        return rows / ((System.nanoTime() - t) / 1e9);
    }

    /** Wall time of {@code java -cp <this class path> org.anomalia.cli.Main bsll predict}. */
    private static double freshJvmPredictSeconds() {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.anomalia.cli.Main", "bsll", "predict", "--format", "csv")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            long t = System.nanoTime();
            int code = pb.start().waitFor();
            double s = (System.nanoTime() - t) / 1e9;
            if (code != 0) throw new IllegalStateException("bsll predict in a fresh JVM failed with exit code " + code);
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot start " + java, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double predictCommandSeconds() {
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            long t = System.nanoTime();
            int code = Main.execute("bsll", "predict", "--format", "csv");
            double s = (System.nanoTime() - t) / 1e9;
            if (code != 0) throw new IllegalStateException("bsll predict failed with exit code " + code);
            return s;
        } finally {
            System.setOut(old);
        }
    }
}
