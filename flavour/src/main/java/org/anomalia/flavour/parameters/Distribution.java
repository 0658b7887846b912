package org.anomalia.flavour.parameters;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.anomalia.numerics.UserException;

/** How a parameter is drawn in the uncertainty estimate, under flavio's class names. */
public enum Distribution {
    /** Fixed at its central value (flavio's DeltaDistribution). */
    DELTA("DeltaDistribution"),
    /** Independent Gaussian, not truncated. */
    NORMAL("NormalDistribution"),
    /** Two half-Gaussians glued at the mode, widths err_plus above and err_minus below. */
    ASYMMETRIC_NORMAL("AsymmetricNormalDistribution"),
    /** Part of a correlated Gaussian block; without correlations it is an independent Gaussian. */
    MULTIVARIATE_NORMAL("MultivariateNormalDistribution");

    private final String flavioName;

    Distribution(String flavioName) {
        this.flavioName = flavioName;
    }

    public String flavioName() {
        return flavioName;
    }

    public static Distribution fromFlavioName(String name, String where) {
        for (Distribution d : values()) {
            if (d.flavioName.equals(name)) return d;
        }
        throw new UserException(where + ": unknown distribution '" + name + "'; known: "
                + Arrays.stream(values()).map(Distribution::flavioName).collect(Collectors.joining(", ")));
    }
}
