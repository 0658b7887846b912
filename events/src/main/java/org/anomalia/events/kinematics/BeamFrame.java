package org.anomalia.events.kinematics;

import org.anomalia.numerics.UserException;

/**
 * The centre-of-mass frame of colliding e⁻ and e⁺ beams, head on along z (e⁻ along +z, as the
 * high-energy ring of Belle II): the boost β = (E⁻ − E⁺)/(E⁻ + E⁺) along z, and the beam energy in
 * that frame E*_beam = √s / 2 = √(E⁻E⁺) (electron mass neglected). Belle II's 83 mrad crossing
 * angle is not modelled: with it the boost gains an x component of about 0.04 · β.
 *
 * @param electronEnergy lab energy of the e⁻ beam, GeV
 * @param positronEnergy lab energy of the e⁺ beam, GeV
 */
public record BeamFrame(double electronEnergy, double positronEnergy) {
    /** SuperKEKB for Belle II: 7 GeV e⁻ on 4 GeV e⁺, √s = 10.583 GeV, βγ = 0.2835. */
    public static final BeamFrame BELLE2 = new BeamFrame(7.0, 4.0);

    public BeamFrame {
        if (!(electronEnergy > 0 && positronEnergy > 0 && Double.isFinite(electronEnergy) && Double.isFinite(positronEnergy))) {
            throw new UserException("beam energies must be positive and finite, got " + electronEnergy + ", " + positronEnergy);
        }
    }

    /** The e⁺e⁻ system's velocity in the lab (along z). */
    public double betaZ() {
        return (electronEnergy - positronEnergy) / (electronEnergy + positronEnergy);
    }

    public double sqrtS() {
        return 2 * Math.sqrt(electronEnergy * positronEnergy);
    }

    /** E*_beam = √s / 2. */
    public double beamEnergyCm() {
        return Math.sqrt(electronEnergy * positronEnergy);
    }

    /** βγ of the boost (0.2835 for Belle II). */
    public double betaGamma() {
        double b = betaZ();
        return b / Math.sqrt(1 - b * b);
    }

    public FourVector toCm(FourVector lab) {
        return lab.boost(0, 0, -betaZ());
    }

    public FourVector toLab(FourVector cm) {
        return cm.boost(0, 0, betaZ());
    }
}
