package org.anomalia.gof.study;

import java.nio.file.Path;
import java.util.List;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.numerics.UserException;

/**
 * The knobs of {@code anomalia gof power}: new-physics alternatives (built-in input only), Mahalanobis
 * sizes of shifts along random directions and optionally along a user direction, and the number of
 * pseudo-experiments per point.
 */
public record PowerOptions(List<NewPhysics> newPhysics, List<Double> mahalanobis, String direction, int pseudoExperiments, Path out) {
    public static final int DEFAULT_PSEUDO = 2000;
    public static final List<Double> DEFAULT_MAHALANOBIS = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);

    public PowerOptions {
        newPhysics = List.copyOf(newPhysics);
        mahalanobis = List.copyOf(mahalanobis);
        if (pseudoExperiments < 100) throw new UserException("--pseudo must be at least 100, got " + pseudoExperiments);
        for (double s : mahalanobis) {
            if (!(s > 0) || !Double.isFinite(s)) throw new UserException("--mahalanobis sizes must be positive numbers, got " + s);
        }
        for (NewPhysics np : newPhysics) {
            if (np.isStandardModel()) throw new UserException("--np: an alternative must differ from the Standard Model (e.g. C9=-0.5)");
        }
    }

    public static List<NewPhysics> parseNewPhysics(List<String> texts) {
        return texts.stream().map(NewPhysics::parse).toList();
    }
}
