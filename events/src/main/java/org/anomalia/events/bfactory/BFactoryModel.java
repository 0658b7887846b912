package org.anomalia.events.bfactory;

import org.anomalia.events.kinematics.BeamFrame;
import org.anomalia.numerics.UserException;

/**
 * Settings of the B-factory generator.
 *
 * @param beams           beam energies (the Υ(4S) is produced at rest in their centre of mass, mass √s)
 * @param events          e⁺e⁻ → Υ(4S) → BB̄ events
 * @param jpsiKRate       fraction of B± decaying to J/ψ(→ μ⁺μ⁻) K± (PDG: 1.02e-3 × 5.96e-2 = 6.1e-5)
 * @param darkPhotonRate  fraction of B± decaying to K± A′(→ μ⁺μ⁻)
 * @param darkPhotonMass  A′ mass, GeV (between 2 m_μ and m_B − m_K)
 * @param detector        acceptance, resolution, particle ID
 * @param mbcMin          candidates kept with M_bc ≥ this (GeV)
 * @param deltaEMax       … and |ΔE| ≤ this (GeV)
 */
public record BFactoryModel(BeamFrame beams, int events, double jpsiKRate, double darkPhotonRate, double darkPhotonMass,
        Detector detector, double mbcMin, double deltaEMax) {

    public static final double PDG_JPSI_K_RATE = 1.02e-3 * 5.961e-2;

    public BFactoryModel {
        if (events < 1) throw new UserException("--events must be at least 1, got " + events);
        if (!(jpsiKRate >= 0 && jpsiKRate <= 1)) throw new UserException("--jpsik-rate must be in [0, 1], got " + jpsiKRate);
        if (!(darkPhotonRate >= 0 && darkPhotonRate <= 1)) throw new UserException("--dark-photon-rate must be in [0, 1], got " + darkPhotonRate);
        if (jpsiKRate + darkPhotonRate > 1) throw new UserException("--jpsik-rate plus --dark-photon-rate exceed 1");
        double lo = 2 * Species.MU.mass(), hi = Species.B_PLUS.mass() - Species.K.mass();
        if (!(darkPhotonMass > lo && darkPhotonMass < hi)) {
            throw new UserException("--dark-photon-mass must lie between 2 m_mu = " + lo + " and m_B - m_K = " + hi + " GeV, got " + darkPhotonMass);
        }
        if (beams.sqrtS() <= 2 * Species.B0.mass()) throw new UserException("--beams: sqrt(s) = " + beams.sqrtS() + " GeV is below the BB threshold");
        if (!(deltaEMax > 0)) throw new UserException("--delta-e-max must be positive, got " + deltaEMax);
    }

    /** Belle II beams and detector, the PDG J/ψK rate, no dark photon, no preselection (as the talk: "reconstruct B without cuts"). */
    public static BFactoryModel defaults(int events) {
        return new BFactoryModel(BeamFrame.BELLE2, events, PDG_JPSI_K_RATE, 0, 1.0, Detector.belle2Like(), 0, 100);
    }

    public BFactoryModel withRates(double jpsiK, double darkPhoton, double darkMass) {
        return new BFactoryModel(beams, events, jpsiK, darkPhoton, darkMass, detector, mbcMin, deltaEMax);
    }

    public BFactoryModel withPreselection(double mbc, double deltaE) {
        return new BFactoryModel(beams, events, jpsiKRate, darkPhotonRate, darkPhotonMass, detector, mbc, deltaE);
    }
}
