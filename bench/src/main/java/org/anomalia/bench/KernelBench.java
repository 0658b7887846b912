package org.anomalia.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.anomalia.learn.Kernels;
import org.anomalia.learn.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * GFLOP/s of the matmul kernels at the shapes the benchmark models use (batch 256), per
 * orientation as the autodiff uses them (forward A·W, input gradient G·Wᵀ, weight gradient Xᵀ·G),
 * vector vs plain path, 1 vs 2 threads; then a sweep of the batch size that shows from which
 * m·n·k splitting across two threads pays.
 */
@Command(name = "kernels", mixinStandardHelpOptions = true, description = "Matmul kernel throughput (GFLOP/s).")
final class KernelBench implements Callable<Integer> {
    @Option(names = "--out", description = "JSON result file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench-kernels.json");

    @Option(names = "--samples", description = "Timed samples per measurement; the median is reported (default: ${DEFAULT-VALUE}).")
    int samples = 7;

    @Option(names = "--part", description = "table, sweep or all (default: ${DEFAULT-VALUE}).")
    String part = "all";

    @Option(names = "--sample-ms", description = "Milliseconds per timed sample (default: ${DEFAULT-VALUE}).")
    double sampleMs = 25;

    /** A dense layer in → out applied to a batch. */
    record Layer(String name, int batch, int in, int out) {}

    static final List<Layer> LAYERS = List.of(
            new Layer("ae 8->64", 256, 8, 64), new Layer("ae 64->64", 256, 64, 64),
            new Layer("ae 64->4", 256, 64, 4), new Layer("ae 4->64", 256, 4, 64),
            new Layer("ae 64->8", 256, 64, 8), new Layer("maf 5->128", 256, 5, 128),
            new Layer("maf 128->128", 256, 128, 128), new Layer("maf 128->8", 256, 128, 8),
            new Layer("big 256->256", 1024, 256, 256));

    private static final String[][] VARIANTS = {{"plain", "1"}, {"plain", "2"}, {"vector", "1"}, {"vector", "2"}};

    @Override
    public Integer call() {
        ObjectNode root = JsonReport.root("kernels");
        ArrayNode rows = root.putArray("matmul");
        boolean vector = Kernels.vectorAvailable();
        System.out.printf("matmul GFLOP/s (median of %d), process default %s%n", samples, Kernels.describe());
        System.out.printf("%-14s %-11s %5s %5s %5s  %9s %9s %9s %9s%n", "layer", "orientation", "m", "n", "k",
                "plain×1", "plain×2", "vector×1", "vector×2");
        for (Layer l : part.equals("sweep") ? List.<Layer>of() : LAYERS) {
            for (String o : new String[] {"NN fwd", "NT dX", "TN dW"}) {
                StringBuilder line = new StringBuilder(String.format("%-14s %-11s", l.name, o));
                List<String> cpu = new java.util.ArrayList<>();
                int[] mnk = shape(l, o);
                line.append(String.format(" %5d %5d %5d ", mnk[0], mnk[1], mnk[2]));
                for (String[] v : VARIANTS) {
                    if (v[0].equals("vector") && !vector) {
                        line.append(String.format(" %9s", "n/a"));
                        continue;
                    }
                    Kernels.Variant kv = Kernels.variant(v[0], Integer.parseInt(v[1]));
                    Samples s = gflops(kv, o, mnk);
                    line.append(String.format(" %9.2f", s.median()));
                    if (kv.threads() == 1) cpu.add(String.format("%.1f", lastCpuGflops));
                    ObjectNode r = rows.addObject();
                    r.put("layer", l.name).put("orientation", o).put("m", mnk[0]).put("n", mnk[1]).put("k", mnk[2]);
                    r.put("path", v[0]).put("threads", Integer.parseInt(v[1]));
                    r.put("gflopsMedian", s.median()).put("gflopsMin", s.min()).put("gflopsMax", s.max());
                    if (kv.threads() == 1) r.put("gflopsPerCpuSecond", lastCpuGflops);
                }
                System.out.println(line + "   (per CPU-second, 1 thread: " + String.join(" / ", cpu) + ")");
            }
        }
        if (!part.equals("table")) sweep(root, vector ? "vector" : "plain");
        JsonReport.write(root, out);
        return 0;
    }

    /** (m, n, k) of the product the autodiff computes for this layer and orientation. */
    static int[] shape(Layer l, String o) {
        switch (o.substring(0, 2)) {
            case "NN": return new int[] {l.batch, l.out, l.in};
            case "NT": return new int[] {l.batch, l.in, l.out};
            default: return new int[] {l.in, l.out, l.batch};
        }
    }

    /** Single-thread vs forced two-thread split for growing batch at 64→64 and 128→128. */
    private void sweep(ObjectNode root, String path) {
        ArrayNode rows = root.putArray("threadSplitSweep");
        Kernels.Variant one = Kernels.variant(path, 1, Long.MAX_VALUE), two = Kernels.variant(path, 2, 0);
        System.out.printf("%nthread split sweep (%s, NN forward; forced split): GFLOP/s 1 thread vs 2 threads%n", path);
        System.out.printf("%6s %5s %5s %10s %9s %9s %7s%n", "m", "n", "k", "m*n*k", "1 thread", "2 threads", "ratio");
        for (int width : new int[] {64, 128}) {
            for (int m = 16; m <= 4096; m *= 2) {
                int[] mnk = {m, width, width};
                Samples s1 = gflops(one, "NN", mnk), s2 = gflops(two, "NN", mnk);
                long work = (long) m * width * width;
                System.out.printf("%6d %5d %5d %10d %9.2f %9.2f %7.2f%n", m, width, width, work, s1.median(), s2.median(),
                        s2.median() / s1.median());
                rows.addObject().put("m", m).put("n", width).put("k", width).put("mnk", work)
                        .put("gflops1", s1.median()).put("gflops2", s2.median()).put("speedup", s2.median() / s1.median());
            }
        }
    }

    private static final java.lang.management.ThreadMXBean THREAD_CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** GFLOP/s per CPU-second of the calling thread in the last measurement: robust to a loaded machine for 1 thread. */
    private double lastCpuGflops;
    private final java.util.Set<String> warmedPaths = new java.util.HashSet<>();

    private Samples gflops(Kernels.Variant v, String orientation, int[] mnk) {
        int m = mnk[0], n = mnk[1], k = mnk[2];
        SplittableRandom r = new SplittableRandom(1);
        Matrix a = orientation.startsWith("TN") ? random(k, m, r) : random(m, k, r);
        Matrix b = orientation.startsWith("NT") ? random(n, k, r) : random(k, n, r);
        Matrix c = new Matrix(m, n);
        Runnable op = orientation.startsWith("NN") ? () -> v.matmul(a, b, c, true)
                : orientation.startsWith("NT") ? () -> v.matmulNT(a, b, c, true) : () -> v.matmulTN(a, b, c, true);
        double flops = 2.0 * m * n * k;
        // Calibrate repetitions so one sample lasts about sampleMs, after a warm-up of the JIT
        // (longer for the first measurement: the Vector API is slow until C2 has compiled it).
        long reps = 1;
        boolean firstOfPath = warmedPaths.add(v.toString().split(" ")[0]);
        long t0 = System.nanoTime(), warmNanos = firstOfPath ? 3_000_000_000L : 300_000_000L;
        while (System.nanoTime() - t0 < warmNanos) {
            for (long i = 0; i < reps; i++) op.run();
            reps *= 2;
        }
        long start = System.nanoTime();
        for (long i = 0; i < reps; i++) op.run();
        double perCall = (System.nanoTime() - start) / (double) reps;
        reps = Math.max(1, (long) (sampleMs * 1e6 / perCall));
        double[] g = new double[samples], cpu = new double[samples];
        for (int s = 0; s < samples; s++) {
            long t = System.nanoTime(), tc = THREAD_CPU.getCurrentThreadCpuTime();
            for (long i = 0; i < reps; i++) op.run();
            g[s] = flops * reps / (System.nanoTime() - t);
            cpu[s] = flops * reps / (THREAD_CPU.getCurrentThreadCpuTime() - tc);
        }
        lastCpuGflops = new Samples(cpu).median();
        return new Samples(g);
    }

    private static Matrix random(int rows, int cols, SplittableRandom r) {
        Matrix x = new Matrix(rows, cols);
        for (int i = 0; i < x.size(); i++) x.data[i] = (float) (r.nextDouble() - 0.5) * 0.01f;
        return x;
    }
}
