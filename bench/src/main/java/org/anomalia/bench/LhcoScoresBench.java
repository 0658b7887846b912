package org.anomalia.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.data.Table;
import org.anomalia.events.lhco.LhcoSplit;
import org.anomalia.events.metrics.Roc;
import org.anomalia.events.scores.AnomalyScoreModel;
import org.anomalia.events.scores.ScoreKind;
import org.anomalia.events.scores.ScoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The unsupervised scores of {@code anomalia events train} on the real LHCO R&D signal-region
 * events: each trained on data = innerdata_train (labels never read), judged on evaldata_test
 * (AUC, max SIC with FPR floor 1e-4, rejection at signal efficiency 0.2 and 0.4) per seed, with
 * medians. For context, {@code flow-bkg} trains the same flow on the pure background (label-0
 * rows of innerdata_test, so it uses truth labels): its −log p is the inverse background density
 * itself, the best any "rare = anomalous" score can do without knowing the signal.
 */
@Command(name = "lhco-scores", mixinStandardHelpOptions = true,
        description = "AE, VAE and flow anomaly scores trained on the real LHCO signal-region data, judged on evaldata_test.")
final class LhcoScoresBench implements Callable<Integer> {
    @Option(names = "--data", description = "Directory with the LHCO signal-region .npy files (default: ../shared/data/lhco-rnd-signal-region).")
    Path dir = LhcoSplit.defaultDirectory(System.getProperty("anomalia.shared", "../shared"));

    @Option(names = "--seeds", description = "Number of seeds (default: ${DEFAULT-VALUE}).")
    int seeds = 5;

    @Option(names = "--variants", split = ",",
            description = "ae (seed 001: latent 8), ae-z2 (latent 2), vae, flow, flow-bkg (flow on pure background; default: all).")
    List<String> variants = List.of("ae", "ae-z2", "vae", "flow", "flow-bkg");

    @Option(names = "--fast", description = "A third of the default epochs.")
    boolean fast;

    @Option(names = "--epochs", description = "Epochs for every variant (default: the score's own default, ae/vae 40, flow 30).")
    Integer epochs;

    @Option(names = "--out", description = "JSON result file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("bench-lhco-scores.json");

    @Override
    public Integer call() {
        LhcoSplit split = LhcoSplit.load(dir);
        Table eval = split.evaluation();
        int[] labels = eval.labels("label");
        Map<String, Object> results = new LinkedHashMap<>();
        for (String variant : variants) {
            ScoreKind kind = ScoreKind.parse(variant.replace("-z2", "").replace("-bkg", ""));
            ScoreSettings s = (fast ? ScoreSettings.fast(kind) : ScoreSettings.defaults(kind)).withProgress(false);
            if (epochs != null) s = s.withEpochs(epochs);
            if (variant.equals("ae-z2")) s = s.withNetwork(s.hidden(), 2);
            Table train = variant.equals("flow-bkg") ? split.background() : split.data();
            double[][] m = new double[5][seeds];
            int[] outside = new int[seeds];
            for (int i = 0; i < seeds; i++) {
                long t0 = System.nanoTime();
                AnomalyScoreModel model = AnomalyScoreModel.train(kind, train, LhcoSplit.FEATURES, s, i + 1, Map.of("variant", variant));
                AnomalyScoreModel.Scores sc = model.score(eval);
                Roc roc = Roc.of(sc.values(), labels);
                m[0][i] = roc.auc();
                m[1][i] = roc.maxSic(Roc.DEFAULT_FPR_FLOOR);
                m[2][i] = roc.rejectionAt(0.2);
                m[3][i] = roc.rejectionAt(0.4);
                m[4][i] = (System.nanoTime() - t0) / 1e9;
                outside[i] = sc.outsideTrainingRange();
                System.out.printf("%-8s seed %d: AUC %.4f  max SIC %.2f  R(0.2) %.2f  R(0.4) %.2f  best epoch %s  outside range %d  %.0f s%n",
                        variant, i + 1, m[0][i], m[1][i], m[2][i], m[3][i], model.provenance().get("best_epoch"), outside[i], m[4][i]);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("settings", s.describe(kind));
            r.put("trained_on", variant.equals("flow-bkg") ? "innerdata_test label 0 (pure background)" : "innerdata_train (data)");
            String[] names = {"auc", "max_sic", "rejection_at_0.2", "rejection_at_0.4", "seconds"};
            for (int k = 0; k < names.length; k++) {
                r.put(names[k], m[k]);
                r.put("median_" + names[k], new Samples(m[k]).median());
            }
            r.put("outside_training_range", outside);
            results.put(variant, r);
            System.out.printf("%-8s median over %d seeds: AUC %.4f  max SIC %.2f  R(0.2) %.2f  R(0.4) %.2f  (%.0f s per run)%n", variant, seeds,
                    new Samples(m[0]).median(), new Samples(m[1]).median(), new Samples(m[2]).median(), new Samples(m[3]).median(), new Samples(m[4]).median());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("split", "train=innerdata_train (unsupervised), flow-bkg: innerdata_test label 0; eval=evaldata_test");
        doc.put("features", LhcoSplit.FEATURES);
        doc.put("fpr_floor", Roc.DEFAULT_FPR_FLOOR);
        doc.put("seeds", seeds);
        doc.put("results", results);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicOutput.file(out, tmp -> json.writeValue(tmp.toFile(), doc));
        System.out.println("wrote " + out);
        return 0;
    }
}
