package org.anomalia.events.kinematics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

/** Kinematics against values worked out by hand (in the comments). */
class DerivedFeaturesTest {
    private static final double EPS = 1e-12;

    @Test
    void boostOfAParticleAtRest() {
        // m = 2 at rest, boosted by β = 0.6: γ = 1.25, p = γβm = 1.5, E = γm = 2.5.
        FourVector v = new FourVector(0, 0, 0, 2).boost(0, 0, 0.6);
        assertEquals(1.5, v.pz(), EPS);
        assertEquals(2.5, v.e(), EPS);
        assertEquals(2.0, v.mass(), EPS);
        // Back to the rest frame of itself.
        FourVector back = v.inRestFrameOf(v);
        assertEquals(0, back.p(), 1e-12);
        assertEquals(2.0, back.e(), EPS);
    }

    @Test
    void belle2BeamFrame() {
        // 7 GeV e- on 4 GeV e+: p = 3, E = 11, √s = √(121 − 9) = √112 = 10.5830, βγ = 3/√112 = 0.28347.
        BeamFrame f = BeamFrame.BELLE2;
        assertEquals(Math.sqrt(112), f.sqrtS(), EPS);
        assertEquals(3 / Math.sqrt(112), f.betaGamma(), EPS);
        assertEquals(Math.sqrt(28), f.beamEnergyCm(), EPS);
        // The e+e- system at rest in the CM is (0, 0, 3, 11) in the lab.
        FourVector lab = f.toLab(new FourVector(0, 0, 0, Math.sqrt(112)));
        assertEquals(3, lab.pz(), 1e-12);
        assertEquals(11, lab.e(), 1e-12);
        // The e- beam (7 GeV along +z) has E* = √28 in the CM.
        assertEquals(Math.sqrt(28), f.toCm(new FourVector(0, 0, 7, 7)).e(), 1e-12);
    }

    @Test
    void ptEtaPhiM() {
        // pt 3, η = asinh(4/3) so pz = 3·4/3 = 4, φ = π/2 so py = 3; m = 0 → E = 5.
        FourVector v = FourVector.fromPtEtaPhiM(3, asinh(4.0 / 3), Math.PI / 2, 0);
        assertEquals(0, v.px(), 1e-12);
        assertEquals(3, v.py(), 1e-12);
        assertEquals(4, v.pz(), 1e-12);
        assertEquals(5, v.e(), 1e-12);
    }

    @Test
    void pairMassesAndOpeningAngles() {
        // a = (0, 0, 3, 5): m 4; b = (0, 4, 0, 5): m 3; a + b = (0, 4, 3, 10): m² = 100 − 25 = 75; a ⟂ b.
        // c = (0, 0, −3, 5): a + c = (0, 0, 0, 10): m = 10, cos(a, c) = −1; a + b + c = (0, 4, 0, 15): m² = 225 − 16 = 209.
        Table t = table(List.of("a", "b", "c"), List.of(
                new FourVector(0, 0, 3, 5), new FourVector(0, 4, 0, 5), new FourVector(0, 0, -3, 5)));
        Table d = features(t, List.of("a", "b", "c"), new DerivedFeatures.Options(null, false));
        assertEquals(Math.sqrt(75), d.column("m_a_b")[0], EPS);
        assertEquals(10, d.column("m_a_c")[0], EPS);
        assertEquals(Math.sqrt(75), d.column("m_b_c")[0], EPS);
        assertEquals(Math.sqrt(209), d.column("m_a_b_c")[0], EPS);
        assertEquals(0, d.column("cos_a_b")[0], EPS);
        assertEquals(-1, d.column("cos_a_c")[0], EPS);
        assertEquals(List.of("a_px", "a_py", "a_pz", "a_E", "b_px", "b_py", "b_pz", "b_E", "c_px", "c_py", "c_pz", "c_E",
                "m_a_b", "m_a_c", "m_b_c", "m_a_b_c", "cos_a_b", "cos_a_c", "cos_b_c", "cos_hel_a_b", "cos_hel_a_c", "cos_hel_b_c"), d.names());
    }

    @Test
    void helicityOfATwoBodyDecayInFlight() {
        // R (m 3) flies along +z with p 4, E 5 (β = 0.8). In its rest frame a massless a goes at cos θ = 0.6
        // from +z with |p*| = 1.5: a* = 1.5·(0.8, 0, 0.6, 1), b* = −a* in space. Expected cos_hel_a_b = 0.6, cos_hel of b = −0.6.
        FourVector aStar = new FourVector(1.2, 0, 0.9, 1.5);
        FourVector bStar = new FourVector(-1.2, 0, -0.9, 1.5);
        FourVector a = aStar.boost(0, 0, 0.8);
        FourVector b = bStar.boost(0, 0, 0.8);
        assertEquals(5, a.plus(b).e(), 1e-12);
        assertEquals(4, a.plus(b).pz(), 1e-12);
        Table d = features(table(List.of("a", "b"), List.of(a, b)), List.of("a", "b"), new DerivedFeatures.Options(null, false));
        assertEquals(0.6, d.column("cos_hel_a_b")[0], 1e-12);
        assertEquals(-0.6, DerivedFeatures.helicityCosine(b, a, new FourVector(0, 0, 0, 1)), 1e-12);
    }

    @Test
    void helicityInsideAThreeBodyParentAndBCandidateVariables() {
        // In the CM a B candidate flies with p* = (0.2, 0.1, 0.1); in the B frame J/ψ (m 3.0969) goes along +x
        // and K along −x; in the J/ψ frame μ+ goes at cos θ = −0.28 from the J/ψ's flight direction (+x).
        double mB = 5.2793;
        double mPsi = 3.0969;
        double mK = 0.493677;
        double mMu = 0.1056584;
        double q = Math.sqrt((mB * mB - (mPsi + mK) * (mPsi + mK)) * (mB * mB - (mPsi - mK) * (mPsi - mK))) / (2 * mB);
        double qMu = Math.sqrt(mPsi * mPsi / 4 - mMu * mMu);
        double cos = -0.28;
        double sin = Math.sqrt(1 - cos * cos);
        FourVector muP = FourVector.ofMass(qMu * cos, qMu * sin, 0, mMu);
        FourVector muM = FourVector.ofMass(-qMu * cos, -qMu * sin, 0, mMu);
        double bPsi = q / Math.sqrt(q * q + mPsi * mPsi); // J/ψ velocity in the B frame
        muP = muP.boost(bPsi, 0, 0);
        muM = muM.boost(bPsi, 0, 0);
        FourVector k = FourVector.ofMass(-q, 0, 0, mK);
        FourVector bCm = FourVector.ofMass(0.2, 0.1, 0.1, mB);
        double bx = bCm.px() / bCm.e(), by = bCm.py() / bCm.e(), bz = bCm.pz() / bCm.e();
        BeamFrame f = BeamFrame.BELLE2;
        List<FourVector> lab = new ArrayList<>();
        for (FourVector v : List.of(muP, muM, k)) lab.add(f.toLab(v.boost(bx, by, bz)));
        Table d = features(table(List.of("mup", "mum", "k"), lab), List.of("mup", "mum", "k"), new DerivedFeatures.Options(f, true));
        assertEquals(mPsi, d.column("m_mup_mum")[0], 1e-9);
        assertEquals(mB, d.column("m_mup_mum_k")[0], 1e-9);
        assertEquals(cos, d.column("cos_hel_mup_mum")[0], 1e-9);
        // M_bc = √(E*² − |p*|²) = √(28 − 0.06); ΔE = √(m_B² + 0.06) − √28.
        assertEquals(Math.sqrt(28 - 0.06), d.column("mbc")[0], 1e-9);
        assertEquals(Math.sqrt(mB * mB + 0.06) - Math.sqrt(28), d.column("delta_e")[0], 1e-9);
        // CM four-vector of the kaon: its B-frame momentum boosted by the B's CM velocity.
        assertEquals(k.boost(bx, by, bz).px(), d.column("k_px_cm")[0], 1e-9);
        assertTrue(d.column("mbc")[0] < Math.sqrt(28));
    }

    @Test
    void badMomentaAreUserErrors() {
        Table spacelike = table(List.of("a"), List.of(new FourVector(0, 3, 4, 4.9)));
        UserException e = assertThrows(UserException.class, () -> ParticleMomenta.read(spacelike, List.of("a"), MomentumColumns.CARTESIAN));
        assertTrue(e.getMessage().contains("row 0") && e.getMessage().contains("'a'") && e.getMessage().contains("below |p|"), e.getMessage());
        // Massless within float rounding is fine.
        ParticleMomenta.read(table(List.of("a"), List.of(new FourVector(0, 3, 4, 4.99999999))), List.of("a"), MomentumColumns.CARTESIAN);
        Table nan = table(List.of("a"), List.of(new FourVector(Double.NaN, 3, 4, 6)));
        e = assertThrows(UserException.class, () -> ParticleMomenta.read(nan, List.of("a"), MomentumColumns.CARTESIAN));
        assertTrue(e.getMessage().contains("a_px") && e.getMessage().contains("finite"), e.getMessage());
        e = assertThrows(UserException.class, () -> ParticleMomenta.read(nan, List.of("b"), MomentumColumns.CARTESIAN));
        assertTrue(e.getMessage().contains("b_px") && e.getMessage().contains("available columns"), e.getMessage());
        assertThrows(UserException.class, () -> new DerivedFeatures.Options(null, true));
    }

    private static Table features(Table t, List<String> particles, DerivedFeatures.Options o) {
        return DerivedFeatures.append(t, ParticleMomenta.read(t, particles, MomentumColumns.CARTESIAN), o);
    }

    static Table table(List<String> particles, List<FourVector> v) {
        List<String> names = new ArrayList<>();
        double[][] cols = new double[4 * particles.size()][1];
        for (int i = 0; i < particles.size(); i++) {
            names.addAll(MomentumColumns.CARTESIAN.columns(particles.get(i)));
            cols[4 * i][0] = v.get(i).px();
            cols[4 * i + 1][0] = v.get(i).py();
            cols[4 * i + 2][0] = v.get(i).pz();
            cols[4 * i + 3][0] = v.get(i).e();
        }
        return new Table("test.csv", names, cols);
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
