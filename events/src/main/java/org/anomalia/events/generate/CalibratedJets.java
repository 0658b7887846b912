package org.anomalia.events.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Jet substructure calibrated on the real LHCO R&D signal-region events (3.3–3.7 TeV, labels
 * used; ../shared/data/lhco-rnd-signal-region, 161k background and 74.5k signal events), the
 * default {@code --model lhco}. Constants and how each was measured: events/README.md, "The dijet
 * generator". Outside the signal region the mjj dependence is a model, not a measurement: QCD jet
 * masses scale with mjj^0.75 and τ21 depends on the jet mass relative to mjj.
 */
final class CalibratedJets implements JetSubstructure {
    // QCD: two log-normal jet masses (correlation ρ), then a soft ceiling m / (1 + (m/c)^p)^(1/p).
    /** Median QCD jet mass / mjj at mjj = 3.5 TeV; the median grows like mjj^(1 + DRIFT). */
    static final double JET_MASS_FRACTION = 0.0482;
    static final double JET_MASS_DRIFT = -0.25;
    static final double JET_MASS_LOG_SIGMA = 0.78;
    /** Correlation of the two jets' log masses. */
    static final double JET_MASS_RHO = 0.05;
    /** Soft ceiling of a QCD jet mass at mjj = 3.5 TeV (∝ mjj) and its sharpness. */
    static final double JET_MASS_CEILING = 0.85;
    static final double JET_MASS_CEILING_POWER = 4.0;
    // QCD τ21 = FLOOR + (1 − FLOOR)·Beta: mean flat up to log(m/mjj) = KNEE, falling linearly above it;
    // the floor thins the tail near 0 as in the real heavy jets (P(τ21 < 0.06) 0.35 % at mj2 ≈ 0.5).
    static final double TAU_FLOOR = 0.02;
    static final double TAU_FLAT = 0.605;
    static final double TAU_KNEE = -3.2;
    static final double TAU_SLOPE = 0.20;
    static final double TAU_CONCENTRATION = 8.0;

    // Signal X jet (mass mX): a core, a lost prong (lower mass, QCD-like τ21), extra radiation (higher mass).
    static final double X_LOST = 0.11;
    static final double X_LOST_MEDIAN = 0.5; // × mX
    static final double X_LOST_LOG_SIGMA = 0.45;
    static final double X_RADIATING = 0.04;
    static final double X_RADIATION_MEAN = 0.25; // × mX, exponential
    static final double X_SCALE = 1.005;
    static final double X_RESOLUTION = 0.04;
    static final double X_WIDE = 0.30;
    static final double X_WIDE_RESOLUTION = 0.10;
    static final double X_TAU_MEDIAN = 0.172; // split log-normal, below 1
    static final double X_TAU_LOG_SIGMA_LOW = 0.65;
    static final double X_TAU_LOG_SIGMA_HIGH = 0.58;
    // Signal Y jet (mass mY): a core with a one-sided tail from radiation, and a radiating tail.
    static final double Y_RADIATING = 0.14;
    static final double Y_RADIATING_MEDIAN = 2.1; // × mY
    static final double Y_RADIATING_LOG_SIGMA = 0.30;
    static final double Y_SCALE = 0.99;
    static final double Y_RESOLUTION = 0.095;
    static final double Y_TAIL_MEAN = 0.11; // × mY, exponential
    static final double Y_TAU_MEAN = 0.37;
    static final double SIGNAL_TAU_CONCENTRATION = 11.0;
    /** τ21 of a degraded signal jet (lost prong or radiating): Beta(mean, κ). */
    static final double DEGRADED_TAU_MEAN = 0.45;
    static final double DEGRADED_TAU_CONCENTRATION = 8.0;

    /** Median QCD jet mass at a given mjj. */
    static double medianJetMass(double mjj) {
        return mjj * JET_MASS_FRACTION * Math.pow(mjj / 3.5, JET_MASS_DRIFT);
    }

    /** Mean τ21 of a QCD jet of mass m in an event of mass mjj (measured in the SR per decile of log(m/mjj)). */
    static double backgroundTauMean(double m, double mjj) {
        double mean = TAU_FLAT - TAU_SLOPE * Math.max(0, Math.log(m / mjj) - TAU_KNEE);
        return Math.min(0.95, Math.max(0.05, mean));
    }

    @Override
    public double[] background(UniformRandomProvider rng, ContinuousSampler gauss, double mjj) {
        double median = medianJetMass(mjj);
        double za = gauss.sample();
        double zb = JET_MASS_RHO * za + Math.sqrt(1 - JET_MASS_RHO * JET_MASS_RHO) * gauss.sample();
        double ceiling = JET_MASS_CEILING * mjj / 3.5;
        double ma = ceiled(median * Math.exp(JET_MASS_LOG_SIGMA * za), ceiling);
        double mb = ceiled(median * Math.exp(JET_MASS_LOG_SIGMA * zb), ceiling);
        double ta = backgroundTau(rng, ma, mjj);
        double tb = backgroundTau(rng, mb, mjj);
        return JetSubstructure.ordered(ma, ta, mb, tb);
    }

    private static double backgroundTau(UniformRandomProvider rng, double m, double mjj) {
        double mean = (backgroundTauMean(m, mjj) - TAU_FLOOR) / (1 - TAU_FLOOR);
        return TAU_FLOOR + (1 - TAU_FLOOR) * JetSubstructure.beta(rng, mean, TAU_CONCENTRATION);
    }

    private static double ceiled(double m, double c) {
        return m / Math.pow(1 + Math.pow(m / c, JET_MASS_CEILING_POWER), 1 / JET_MASS_CEILING_POWER);
    }

    @Override
    public double[] signal(UniformRandomProvider rng, ContinuousSampler gauss, double mjj, DijetModel model) {
        double mX = model.massX();
        double mY = model.massY();
        double mx;
        double tx;
        double u = rng.nextDouble();
        if (u < X_LOST) {
            mx = mX * X_LOST_MEDIAN * Math.exp(X_LOST_LOG_SIGMA * gauss.sample());
            tx = JetSubstructure.beta(rng, DEGRADED_TAU_MEAN, DEGRADED_TAU_CONCENTRATION);
        } else if (u < X_LOST + X_RADIATING) {
            mx = mX * (1 + X_RADIATION_MEAN * -Math.log(1 - rng.nextDouble()));
            tx = JetSubstructure.beta(rng, DEGRADED_TAU_MEAN, DEGRADED_TAU_CONCENTRATION);
        } else {
            double resolution = rng.nextDouble() < X_WIDE ? X_WIDE_RESOLUTION : X_RESOLUTION;
            mx = Math.abs(mX * X_SCALE * (1 + resolution * gauss.sample()));
            do {
                double z = gauss.sample();
                tx = X_TAU_MEDIAN * Math.exp((z < 0 ? X_TAU_LOG_SIGMA_LOW : X_TAU_LOG_SIGMA_HIGH) * z);
            } while (tx >= 1);
        }
        double my;
        double ty;
        if (rng.nextDouble() < Y_RADIATING) {
            my = mY * Y_RADIATING_MEDIAN * Math.exp(Y_RADIATING_LOG_SIGMA * gauss.sample());
            ty = JetSubstructure.beta(rng, DEGRADED_TAU_MEAN, DEGRADED_TAU_CONCENTRATION);
        } else {
            my = Math.abs(mY * Y_SCALE * (1 + Y_RESOLUTION * gauss.sample() + Y_TAIL_MEAN * -Math.log(1 - rng.nextDouble())));
            ty = JetSubstructure.beta(rng, Y_TAU_MEAN, SIGNAL_TAU_CONCENTRATION);
        }
        return JetSubstructure.ordered(mx, tx, my, ty);
    }
}
