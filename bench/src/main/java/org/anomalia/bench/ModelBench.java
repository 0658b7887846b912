package org.anomalia.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.anomalia.learn.Kernels;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.flow.NormalizingFlow;
import org.anomalia.learn.model.Autoencoder;
import org.anomalia.learn.model.Vae;
import org.anomalia.learn.nn.Activation;
import org.anomalia.learn.train.EpochResult;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.train.TrainHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Seconds per training epoch of the models of torch_reference.py, built the same way in Anomalia,
 * against PyTorch in the same run. The two alternate several rounds (the machine is shared and
 * noisy); each run's first epoch is warm-up and reported apart, the later epochs of all rounds give
 * the median and the spread. Also the autoencoder's scoring rate.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "AE / VAE / MAF seconds per epoch: Anomalia vs PyTorch (torch_reference.py), alternating.")
final class ModelBench implements Callable<Integer> {
    @Option(names = "--models", split = ",", description = "Models to run: ae, vae, maf (default: ${DEFAULT-VALUE}).")
    List<String> models = List.of("ae", "vae", "maf");

    @Option(names = "--rounds", description = "Alternations Anomalia/PyTorch per model (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--epochs", description = "Epochs per run; the first is warm-up (default: ${DEFAULT-VALUE}).")
    int epochs = 3;

    @Option(names = "--threads", description = "Threads for both engines (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--rows", description = "Rows per model; 0 = the reference's (ae/vae 200000, maf 100000).")
    int rows = 0;

    @Option(names = "--torch-script", description = "Path of torch_reference.py (default: ${DEFAULT-VALUE}).")
    Path torchScript = Path.of("../shared/bench/torch_reference.py");

    @Option(names = "--no-torch", description = "Run Anomalia only.")
    boolean noTorch;

    @Option(names = "--out", description = "JSON result file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench-models.json");

    static final int BATCH = 256;

    @Override
    public Integer call() throws IOException {
        if (rounds < 1 || epochs < 2) throw new IllegalArgumentException("need --rounds >= 1 and --epochs >= 2 (the first epoch is warm-up)");
        Kernels.setThreads(threads);
        ObjectNode root = JsonReport.root("models");
        root.put("threads", threads).put("rounds", rounds).put("epochsPerRun", epochs).put("batch", BATCH);
        TorchPeer torch = noTorch ? null : TorchPeer.find(torchScript);
        root.put("torch", torch == null ? "not run" : torch.version());
        System.out.printf("Anomalia %s vs %s; %d threads, %d rounds × %d epochs%n", Kernels.describe(),
                torch == null ? "(no PyTorch)" : "PyTorch " + torch.version(), threads, rounds, epochs);
        ArrayNode results = root.putArray("results");
        List<String> summary = new ArrayList<>();
        for (String model : models) {
            int n = rows > 0 ? rows : model.equals("maf") ? 100_000 : 200_000;
            List<Double> javaLater = new ArrayList<>(), torchLater = new ArrayList<>();
            List<Double> javaFirst = new ArrayList<>(), torchFirst = new ArrayList<>();
            List<Double> javaCpu = new ArrayList<>(), torchCpu = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                boolean javaFirstThisRound = r % 2 == 0;   // alternate who goes first
                for (int turn = 0; turn < 2; turn++) {
                    boolean java = (turn == 0) == javaFirstThisRound;
                    if (!java && torch == null) continue;
                    double[][] t = java ? anomaliaEpochs(model, n, r) : torch.epochSeconds(model, threads, epochs, n, BATCH);
                    double[] secs = t[0];
                    (java ? javaFirst : torchFirst).add(secs[0]);
                    for (int e = 1; e < secs.length; e++) {
                        (java ? javaLater : torchLater).add(secs[e]);
                        (java ? javaCpu : torchCpu).add(t[1][e]);
                    }
                    System.out.printf("  %-4s round %d %-8s epochs: %s s wall, %s s CPU, load %.1f%n", model, r + 1,
                            java ? "Anomalia" : "PyTorch", fmt(secs), fmt(t[1]), LOAD.getSystemLoadAverage());
                }
            }
            ObjectNode res = results.addObject();
            res.put("model", model).put("rows", n);
            Samples j = put(res.putObject("anomalia"), javaLater, javaFirst, javaCpu);
            String line = String.format("%-4s Anomalia %.3f s/epoch (median of %d, range %.3f–%.3f)", model, j.median(),
                    javaLater.size(), j.min(), j.max());
            if (!torchLater.isEmpty()) {
                Samples t = put(res.putObject("torch"), torchLater, torchFirst, torchCpu);
                double ratio = t.median() / j.median();
                double cpuRatio = median(torchCpu) / median(javaCpu);
                res.put("speedup", ratio).put("cpuSpeedup", cpuRatio);
                line += String.format("; PyTorch %.3f s/epoch (range %.3f–%.3f); Anomalia is %.2f× faster (%.2f× in CPU seconds)",
                        t.median(), t.min(), t.max(), ratio, cpuRatio);
            }
            if (model.equals("ae")) {
                Samples s = aeScoringRate(n);
                res.put("scoringRowsPerSecondMedian", s.median()).put("scoringRowsPerSecondMin", s.min()).put("scoringRowsPerSecondMax", s.max());
                line += String.format("; scoring %.2e rows/s", s.median());
            }
            summary.add(line);
        }
        root.put("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        summary.forEach(System.out::println);
        JsonReport.write(root, out);
        return 0;
    }

    private static final java.lang.management.OperatingSystemMXBean LOAD = java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static double median(List<Double> v) {
        return new Samples(v.stream().mapToDouble(Double::doubleValue).toArray()).median();
    }

    /** Process CPU seconds so far (all threads of this JVM). */
    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) LOAD).getProcessCpuTime() * 1e-9;
    }

    private static Samples put(ObjectNode o, List<Double> later, List<Double> first, List<Double> cpu) {
        Samples s = new Samples(later.stream().mapToDouble(Double::doubleValue).toArray());
        o.put("secondsPerEpochMedian", s.median()).put("min", s.min()).put("max", s.max());
        o.put("cpuSecondsPerEpochMedian", median(cpu));
        ArrayNode a = o.putArray("laterEpochs");
        later.forEach(a::add);
        ArrayNode f = o.putArray("firstEpochs");
        first.forEach(f::add);
        return s;
    }

    /**
     * One Anomalia training run from scratch (fresh model): wall seconds [0][e] per epoch as the
     * trainer measures them, and process CPU seconds [1][e] between the ends of consecutive epochs.
     */
    private double[][] anomaliaEpochs(String model, int n, int round) {
        List<Double> cpuAtEpochEnd = new ArrayList<>();
        TrainConfig tc = new TrainConfig().withEpochs(epochs).withBatchSize(BATCH).withValidationFraction(0).withProgress(false)
                .withRestoreBest(false).withSeed(1234 + round).withTaskName("bench-" + model)
                .withEpochCallback(e -> cpuAtEpochEnd.add(processCpuSeconds()));
        TrainHistory h;
        double cpu0 = processCpuSeconds();
        switch (model) {
            case "ae": {
                Matrix data = standardNormal(n, 8, 1234 + round);
                h = new Autoencoder(new Autoencoder.Config(8, new int[] {64, 64}, 4, Activation.RELU), 1234 + round).fit(data, tc.withLr(1e-3));
                break;
            }
            case "vae": {
                Matrix data = standardNormal(n, 8, 1234 + round);
                h = new Vae(Vae.Config.of(8, 4), 1234 + round).fit(data, tc.withLr(1e-3));
                break;
            }
            case "maf": {
                // 4 features + 1 context, all standard normal like the reference's torch.randn(n, 5)
                Matrix all = standardNormal(n, 5, 1234 + round);
                Matrix x = new Matrix(n, 4), ctx = new Matrix(n, 1);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(all.data, i * 5, x.data, i * 4, 4);
                    ctx.data[i] = all.data[i * 5 + 4];
                }
                h = NormalizingFlow.cathode(4, 1, 1234 + round).fit(x, ctx, tc.withLr(1e-4));
                break;
            }
            default:
                throw new IllegalArgumentException("unknown model '" + model + "' (ae, vae, maf)");
        }
        double[] cpu = new double[cpuAtEpochEnd.size()];
        for (int e = 0; e < cpu.length; e++) cpu[e] = cpuAtEpochEnd.get(e) - (e == 0 ? cpu0 : cpuAtEpochEnd.get(e - 1));
        return new double[][] {h.epochs().stream().mapToDouble(EpochResult::seconds).toArray(), cpu};
    }

    /** Rows per second of Autoencoder.score on n standard-normal rows (a model trained for one epoch). */
    private Samples aeScoringRate(int n) {
        Matrix data = standardNormal(n, 8, 99);
        Autoencoder ae = new Autoencoder(new Autoencoder.Config(8, new int[] {64, 64}, 4, Activation.RELU), 99);
        ae.fit(data, new TrainConfig().withEpochs(1).withBatchSize(BATCH).withValidationFraction(0).withProgress(false));
        for (int w = 0; w < 3; w++) ae.score(data);   // warm-up
        double[] rate = new double[7];
        for (int i = 0; i < rate.length; i++) {
            long t = System.nanoTime();
            ae.score(data);
            rate[i] = n / ((System.nanoTime() - t) * 1e-9);
        }
        return new Samples(rate);
    }

    static Matrix standardNormal(int n, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = new Matrix(n, cols);
        for (int i = 0; i < m.size(); i++) {
            // Box–Muller from two uniforms: standard normal like torch.randn
            double u = 1 - r.nextDouble(), v = r.nextDouble();
            m.data[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return m;
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) b.append(b.length() == 0 ? "" : " ").append(String.format("%.3f", x));
        return b.toString();
    }
}
