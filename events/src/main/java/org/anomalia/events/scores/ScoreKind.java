package org.anomalia.events.scores;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.anomalia.numerics.UserException;

/** The unsupervised anomaly scores: what is trained and what number an event gets. */
public enum ScoreKind {
    /** Autoencoder; score = mean squared reconstruction error (standardised units). */
    AE("ae"),
    /** Variational autoencoder; score = −ELBO (or the IWAE bound) in the features' own units. */
    VAE("vae"),
    /** Masked autoregressive flow; score = −log p(x) in the features' own units. */
    FLOW("flow");

    private final String cliName;

    ScoreKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ScoreKind parse(String name) {
        for (ScoreKind k : values()) {
            if (k.cliName.equals(name)) return k;
        }
        throw new UserException("unknown anomaly score '" + name + "'; use one of "
                + Arrays.stream(values()).map(ScoreKind::cliName).collect(Collectors.joining(", ")));
    }
}
