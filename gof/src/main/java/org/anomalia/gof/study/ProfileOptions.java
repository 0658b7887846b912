package org.anomalia.gof.study;

import java.nio.file.Path;
import java.util.List;
import org.anomalia.numerics.UserException;

/** The knobs of {@code anomalia gof profile}: the grid, theory draws per grid point and toys at the best fit. */
public record ProfileOptions(List<GridAxis> axes, int samplesPerPoint, int toys, Path out) {
    public static final int DEFAULT_SAMPLES = 2000, DEFAULT_TOYS = 300;

    public ProfileOptions {
        axes = List.copyOf(axes);
        if (samplesPerPoint < 100) throw new UserException("--samples for a profile must be at least 100 per grid point, got " + samplesPerPoint);
        if (toys < 0) throw new UserException("--toys must be zero or positive, got " + toys);
    }
}
