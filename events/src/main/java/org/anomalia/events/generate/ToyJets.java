package org.anomalia.events.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The first toy ({@code --model toy}): independent log-normal QCD jet masses, τ21 ~ Beta(κ 12), a
 * signal of two narrow jets (7 % mass resolution) with τ21 mean 0.30. Its signal sits where QCD is
 * nearly empty, so every method looks far better on it than on the real LHCO events (events/README.md).
 * Draws in the order of the generator before the calibrated model existed: same seed, same events.
 */
final class ToyJets implements JetSubstructure {
    /** Median jet mass as a fraction of mjj at mjj = 3.5 TeV, and how it drifts: ∝ mjj^DRIFT. */
    static final double JET_MASS_FRACTION = 0.042;
    static final double JET_MASS_DRIFT = -0.25;
    /** Spread of log(jet mass) for QCD jets. */
    static final double JET_MASS_LOG_SIGMA = 0.65;
    /** Relative resolution on the signal jet masses. */
    static final double JET_MASS_RESOLUTION = 0.07;
    /** Beta-distribution concentration a + b for τ21. */
    static final double TAU_CONCENTRATION = 12.0;
    /** Mean τ21 of a two-prong signal jet. */
    static final double SIGNAL_TAU_MEAN = 0.30;

    /** Median QCD jet mass at a given mjj. */
    static double medianJetMass(double mjj) {
        return mjj * JET_MASS_FRACTION * Math.pow(mjj / 3.5, JET_MASS_DRIFT);
    }

    /** Mean τ21 of a QCD jet: near 0.7, lower for jets heavy relative to mjj, drifting with mjj. */
    static double backgroundTauMean(double jetMass, double mjj) {
        double m = 0.62 - 3.0 * (jetMass / mjj - JET_MASS_FRACTION) + 0.02 * (mjj - 3.5);
        return Math.min(0.9, Math.max(0.3, m));
    }

    @Override
    public double[] background(UniformRandomProvider rng, ContinuousSampler gauss, double mjj) {
        double median = medianJetMass(mjj);
        double ma = median * Math.exp(JET_MASS_LOG_SIGMA * gauss.sample());
        double mb = median * Math.exp(JET_MASS_LOG_SIGMA * gauss.sample());
        double light = Math.min(ma, mb);
        double heavy = Math.max(ma, mb);
        double tauLight = JetSubstructure.beta(rng, backgroundTauMean(light, mjj), TAU_CONCENTRATION);
        double tauHeavy = JetSubstructure.beta(rng, backgroundTauMean(heavy, mjj), TAU_CONCENTRATION);
        return new double[] {light, heavy - light, tauLight, tauHeavy};
    }

    @Override
    public double[] signal(UniformRandomProvider rng, ContinuousSampler gauss, double mjj, DijetModel model) {
        double my = Math.abs(model.massY() * (1 + JET_MASS_RESOLUTION * gauss.sample()));
        double mx = Math.abs(model.massX() * (1 + JET_MASS_RESOLUTION * gauss.sample()));
        double light = Math.min(mx, my);
        double heavy = Math.max(mx, my);
        double tauLight = JetSubstructure.beta(rng, SIGNAL_TAU_MEAN, TAU_CONCENTRATION);
        double tauHeavy = JetSubstructure.beta(rng, SIGNAL_TAU_MEAN, TAU_CONCENTRATION);
        return new double[] {light, heavy - light, tauLight, tauHeavy};
    }
}
