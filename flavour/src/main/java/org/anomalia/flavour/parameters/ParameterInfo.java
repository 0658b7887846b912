package org.anomalia.flavour.parameters;

/**
 * One theory parameter as flavio defines it: its name, central value, 1σ widths (upper and lower,
 * equal for Gaussians), its distribution and whether flavio's sm_uncertainty varies it.
 */
public record ParameterInfo(String name, double central, double errPlus, double errMinus,
                            Distribution distribution, boolean varied, String unit, String description) {

    /** The symmetric 1σ width (the mean of the upper and lower width). */
    public double sigma() {
        return 0.5 * (errPlus + errMinus);
    }

    /** True when the draw is random at all (varied and with a non-zero width). */
    public boolean isRandom() {
        return varied && distribution != Distribution.DELTA && (errPlus > 0 || errMinus > 0);
    }

    ParameterInfo withCentral(double value) {
        return new ParameterInfo(name, value, errPlus, errMinus, distribution, varied, unit, description);
    }

    ParameterInfo fixed(double value) {
        return new ParameterInfo(name, value, errPlus, errMinus, distribution, false, unit, description);
    }

    ParameterInfo withSigma(double sigma) {
        return new ParameterInfo(name, central, sigma, sigma, distribution, varied, unit, description);
    }
}
