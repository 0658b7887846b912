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

    @Option(names = "--folds", description = "k-fold models averaged on the evaluation set, ours and the peer's; 1 = one model (default: ${DEFAULT-VALUE}).")
    int folds = 1;

    @Option(names = "--no-peer", description = "Do not run the scikit-learn peer.")
    boolean noPeer;

    @Option(names = "--peer-iterations", description = "Peer: HistGradientBoostingClassifier max_iter (default: ${DEFAULT-VALUE}).")
    int peerIterations = 200;

    @Option(names = "--peer-class-weight", description = "Peer: balanced (as our classifiers) or none (default: ${DEFAULT-VALUE}).")
    String peerClassWeight = "balanced";

    @Option(names = "--peer-threads", description = "Peer: OMP_NUM_THREADS (default: ${DEFAULT-VALUE}, as our XGBoost).")
    int peerThreads = 1;

    @Option(names = "--out", description = "JSON result file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench-lhco.json");

    /** The per-seed results of one side (one of our classifiers, or the peer) for one method. */
    private static final class Side {
        final double[] sic;
        final double[] auc;
        final double[] seconds;
        final double[] processSeconds;
        final double[] fitCpuSeconds;
        final String[] iterations;

        Side(int seeds) {
            sic = new double[seeds];
            auc = new double[seeds];
            seconds = new double[seeds];
            processSeconds = new double[seeds];
            fitCpuSeconds = new double[seeds];
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
        float[][] evalRows = eval.toFloatRows(LhcoSplit.FEATURES);
        int[] evalLabels = eval.labels("label");
        SklearnPeer peer = noPeer ? null : SklearnPeer.find();
        List<String> sides = new ArrayList<>(classifiers);
        if (peer != null) {
            sides.add(PEER);
            System.out.printf("peer: scikit-learn %s HistGradientBoostingClassifier(max_iter=%d, early_stopping=True, class_weight=%s), "
                    + "OMP_NUM_THREADS=%d%n", peer.version(), peerIterations, peerClassWeight, peerThreads);
        }
        System.out.printf("ours: %s; %s; %d kernel threads; folds %d%n", mlp(), XgboostTrainer.defaults(), Kernels.threads(), folds);

        ObjectNode root = JsonReport.root("lhco");
        root.put("split", "data=innerdata_train, background=innerdata_test label 0, signal=innerdata_extrasig[20000:], eval=evaldata_test");
        root.put("features", String.join(",", LhcoSplit.FEATURES));
        root.put("fpr_floor", Roc.DEFAULT_FPR_FLOOR);
        root.put("mlp", mlp().toString());
        root.put("xgboost", XgboostTrainer.defaults().toString());
        root.put("folds", folds);
        root.put("order", "per seed the sides run in turn; the order reverses on every other seed");
        if (peer != null) {
            ObjectNode p = root.putObject("peer");
            p.put("sklearn", peer.version());
            p.put("model", "HistGradientBoostingClassifier(max_iter=" + peerIterations + ", early_stopping=True, random_state=seed, class_weight="
                    + peerClassWeight + ")");
            p.put("omp_num_threads", peerThreads);
        }
        root.put("issue5_peer_reference", "sklearn HGB medians about 11 (idealized) and 19 (supervised)");
        ObjectNode results = root.putObject("results");

        for (String method : methods) {
            Table one = method.equals("idealized") ? split.data() : split.extraSignal();
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
                        SklearnPeer.Run run = peer.run(dir, method, seed, peerIterations, peerClassWeight, folds, peerThreads);
                        if (run.rowsOne() != one.rows() || run.rowsZero() != split.background().rows() || run.scores().length != evalRows.length) {
                            throw new IllegalStateException("the peer built another split: " + run.rowsOne() + " / " + run.rowsZero() + " / "
                                    + run.scores().length + " rows against our " + one.rows() + " / " + split.background().rows() + " / " + evalRows.length);
                        }
                        scores = run.scores();
                        r.seconds[s] = run.fitSeconds() + run.scoreSeconds();
                        r.processSeconds[s] = run.processSeconds();
                        r.fitCpuSeconds[s] = run.fitCpuSeconds();
                        r.iterations[s] = run.iterations();
                    } else {
                        long t0 = System.nanoTime();
                        KFold.Result k = method.equals("idealized")
                                ? Baselines.idealized(split.data(), split.background(), LhcoSplit.FEATURES, trainer(side), folds, seed)
                                : Baselines.supervised(split.extraSignal(), split.background(), LhcoSplit.FEATURES, trainer(side), folds, seed);
                        scores = k.ensembleScore(evalRows);
                        r.seconds[s] = (System.nanoTime() - t0) / 1e9;
                        r.processSeconds[s] = r.seconds[s];
                    }
                    Roc roc = Roc.of(scores, evalLabels);
                    r.sic[s] = roc.maxSic(Roc.DEFAULT_FPR_FLOOR);
                    r.auc[s] = roc.auc();
                    System.out.printf("%-10s %-8s seed %d: max SIC %6.2f  AUC %.4f  %7.1f s%s%n", method, side, seed, r.sic[s], r.auc[s],
                            r.seconds[s], side.equals(PEER) ? String.format(" (fit+score; child process %.1f s, iterations %s)",
                                    r.processSeconds[s], r.iterations[s]) : "");
                }
            }
            results.set(method, summarize(method, bySide));
        }
        JsonReport.write(root, out);
        return 0;
    }

    private MlpTrainer mlp() {
        return new MlpTrainer(new int[] {64, 64, 64}, epochs, 128, 1e-3, bestEpochs, 0.2, false);
    }

    private ClassifierTrainer trainer(String name) {
        return switch (name) {
            case "mlp" -> mlp();
            case "xgboost" -> XgboostTrainer.defaults();
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
            array(n.putArray("seconds"), r.seconds);
            n.put("median_seconds", sec.median());
            String line = String.format("%-10s %-8s max SIC median %6.2f (range %.2f–%.2f)  AUC median %.4f (%.4f–%.4f)  %.1f s per run",
                    method, e.getKey(), sic.median(), sic.min(), sic.max(), auc.median(), auc.min(), auc.max(), sec.median());
            if (e.getKey().equals(PEER)) {
                n.put("seconds_measure", "fit + scoring inside the peer");
                array(n.putArray("fit_cpu_seconds"), r.fitCpuSeconds);
                array(n.putArray("child_process_seconds"), r.processSeconds);
                n.put("median_child_process_seconds", new Samples(r.processSeconds).median());
                ArrayNode it = n.putArray("iterations");
                for (String i : r.iterations) {
                    it.add(i);
                }
                line += String.format(" (child process %.1f s)", new Samples(r.processSeconds).median());
            } else if (peer != null) {
                double sicRatio = sic.median() / new Samples(peer.sic).median();
                double timeRatio = sec.median() / new Samples(peer.seconds).median();
                n.put("sic_median_ratio_to_peer", sicRatio);
                n.put("time_median_ratio_to_peer", timeRatio);
                n.put("time_median_ratio_to_peer_process", sec.median() / new Samples(peer.processSeconds).median());
                line += String.format("  ours/peer: SIC %.2f, time %.1f", sicRatio, timeRatio);
            }
            System.out.println(line);
        }
        return node;
    }

    private static void array(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }
}
