package org.anomalia.events.generate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * The jet features of one event given its mjj: {mj1, delta_mj, tau21_j1, tau21_j2} (lighter jet
 * first). Every draw comes from the generator's one stream, so the same seed gives the same events.
 */
interface JetSubstructure {
    double[] background(UniformRandomProvider rng, ContinuousSampler gauss, double mjj);

    double[] signal(UniformRandomProvider rng, ContinuousSampler gauss, double mjj, DijetModel model);

    /** The two jets ordered by mass: {lighter mass, heavier − lighter, τ21 of the lighter, τ21 of the heavier}. */
    static double[] ordered(double massA, double tauA, double massB, double tauB) {
        return massA <= massB ? new double[] {massA, massB - massA, tauA, tauB} : new double[] {massB, massA - massB, tauB, tauA};
    }

    /** Beta(mean κ, (1 − mean) κ) as the ratio of two gamma draws. */
    static double beta(UniformRandomProvider rng, double mean, double concentration) {
        double a = AhrensDieterMarsagliaTsangGammaSampler.of(rng, mean * concentration, 1.0).sample();
        double b = AhrensDieterMarsagliaTsangGammaSampler.of(rng, (1 - mean) * concentration, 1.0).sample();
        return a / (a + b);
    }
}
