package org.anomalia.events.method;

import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.events.scores.AnomalyScoreModel;
import org.anomalia.events.scores.ScoreKind;
import org.anomalia.events.scores.ScoreSettings;

/**
 * An unsupervised score (AE reconstruction error, VAE −ELBO, flow −log p) trained on the window's
 * signal-region data, labels unread; it scores every event with the one model (no folds: the
 * model never sees which events are signal, and it is trained to describe the bulk).
 */
public record ScoreModelMethod(ScoreKind kind, ScoreSettings settings) implements WindowMethod {
    @Override
    public String name() {
        return kind.cliName();
    }

    @Override
    public FittedMethod fit(Window w, long seed) {
        AnomalyScoreModel model = AnomalyScoreModel.train(kind, w.signalRegion(), w.features(), settings, seed,
                Map.of("signal_region", w.region().toString()));
        return new FittedMethod() {
            @Override
            public double[] dataScores(boolean[] rows) {
                return score(w.data().filter(rows));
            }

            @Override
            public double[] score(Table events) {
                return model.score(events).values();
            }
        };
    }
}
