package org.anomalia.gof;

import java.util.Arrays;
import java.util.Locale;
import org.anomalia.numerics.UserException;

/**
 * Which statistic gives the headline p-value of a run ({@code --method}): the exact marginal
 * likelihood, a learned model (flow, VAE), or {@code auto} (the marginal where its effective sample
 * size is adequate, else the learned model; see {@link Headline}).
 */
public enum GofMethod {
    AUTO, MARGINAL, FLOW, VAE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GofMethod parse(String s) {
        for (GofMethod m : values()) if (m.key().equalsIgnoreCase(s.trim())) return m;
        throw new UserException("--method must be one of " + String.join(", ", Arrays.stream(values()).map(GofMethod::key).toList()) + ", got '" + s + "'");
    }
}
