package org.anomalia.events.bfactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.kinematics.BeamFrame;
import org.anomalia.events.kinematics.DerivedFeatures;
import org.anomalia.events.kinematics.MomentumColumns;
import org.anomalia.events.kinematics.ParticleMomenta;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

class BFactoryGeneratorTest {

    @Test
    void decayTableKeepsSemileptonicFractionsAndSumsToOne() {
        DecayTable t = DecayTable.generic();
        for (Species s : List.of(Species.B_PLUS, Species.B0, Species.D0, Species.D_PLUS, Species.D_STAR0, Species.D_STAR_PLUS, Species.UPSILON_4S)) {
            double sum = 0;
            List<DecayTable.Mode> modes = t.modes(s);
            for (int i = 0; i < modes.size(); i++) {
                double used = t.usedFraction(s, i);
                sum += used;
                if (modes.get(i).semileptonic()) assertEquals(modes.get(i).pdgFraction(), used, 1e-12, s + " " + modes.get(i).name());
                int charge = 0;
                for (DecayTable.Daughter d : modes.get(i).daughters()) charge += d.species().charge(d.flavour());
                assertEquals(s.charge(1), charge, s + " → " + modes.get(i).name() + " conserves charge");
            }
            assertEquals(1.0, sum, 1e-12, s.toString());
        }
        // B+: semileptonic 2 × (2.30 + 5.58) % = 15.76 %; the 3.831 % of listed hadronic modes scaled to 84.24 %.
        assertEquals((1 - 0.1576) / 0.03831, t.hadronicScale(Species.B_PLUS), 1e-9);
    }

    @Test
    void sameSeedSameEventsAndSignalWhereItShouldBe() {
        BFactoryModel m = BFactoryModel.defaults(4000).withRates(0.05, 0, 1.0);
        BFactoryGenerator g = new BFactoryGenerator(m);
        Table a = g.generate(7);
        BFactoryGenerator.Counts counts = g.counts();
        Table b = new BFactoryGenerator(m).generate(7);
        assertEquals(a.rows(), b.rows());
        for (String c : a.names()) assertArrayEquals(a.column(c), b.column(c), c);
        // ≈ 4000 × 0.514 × 2 × 0.05 ≈ 206 J/ψK decays; most give a candidate (acceptance, μ ID 0.9², K ID 0.85).
        assertTrue(counts.jpsiKDecays() > 150 && counts.jpsiKDecays() < 270, "J/psi K decays " + counts.jpsiKDecays());
        assertTrue(counts.signalCandidates() > 0.3 * counts.jpsiKDecays() && counts.signalCandidates() < 0.8 * counts.jpsiKDecays(),
                counts.signalCandidates() + " signal candidates of " + counts.jpsiKDecays());
        Table f = DerivedFeatures.append(a, ParticleMomenta.read(a, BFactoryGenerator.PARTICLES, MomentumColumns.CARTESIAN),
                new DerivedFeatures.Options(BeamFrame.BELLE2, true));
        double[] label = f.column("label"), mumu = f.column("m_mup_mum"), b3 = f.column("m_mup_mum_k"), mbc = f.column("mbc"), de = f.column("delta_e");
        double sumMumu = 0, sumB = 0, sumMbc = 0, sumDe = 0;
        int n = 0;
        for (int i = 0; i < label.length; i++) {
            assertTrue(mbc[i] >= m.mbcMin() && Math.abs(de[i]) <= m.deltaEMax(), "preselection");
            if (label[i] != 1) continue;
            n++;
            sumMumu += mumu[i];
            sumB += b3[i];
            sumMbc += mbc[i];
            sumDe += de[i];
        }
        assertEquals(counts.signalCandidates(), n);
        // Signal peaks at the J/ψ and B± masses, M_bc at √(E*² − p*²) with p*_B ≈ 0.33 GeV, ΔE at the B mass minus E*_beam.
        assertEquals(3.0969, sumMumu / n, 0.005);
        assertEquals(5.27934, sumB / n, 0.005);
        double pStar = org.anomalia.events.kinematics.PhaseSpace.breakupMomentum(Math.sqrt(112), 5.27934, 5.27934);
        assertEquals(Math.sqrt(28 - pStar * pStar), sumMbc / n, 0.003);
        assertEquals(Math.sqrt(5.27934 * 5.27934 + pStar * pStar) - Math.sqrt(28), sumDe / n, 0.005);
        assertTrue(a.rows() > 2 * n, "combinatorial background exists: " + a.rows() + " candidates, " + n + " signal");
    }

    @Test
    void darkPhotonPeaksAtItsMass() {
        BFactoryGenerator g = new BFactoryGenerator(BFactoryModel.defaults(3000).withRates(0, 0.05, 1.7));
        Table a = g.generate(3);
        Table f = DerivedFeatures.append(a, ParticleMomenta.read(a, BFactoryGenerator.PARTICLES, MomentumColumns.CARTESIAN),
                new DerivedFeatures.Options(BeamFrame.BELLE2, true));
        double[] label = f.column("label"), mumu = f.column("m_mup_mum");
        double s = 0, s2 = 0;
        int n = 0;
        for (int i = 0; i < label.length; i++) {
            if (label[i] == 1) {
                n++;
                s += mumu[i];
                s2 += mumu[i] * mumu[i];
            }
        }
        assertTrue(n > 50, "signal candidates " + n);
        double mean = s / n, sd = Math.sqrt(s2 / n - mean * mean);
        assertEquals(1.7, mean, 0.003);
        assertTrue(sd > 0.001 && sd < 0.02, "dimuon mass resolution " + sd);
        assertEquals(0, g.counts().jpsiKDecays());
    }

    @Test
    void badSettingsAreUserErrors() {
        assertThrows(UserException.class, () -> BFactoryModel.defaults(10).withRates(0, 0.1, 0.1));
        assertThrows(UserException.class, () -> BFactoryModel.defaults(10).withRates(-0.1, 0, 1));
        assertThrows(UserException.class, () -> BFactoryModel.defaults(10).withRates(0.6, 0.6, 1));
        assertThrows(UserException.class, () -> BFactoryModel.defaults(0));
    }
}
