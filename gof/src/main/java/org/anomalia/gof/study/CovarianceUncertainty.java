package org.anomalia.gof.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.matrices.CorrelationAroundPublished;
import org.anomalia.numerics.matrices.WishartSampler;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * How uncertain the published experimental covariance is taken to be (option {@code --cov-uncertainty}):
 * {@code wishart:DOF} draws Λexp ~ Wishart(DOF, Λexp/DOF) (mean Λexp; DOF is how many measurements the
 * matrix is "worth"); {@code lkj:ETA} keeps the published errors and scatters the correlation matrix
 * around the published one with an LKJ(ETA) perturbation, so the published zeros (between q² bins,
 * entries rounded to zero) become correlations of typical size 1/√(2·ETA + n − 1).
 */
public record CovarianceUncertainty(Kind kind, double parameter) {
    public enum Kind { WISHART, LKJ }

    public static final String OPTION = "--cov-uncertainty";

    public static CovarianceUncertainty parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String hint = OPTION + " '" + text + "': write wishart:DOF (e.g. wishart:100) or lkj:ETA (e.g. lkj:50)";
        if (colon < 0) throw new UserException(hint);
        Kind kind = switch (t.substring(0, colon)) {
            case "wishart" -> Kind.WISHART;
            case "lkj" -> Kind.LKJ;
            default -> throw new UserException(hint);
        };
        double p;
        try {
            p = Double.parseDouble(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserException(hint);
        }
        if (!(p > 0) || !Double.isFinite(p)) throw new UserException(hint + " (the number must be positive)");
        return new CovarianceUncertainty(kind, p);
    }

    /** Checks the parameter against the dimension before any work starts. */
    public void validate(int dimension) {
        if (kind == Kind.WISHART && !(parameter > dimension - 1)) {
            throw new UserException(OPTION + " wishart:" + fmt(parameter) + ": the degrees of freedom must exceed " + (dimension - 1)
                    + " (the number of observables minus one) for positive-definite draws");
        }
    }

    /** n covariance matrices around the published one, reproducible from the seed. */
    public List<double[][]> draw(double[][] expCovariance, int n, long seed, String what) {
        validate(expCovariance.length);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<double[][]> out = new ArrayList<>(n);
        if (kind == Kind.WISHART) {
            WishartSampler w = WishartSampler.around(expCovariance, parameter, what);
            for (int i = 0; i < n; i++) out.add(w.sample(rng));
        } else {
            double[] sigma = new double[expCovariance.length];
            for (int i = 0; i < sigma.length; i++) sigma[i] = Math.sqrt(expCovariance[i][i]);
            CorrelationAroundPublished c = CorrelationAroundPublished.of(CorrelationAroundPublished.correlation(expCovariance), parameter, what);
            for (int i = 0; i < n; i++) out.add(CorrelationAroundPublished.covariance(c.sample(rng), sigma));
        }
        return out;
    }

    /** Typical size of a published zero after the perturbation (LKJ), or the relative spread of a variance (Wishart): √(2/DOF). */
    public double typicalSpread(int dimension) {
        return kind == Kind.LKJ ? 1 / Math.sqrt(2 * parameter + dimension - 1) : Math.sqrt(2 / parameter);
    }

    public String describe() {
        return kind == Kind.WISHART
                ? "Wishart around Λexp with " + fmt(parameter) + " degrees of freedom"
                : "published errors, correlations scattered around the published ones by LKJ(η = " + fmt(parameter) + ")";
    }

    public String spec() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + fmt(parameter);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
