package org.anomalia.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anomalia.data.AtomicFiles;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.Baselines;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.lhco.LhcoSplit;
import org.anomalia.events.metrics.Roc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Idealized anomaly detector and fully supervised classifier on the real LHCO R&D signal-region
 * events with the agreed split (see {@link LhcoSplit}), for our MLP and XGBoost side by side:
 * max SIC (FPR floor 1e-4) on evaldata_test per seed, the median over seeds, AUC and wall time.
 * The peer figure for scale (issue 5): scikit-learn's HistGradientBoostingClassifier (200
 * iterations, early stopping) reaches a median of about 11 (idealized) and 19 (supervised).
 */
@Command(name = "lhco", mixinStandardHelpOptions = true,
        description = "Idealized AD and supervised max SIC on the real LHCO R&D signal-region events, MLP and XGBoost.")
final class LhcoBench implements Callable<Integer> {
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

    @Option(names = "--folds", description = "k-fold models averaged on the evaluation set; 1 = one model (default: ${DEFAULT-VALUE}).")
    int folds = 1;

    @Option(names = "--out", description = "JSON result file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench-lhco.json");

    @Override
    public Integer call() throws Exception {
        LhcoSplit split = LhcoSplit.load(dir);
        Table eval = split.evaluation();
        float[][] evalRows = eval.toFloatRows(LhcoSplit.FEATURES);
        int[] evalLabels = eval.labels("label");
        Map<String, Object> results = new LinkedHashMap<>();
        for (String method : methods) {
            for (String name : classifiers) {
                ClassifierTrainer trainer = name.equals("mlp")
                        ? new MlpTrainer(new int[] {64, 64, 64}, epochs, 128, 1e-3, bestEpochs, 0.2, false)
                        : XgboostTrainer.defaults();
                double[] sic = new double[seeds];
                double[] auc = new double[seeds];
                double[] seconds = new double[seeds];
                for (int s = 0; s < seeds; s++) {
                    long t0 = System.nanoTime();
                    KFold.Result r = method.equals("idealized")
                            ? Baselines.idealized(split.data(), split.background(), LhcoSplit.FEATURES, trainer, folds, s + 1)
                            : Baselines.supervised(split.extraSignal(), split.background(), LhcoSplit.FEATURES, trainer, folds, s + 1);
                    Roc roc = Roc.of(r.ensembleScore(evalRows), evalLabels);
                    seconds[s] = (System.nanoTime() - t0) / 1e9;
                    sic[s] = roc.maxSic(Roc.DEFAULT_FPR_FLOOR);
                    auc[s] = roc.auc();
                    System.out.printf("%-10s %-8s seed %d: max SIC %.2f  AUC %.4f  %.1f s%n", method, name, s + 1, sic[s], auc[s], seconds[s]);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("max_sic", sic);
                m.put("median_max_sic", median(sic));
                m.put("auc", auc);
                m.put("seconds", seconds);
                results.put(method + "/" + name, m);
                System.out.printf("%-10s %-8s median max SIC %.2f over %d seeds (median %.1f s per run)%n", method, name,
                        median(sic), seeds, median(seconds));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("split", "data=innerdata_train, background=innerdata_test label 0, signal=innerdata_extrasig[20000:], eval=evaldata_test");
        doc.put("fpr_floor", Roc.DEFAULT_FPR_FLOOR);
        doc.put("mlp", Map.of("hidden", List.of(64, 64, 64), "epochs", epochs, "batch", 128, "lr", 1e-3, "best_epochs", bestEpochs));
        doc.put("xgboost", XgboostTrainer.defaults().toString());
        doc.put("folds", folds);
        doc.put("peer_reference", Map.of("sklearn_hgb_idealized_median", 11, "sklearn_hgb_supervised_median", 19));
        doc.put("results", results);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(out, tmp -> json.writeValue(tmp.toFile(), doc));
        System.out.println("wrote " + out);
        return 0;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
