package org.anomalia.events.scan;

import org.anomalia.numerics.UserException;

/**
 * How a template estimate is corrected for what the method's background model gets wrong.
 * Either from the data next to the window ({@code closure}: {@link TemplateClosure}), or from
 * background-only simulation ({@link TemplateCalibration}): per cut a scale on b (the model's mean
 * shortfall there) and a relative systematic added to σ_b (its spread from window to window), or both.
 *
 * <p>The closure costs statistics: at a tight cut few events next to the window pass a threshold
 * made for the window's features, so its binomial error dominates σ_b even with a perfect model;
 * and it does not see an error the classifier finds only inside the window. The calibration sees
 * both, but only for a simulation as hard as the data.
 *
 * @param closure whether to measure the closure next to the window
 * @param scale per cut, the factor on b (null = 1)
 * @param systematic per cut, the relative error added to σ_b in quadrature (null = 0)
 */
public record TemplateCorrection(boolean closure, double[] scale, double[] systematic) implements java.io.Serializable {
    /** The closure next to the window, nothing from simulation. */
    public static final TemplateCorrection CLOSURE = new TemplateCorrection(true, null, null);

    public TemplateCorrection {
        check(scale, "--template-scale", true);
        check(systematic, "--template-systematic", false);
    }

    private static void check(double[] v, String option, boolean positive) {
        if (v == null) return;
        for (double d : v) {
            if (!Double.isFinite(d) || d < 0 || positive && d == 0) {
                throw new UserException(option + ": each value must be a finite " + (positive ? "factor > 0" : "relative error >= 0") + ", got " + d);
            }
        }
    }

    /** Checks that the per-cut lists have one value per cut. */
    void checkCuts(int cuts) {
        if (scale != null && scale.length != cuts) throw new UserException("--template-scale needs one value per cut (" + cuts + "), got " + scale.length);
        if (systematic != null && systematic.length != cuts) {
            throw new UserException("--template-systematic needs one value per cut (" + cuts + "), got " + systematic.length);
        }
    }

    /** The factor on b at cut c. */
    public double scale(int c) {
        return scale == null ? 1 : scale[c];
    }

    /** The relative systematic at cut c. */
    public double systematic(int c) {
        return systematic == null ? 0 : systematic[c];
    }

    /** The closure mode as the command line spells it: sides or none. */
    public String closureName() {
        return closure ? "sides" : "none";
    }

    /** Whether anything comes from simulation. */
    public boolean calibrated() {
        return scale != null || systematic != null;
    }
}
