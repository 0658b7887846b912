package org.anomalia.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.Baselines;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.lhco.LhcoSplit;
import org.anomalia.events.metrics.Roc;
import org.anomalia.learn.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Idealized anomaly detector and fully supervised classifier on the real LHCO R&D signal-region
 * events with the agreed split (see {@link LhcoSplit}): our MLP and XGBoost side by side with the
 * scikit-learn peer (HistGradientBoostingClassifier, 200 iterations, early stopping; issue 5 quotes
 * medians of about 11 idealized and 19 supervised). Per seed the runs alternate and who goes first
 * alternates; every side's evaluation scores go through the same {@link Roc}: max SIC (FPR floor
 * 1e-4) and AUC on evaldata_test, medians and spreads over seeds, ratios ours / peer.
 */
@Command(name = "lhco", mixinStandardHelpOptions = true,
        description = "Idealized AD and supervised max SIC on the real LHCO R&D signal-region events: MLP, XGBoost and the scikit-learn peer.")
final class LhcoBench implements Callable<Integer> {
    static final String PEER = "sklearn";

    @Option(names = "--data", description = "Directory with the LHCO signal-region .npy files (default: ../shared/data/lhco-rnd-signal-region).")
    Path dir = LhcoSplit.defaultDirectory(System.getProperty("anomalia.shared", "../shared"));

    @Option(names = "--seeds", description = "Number of seeds (default: ${DEFAULT-VALUE}).")
    int seeds = 5;

    @Option(names = "--methods", split = ",", description = "idealized, supervised (default: both).")
    List<String> methods = List.of("idealized", "supervised");

    @Option(names = "--classifiers", split = ",", description = "mlp, xgboost (default: both).")
    List<String> classifiers = List.of("mlp", "xgboost");

    @Option(names = "--epochs", description = "MLP epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 30;

    @Option(names = "--best-epochs", description = "MLP: average the predictions of this many best epochs (default: ${DEFAULT-VALUE}).")
    int bestEpochs = 5;

    @Option(names = "--folds", description = "Ours: k-fold models averaged on the evaluation set, as `anomalia events` does; 1 = one model (default: ${DEFAULT-VALUE}).")
    int folds = 5;

    @Option(names = "--peer-folds", description = "Peer: k-fold models averaged the same way; 1 = one model, the configuration issue 5 quotes (default: ${DEFAULT-VALUE}).")
    int peerFolds = 1;

    @Option(names = "--no-peer", description = "Do not run the scikit-learn peer.")
    boolean noPeer;

    @Option(names = "--peer-iterations", description = "Peer: HistGradientBoostingClassifier max_iter (default: ${DEFAULT-VALUE}).")
    int peerIterations = 200;

    @Option(names = "--peer-class-weight", description = "Peer: balanced (as our classifiers) or none (default: ${DEFAULT-VALUE}).")
    String peerClassWeight = "balanced";

    @Option(names = "--peer-threads", description = "Peer: OMP_NUM_THREADS (default: ${DEFAULT-VALUE}, as our XGBoost).")
    int peerThreads = 1;

    @Option(names = "--xgb-depth", description = "XGBoost tree depth (default: ${DEFAULT-VALUE}).")
    int xgbDepth = XgboostTrainer.defaults().maxDepth();

    @Option(names = "--xgb-eta", description = "XGBoost learning rate (default: ${DEFAULT-VALUE}).")
    double xgbEta = XgboostTrainer.defaults().eta();

    @Option(names = "--xgb-rounds", description = "XGBoost maximum rounds (default: ${DEFAULT-VALUE}).")
    int xgbRounds = XgboostTrainer.defaults().rounds();

    @Option(names = "--xgb-patience", description = "XGBoost early-stopping rounds (default: ${DEFAULT-VALUE}).")
    int xgbPatience = XgboostTrainer.defaults().earlyStopping();

    @Option(names = "--xgb-min-child-weight", description = "XGBoost min_child_weight (default: ${DEFAULT-VALUE}).")
    double xgbMinChildWeight = XgboostTrainer.defaults().minChildWeight();

    @Option(names = "--xgb-max-leaves", description = "XGBoost: 0 = depth-wise trees, else loss-guided trees of at most this many leaves (default: ${DEFAULT-VALUE}).")
    int xgbMaxLeaves = XgboostTrainer.defaults().maxLeaves();

    @Option(names = "--xgb-keep-grown", arity = "1", description = "XGBoost: score with every tree grown before early stopping (true) "
            + "or cut back to the best validation round (false) (default: ${DEFAULT-VALUE}).")
    boolean xgbKeepGrown = XgboostTrainer.defaults().keepGrown();

    @Option(names = "--holdout", description = "Tuning mode: the even rows of the background and supervised-signal samples train "
            + "(idealized: all of innerdata_train against them), the odd rows of both are evaluated; evaldata_test is not used.")
    boolean holdout;

    @Option(names = "--fpr-floor", description = "FPR floor of the max SIC (default: ${DEFAULT-VALUE}).")
    double fprFloor = Roc.DEFAULT_FPR_FLOOR;

    @Option(names = "--bootstrap", description = "Resamples of the evaluation events for the spread of the median max SIC and of the "
            + "ours/peer ratio; 0 = none (default: ${DEFAULT-VALUE}).")
    int bootstrap = 100;

    @Option(names = "--out", description = "JSON result file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench-lhco.json");

    /** The per-seed results of one side (one of our classifiers, or the peer) for one method. */
    private static final class Side {
        final double[] sic;
        final double[] auc;
        final double[] sicFloor1e3;
        final double[] seconds;
        final double[] processSeconds;
        /** CPU seconds: the peer's fit and scoring (all its threads), or this JVM's whole process while ours trained and scored. */
        final double[] cpuSeconds;
        final String[] iterations;
        final double[][] scores;

        Side(int seeds) {
            scores = new double[seeds][];
            sic = new double[seeds];
            auc = new double[seeds];
            sicFloor1e3 = new double[seeds];
            seconds = new double[seeds];
            processSeconds = new double[seeds];
            cpuSeconds = new double[seeds];
            iterations = new String[seeds];
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("balanced", "none").contains(peerClassWeight)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--peer-class-weight must be balanced or none, not " + peerClassWeight);
        }
        LhcoSplit split = LhcoSplit.load(dir);
        Table eval = split.evaluation();
        SklearnPeer peer = noPeer ? null : SklearnPeer.find();
        List<String> sides = new ArrayList<>(classifiers);
        if (peer != null) {
            sides.add(PEER);
            System.out.printf("peer: scikit-learn %s HistGradientBoostingClassifier(max_iter=%d, early_stopping=True, class_weight=%s), "
                    + "OMP_NUM_THREADS=%d; folds %d%n", peer.version(), peerIterations, peerClassWeight, peerThreads, peerFolds);
        }
        if (holdout) {
            System.out.println("holdout (tuning) mode: the odd rows of the background and of the supervised signal are evaluated, "
                    + "the even rows train; evaldata_test is not used");
        }
        System.out.printf("ours: %s; %s; %d kernel threads; folds %d%n", mlp(), xgboost(), Kernels.threads(), folds);

        ObjectNode root = JsonReport.root("lhco");
        root.put("split", holdout
                ? "tuning: even rows of innerdata_extrasig[20000:] and of innerdata_test label 0 train (idealized: innerdata_train against "
                        + "that background), their odd rows are evaluated"
                : "data=innerdata_train, background=innerdata_test label 0, signal=innerdata_extrasig[20000:], eval=evaldata_test");
        root.put("features", String.join(",", LhcoSplit.FEATURES));
        root.put("fpr_floor", fprFloor);
        root.put("holdout", holdout);
        root.put("mlp", mlp().toString());
        root.put("xgboost", xgboost().toString());
        root.put("folds", folds);
        root.put("bootstrap_resamples", bootstrap);
        root.put("order", "per seed the sides run in turn; the order reverses on every other seed");
        if (peer != null) {
            ObjectNode p = root.putObject("peer");
            p.put("sklearn", peer.version());
            p.put("model", "HistGradientBoostingClassifier(max_iter=" + peerIterations + ", early_stopping=True, random_state=seed, class_weight="
                    + peerClassWeight + ")");
            p.put("omp_num_threads", peerThreads);
            p.put("folds", peerFolds);
        }
        root.put("issue5_peer_reference", "sklearn HGB medians about 11 (idealized) and 19 (supervised)");
        ObjectNode results = root.putObject("results");

        for (String method : methods) {
            Table one = method.equals("idealized") ? split.data() : split.extraSignal();
            Table zero = split.background();
            Table evaluated = eval;
            if (holdout) {
                Table[] signal = halves(split.extraSignal());
                Table[] background = halves(zero);
                one = method.equals("idealized") ? split.data() : signal[0];
                zero = background[0];
                evaluated = signal[1].concat(background[1]); // their own label columns: 1 in extrasig, 0 in the background
            }
            float[][] evalRows = evaluated.toFloatRows(LhcoSplit.FEATURES);
            int[] evalLabels = evaluated.labels("label");
            Map<String, Side> bySide = new LinkedHashMap<>();
            for (String side : sides) {
                bySide.put(side, new Side(seeds));
            }
            for (int s = 0; s < seeds; s++) {
                long seed = s + 1;
                List<String> order = new ArrayList<>(sides);
                if (s % 2 == 1) {
                    Collections.reverse(order);
                }
                for (String side : order) {
                    Side r = bySide.get(side);
                    double[] scores;
                    if (side.equals(PEER)) {
                        SklearnPeer.Run run = peer.run(dir, method, seed, peerIterations, peerClassWeight, peerFolds, peerThreads, holdout);
                        if (run.rowsOne() != one.rows() || run.rowsZero() != zero.rows() || run.scores().length != evalRows.length) {
                            throw new IllegalStateException("the peer built another split: " + run.rowsOne() + " / " + run.rowsZero() + " / "
                                    + run.scores().length + " rows against our " + one.rows() + " / " + zero.rows() + " / " + evalRows.length);
                        }
                        scores = run.scores();
                        r.seconds[s] = run.fitSeconds() + run.scoreSeconds();
                        r.processSeconds[s] = run.processSeconds();
                        r.cpuSeconds[s] = run.cpuSeconds();
                        r.iterations[s] = run.iterations();
                    } else {
                        long t0 = System.nanoTime();
                        long c0 = processCpuNanos();
                        KFold.Result k = method.equals("idealized")
                                ? Baselines.idealized(one, zero, LhcoSplit.FEATURES, trainer(side), folds, seed)
                                : Baselines.supervised(one, zero, LhcoSplit.FEATURES, trainer(side), folds, seed);
                        scores = k.ensembleScore(evalRows);
                        r.seconds[s] = (System.nanoTime() - t0) / 1e9;
                        r.processSeconds[s] = r.seconds[s];
                        r.cpuSeconds[s] = (processCpuNanos() - c0) / 1e9;
                        r.iterations[s] = trees(k);
                    }
                    r.scores[s] = scores;
                    Roc roc = Roc.of(scores, evalLabels);
                    r.sic[s] = roc.maxSic(fprFloor);
                    r.auc[s] = roc.auc();
                    r.sicFloor1e3[s] = roc.maxSic(1e-3);
                    System.out.printf("%-10s %-8s seed %d: max SIC %6.2f  AUC %.4f  (max SIC at FPR ≥ 1e-3: %5.2f)  %7.1f s%s%n", method, side, seed, r.sic[s], r.auc[s], r.sicFloor1e3[s],
                            r.seconds[s], side.equals(PEER) ? String.format(" (fit+score; child process %.1f s, iterations %s)",
                                    r.processSeconds[s], r.iterations[s]) : r.iterations[s] == null ? "" : " (trees kept/grown " + r.iterations[s] + ")");
                }
            }
            ObjectNode summary = summarize(method, bySide);
            if (bootstrap > 0) {
                bootstrap(method, bySide, evalLabels, summary);
            }
            results.set(method, summary);
        }
        JsonReport.write(root, out);
        return 0;
    }

    /** XGBoost fold models: "kept/grown" trees of each, comma-separated (comparable with the peer's n_iter_); null for others. */
    private static String trees(KFold.Result k) {
        List<String> each = new ArrayList<>();
        for (var m : k.models()) {
            if (!(m instanceof XgboostTrainer.Model x)) {
                return null;
            }
            each.add(x.trees() + "/" + x.roundsRun());
        }
        return String.join(",", each);
    }

    /** CPU time of this JVM (all threads, JIT and GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private MlpTrainer mlp() {
        return new MlpTrainer(new int[] {64, 64, 64}, epochs, 128, 1e-3, bestEpochs, 0.2, false);
    }

    private XgboostTrainer xgboost() {
        XgboostTrainer d = XgboostTrainer.defaults();
        return new XgboostTrainer(xgbRounds, xgbDepth, xgbEta, xgbPatience, d.validationFraction(), d.threads(), xgbMinChildWeight, xgbMaxLeaves,
                xgbKeepGrown);
    }

    /** Tuning mode: [even rows, odd rows] of a sample (a split the Python peer makes the same way). */
    private static Table[] halves(Table t) {
        boolean[] even = new boolean[t.rows()];
        boolean[] odd = new boolean[t.rows()];
        for (int i = 0; i < even.length; i++) {
            even[i] = i % 2 == 0;
            odd[i] = !even[i];
        }
        return new Table[] {t.filter(even), t.filter(odd)};
    }

    private ClassifierTrainer trainer(String name) {
        return switch (name) {
            case "mlp" -> mlp();
            case "xgboost" -> xgboost();
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--classifiers: unknown classifier '" + name + "' (mlp, xgboost)");
        };
    }

    /** Console summary and JSON of one method: per side the per-seed numbers, median and spread; ratios to the peer. */
    private ObjectNode summarize(String method, Map<String, Side> bySide) {
        ObjectNode node = JsonReport.MAPPER.createObjectNode();
        Side peer = bySide.get(PEER);
        for (Map.Entry<String, Side> e : bySide.entrySet()) {
            Side r = e.getValue();
            Samples sic = new Samples(r.sic);
            Samples auc = new Samples(r.auc);
            Samples sec = new Samples(r.seconds);
            ObjectNode n = node.putObject(e.getKey());
            array(n.putArray("max_sic"), r.sic);
            n.put("median_max_sic", sic.median());
            n.put("min_max_sic", sic.min());
            n.put("max_max_sic", sic.max());
            array(n.putArray("auc"), r.auc);
            n.put("median_auc", auc.median());
            array(n.putArray("max_sic_fpr_floor_1e-3"), r.sicFloor1e3);
            n.put("median_max_sic_fpr_floor_1e-3", new Samples(r.sicFloor1e3).median());
            array(n.putArray("seconds"), r.seconds);
            n.put("median_seconds", sec.median());
            array(n.putArray("cpu_seconds"), r.cpuSeconds);
            n.put("median_cpu_seconds", new Samples(r.cpuSeconds).median());
            String line = String.format("%-10s %-8s max SIC median %6.2f (range %.2f–%.2f)  AUC median %.4f (%.4f–%.4f)  at FPR ≥ 1e-3 %.2f  %.1f s per run",
                    method, e.getKey(), sic.median(), sic.min(), sic.max(), auc.median(), auc.min(), auc.max(),
                    new Samples(r.sicFloor1e3).median(), sec.median());
            line += String.format(" (CPU %.1f s)", new Samples(r.cpuSeconds).median());
            if (e.getKey().equals(PEER)) {
                n.put("seconds_measure", "fit + scoring inside the peer");
                n.put("cpu_seconds_measure", "fit + scoring (time.process_time, all threads)");
                array(n.putArray("child_process_seconds"), r.processSeconds);
                n.put("median_child_process_seconds", new Samples(r.processSeconds).median());
                ArrayNode it = n.putArray("iterations");
                for (String i : r.iterations) {
                    it.add(i);
                }
                line += String.format(" (child process %.1f s)", new Samples(r.processSeconds).median());
            } else if (r.iterations[0] != null) {
                ArrayNode it = n.putArray("trees_kept_grown");
                for (String i : r.iterations) {
                    it.add(i);
                }
            }
            if (!e.getKey().equals(PEER) && peer != null) {
                double sicRatio = sic.median() / new Samples(peer.sic).median();
                double timeRatio = sec.median() / new Samples(peer.seconds).median();
                double cpuRatio = new Samples(r.cpuSeconds).median() / new Samples(peer.cpuSeconds).median();
                n.put("cpu_median_ratio_to_peer", cpuRatio);
                n.put("sic_median_ratio_to_peer", sicRatio);
                n.put("time_median_ratio_to_peer", timeRatio);
                n.put("time_median_ratio_to_peer_process", sec.median() / new Samples(peer.processSeconds).median());
                line += String.format("  ours/peer: SIC %.2f, time %.1f, CPU %.1f", sicRatio, timeRatio, cpuRatio);
            }
            System.out.println(line);
        }
        return node;
    }

    /**
     * Paired bootstrap of the evaluation events: per side the 16–84 % range of the median max SIC
     * over seeds, and per classifier of ours the range of its ratio to the peer's median and how
     * often ours is at least as high.
     */
    private void bootstrap(String method, Map<String, Side> bySide, int[] labels, ObjectNode summary) {
        List<double[]> vectors = new ArrayList<>();
        for (Side r : bySide.values()) {
            vectors.addAll(List.of(r.scores));
        }
        long t0 = System.nanoTime();
        double[][] sic = SicBootstrap.maxSic(vectors, labels, fprFloor, bootstrap, 777);
        Map<String, double[]> medians = new LinkedHashMap<>();
        int v = 0;
        for (String side : bySide.keySet()) {
            double[] m = new double[bootstrap];
            for (int b = 0; b < bootstrap; b++) {
                m[b] = new Samples(java.util.Arrays.copyOfRange(sic[b], v, v + seeds)).median();
            }
            medians.put(side, m);
            v += seeds;
        }
        System.out.printf("%-10s bootstrap of the evaluation events (%d resamples, %.0f s), 16–84 %% of the median max SIC:%n", method,
                bootstrap, (System.nanoTime() - t0) / 1e9);
        double[] peer = medians.get(PEER);
        for (Map.Entry<String, double[]> e : medians.entrySet()) {
            ObjectNode n = (ObjectNode) summary.get(e.getKey());
            double lo = SicBootstrap.quantile(e.getValue(), 0.16);
            double hi = SicBootstrap.quantile(e.getValue(), 0.84);
            n.put("bootstrap_median_max_sic_16", lo);
            n.put("bootstrap_median_max_sic_84", hi);
            String line = String.format("%-10s %-8s median max SIC %.2f–%.2f", method, e.getKey(), lo, hi);
            if (peer != null && !e.getKey().equals(PEER)) {
                double[] ratio = new double[bootstrap];
                int atLeast = 0;
                for (int b = 0; b < bootstrap; b++) {
                    ratio[b] = e.getValue()[b] / peer[b];
                    atLeast += ratio[b] >= 1 ? 1 : 0;
                }
                double rlo = SicBootstrap.quantile(ratio, 0.16);
                double rhi = SicBootstrap.quantile(ratio, 0.84);
                n.put("bootstrap_sic_ratio_to_peer_16", rlo);
                n.put("bootstrap_sic_ratio_to_peer_84", rhi);
                n.put("bootstrap_fraction_ours_at_least_peer", atLeast / (double) bootstrap);
                line += String.format("  ours/peer %.2f–%.2f, ours ≥ peer in %.0f %% of resamples", rlo, rhi, 100.0 * atLeast / bootstrap);
            }
            System.out.println(line);
        }
    }

    private static void array(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }
}
