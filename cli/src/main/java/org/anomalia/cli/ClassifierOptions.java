package org.anomalia.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Option;

/** Classifier, folds and seed, plus the output and judging options, shared by the classifier methods. */
final class ClassifierOptions extends JudgingOptions {
    @Option(names = "--classifier", defaultValue = "xgboost", description = "xgboost or mlp (default ${DEFAULT-VALUE}: on the LHCO split its 5-fold ensemble matches scikit-learn's HistGradientBoosting; the MLP trails in the far tail).")
    String classifier;

    @Option(names = "--fast", description = "Quick look: with --classifier mlp, 20 epochs, batch 256, 5 best epochs (default: CATHODE paper settings, 100 epochs, batch 128, 10 best epochs).")
    boolean fast;

    @Option(names = "--epochs", description = "MLP epochs (overrides the preset).")
    Integer epochs;

    @Option(names = "--folds", defaultValue = "5", description = "k-fold models; every training event is scored by models that did not see it (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    ClassifierTrainer trainer() {
        if (folds < 2) {
            // with one fold the data would be scored by the model that was trained on them
            throw new UserException("--folds must be at least 2 (every event is scored by models that did not see it), got " + folds);
        }
        ClassifierTrainer t = ClassifierTrainer.named(classifier, fast);
        if (epochs != null && t instanceof MlpTrainer mlp) {
            if (epochs < 1) {
                throw new UserException("--epochs must be at least 1, got " + epochs);
            }
            t = mlp.withEpochs(epochs, Math.min(mlp.bestEpochs(), epochs));
        }
        return t;
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
