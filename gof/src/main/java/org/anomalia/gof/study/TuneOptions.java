package org.anomalia.gof.study;

import java.nio.file.Path;
import java.util.List;
import org.anomalia.numerics.UserException;

/** The grid of {@code anomalia gof tune} (VAE knobs) and the artificial anomalies it is scored on. */
public record TuneOptions(List<Double> betas, List<Integer> latents, List<Integer> hiddens, List<Integer> epochs,
                          List<Double> mahalanobis, int pseudoExperiments, Path out) {
    public static final List<Double> DEFAULT_BETAS = List.of(0.5, 1.0, 2.0);
    public static final List<Integer> DEFAULT_LATENTS = List.of(4, 8);
    public static final List<Double> DEFAULT_MAHALANOBIS = List.of(3.0, 4.0);

    public TuneOptions {
        betas = List.copyOf(betas);
        latents = List.copyOf(latents);
        hiddens = List.copyOf(hiddens);
        epochs = List.copyOf(epochs);
        mahalanobis = List.copyOf(mahalanobis);
        for (double b : betas) if (!(b > 0) || !Double.isFinite(b)) throw new UserException("--beta-grid values must be positive, got " + b);
        for (int l : latents) if (l < 1) throw new UserException("--latent-grid values must be at least 1, got " + l);
        for (int h : hiddens) if (h < 1) throw new UserException("--hidden-grid values must be at least 1, got " + h);
        for (int e : epochs) if (e < 1) throw new UserException("--epochs-grid values must be at least 1, got " + e);
        for (double s : mahalanobis) if (!(s > 0) || !Double.isFinite(s)) throw new UserException("--mahalanobis sizes must be positive, got " + s);
        if (betas.isEmpty() || latents.isEmpty() || hiddens.isEmpty() || epochs.isEmpty()) throw new UserException("gof tune: every grid needs at least one value");
        if (pseudoExperiments < 100) throw new UserException("--pseudo must be at least 100, got " + pseudoExperiments);
    }
}
