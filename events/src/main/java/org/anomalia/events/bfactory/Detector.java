package org.anomalia.events.bfactory;

import org.anomalia.events.kinematics.FourVector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A simple Belle II-like tracker with particle identification. A charged particle is a track if
 * its lab polar angle is inside [thetaMin, thetaMax] and pT ≥ ptMin; its pT is smeared by a
 * Gaussian of relative width √((a·pT)² + (b/β)²) (the direction is kept); it is then identified as
 * a muon, a kaon or a pion with the probabilities below (a track failing muon and kaon ID is a pion),
 * and its energy is computed with the mass of that hypothesis, as reconstruction does.
 *
 * @param thetaMinDeg  lower edge of the polar-angle acceptance (Belle II CDC: 17°)
 * @param thetaMaxDeg  upper edge (150°)
 * @param ptMin        smallest transverse momentum reconstructed, GeV
 * @param resolutionA  pT term of σ(pT)/pT, per GeV
 * @param resolutionB  multiple-scattering term of σ(pT)/pT, divided by β
 * @param muonIdMuon   P(μ ID | true μ)
 * @param muonIdPion   P(μ ID | true π or e) — fake muons, the source of combinatorial dimuons
 * @param muonIdKaon   P(μ ID | true K)
 * @param kaonIdKaon   P(K ID | true K, not μ ID)
 * @param kaonIdPion   P(K ID | true π or e, not μ ID)
 */
public record Detector(double thetaMinDeg, double thetaMaxDeg, double ptMin, double resolutionA, double resolutionB,
        double muonIdMuon, double muonIdPion, double muonIdKaon, double kaonIdKaon, double kaonIdPion) {

    /** The defaults documented in events/README.md. */
    public static Detector belle2Like() {
        return new Detector(17, 150, 0.1, 0.0011, 0.0025, 0.90, 0.03, 0.01, 0.85, 0.05);
    }

    /** A reconstructed track: charge, identified species, measured four-momentum (with the ID mass), and the index of the true particle. */
    public record Track(int charge, Species id, FourVector p, int truth) {}

    /** The track a true charged particle leaves, or null if it is outside the acceptance. */
    public Track reconstruct(Species species, int charge, FourVector truth, int index, UniformRandomProvider rng, ContinuousSampler gauss) {
        double pt = truth.pt();
        double cosTheta = truth.pz() / truth.p();
        double theta = Math.toDegrees(Math.acos(cosTheta));
        if (pt < ptMin || theta < thetaMinDeg || theta > thetaMaxDeg) return null;
        double beta = truth.p() / truth.e();
        double sigma = Math.hypot(resolutionA * pt, resolutionB / beta);
        double scale = Math.max(1e-3, 1 + sigma * gauss.sample());
        double u = rng.nextDouble();
        double pMu = species == Species.MU ? muonIdMuon : species == Species.K ? muonIdKaon : muonIdPion;
        Species id;
        if (u < pMu) {
            id = Species.MU;
        } else {
            double pK = species == Species.K ? kaonIdKaon : species == Species.MU ? 0 : kaonIdPion;
            id = rng.nextDouble() < pK ? Species.K : Species.PI;
        }
        FourVector measured = FourVector.ofMass(truth.px() * scale, truth.py() * scale, truth.pz() * scale, id.mass());
        return new Track(charge, id, measured, index);
    }

    static ContinuousSampler gaussian(UniformRandomProvider rng) {
        return ZigguratSampler.NormalizedGaussian.of(rng);
    }
}
