package org.anomalia.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.metrics.Roc;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Option;

/** Classifier, folds, seed, output and judging options shared by the classifier baselines. */
final class ClassifierOptions {
    @Option(names = "--classifier", defaultValue = "mlp", description = "mlp or xgboost (default ${DEFAULT-VALUE}).")
    String classifier;

    @Option(names = "--fast", description = "Quick look: MLP with 20 epochs, batch 256, 5 best epochs (default: CATHODE paper settings, 100 epochs, batch 128, 10 best epochs).")
    boolean fast;

    @Option(names = "--epochs", description = "MLP epochs (overrides the preset).")
    Integer epochs;

    @Option(names = "--folds", defaultValue = "5", description = "k-fold models; every training event is scored by models that did not see it (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: scores.csv, metrics.json, report.html.")
    Path out;

    @Option(names = "--fpr-floor", defaultValue = "1e-4", description = "Lowest background efficiency for the maximum SIC (default ${DEFAULT-VALUE}).")
    double fprFloor = Roc.DEFAULT_FPR_FLOOR;

    @Option(names = "--expected-signal", defaultValue = "0", description = "Signal events expected in the signal region before cuts, for S/sqrt(S+B) (default: the scored set's own count).")
    double expectedSignal;

    @Option(names = "--expected-background", defaultValue = "0", description = "Background events expected in the signal region before cuts (default: the scored set's own count).")
    double expectedBackground;

    ClassifierTrainer trainer() {
        if (folds < 1) {
            throw new UserException("--folds must be at least 1, got " + folds);
        }
        switch (classifier) {
            case "xgboost":
                return XgboostTrainer.defaults();
            case "mlp":
                MlpTrainer t = fast ? MlpTrainer.fast() : MlpTrainer.paper();
                if (epochs != null) {
                    if (epochs < 1) {
                        throw new UserException("--epochs must be at least 1, got " + epochs);
                    }
                    t = t.withEpochs(epochs, Math.min(t.bestEpochs(), epochs));
                }
                return t;
            default:
                throw new UserException("--classifier " + classifier + ": use mlp or xgboost");
        }
    }

    ScoreAndJudge.Judging judging() {
        return new ScoreAndJudge.Judging(fprFloor, expectedSignal, expectedBackground);
    }

    Map<String, Object> settings(String command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("seed", seed);
        m.put("classifier", trainer().toString());
        m.put("folds", folds);
        return m;
    }
}
