package org.anomalia.events.kinematics;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;

/**
 * Columns computed from the particles' four-momenta, row by row, in one frame (the lab, or the
 * e⁺e⁻ centre of mass when a {@link BeamFrame} is given):
 * <ul>
 *   <li>{@code m_a_b}, {@code m_a_b_c}: every 2- and 3-body invariant mass (frame independent);</li>
 *   <li>{@code cos_a_b}: cosine of the opening angle between a and b in the frame;</li>
 *   <li>{@code cos_hel_a_b}: helicity angle of the two-body system (ab) → a b: the cosine of the
 *       angle between a in the (ab) rest frame and the flight direction of (ab) in its parent's
 *       rest frame — the parent being all particles together when there are three or more, else the frame;</li>
 *   <li>with a beam frame: the particles' CM four-momenta {@code a_px_cm, a_py_cm, a_pz_cm, a_E_cm};</li>
 *   <li>for a B candidate (all particles together, CM frame): {@code mbc} = √(E*²_beam − |p*_B|²)
 *       (0 where p* exceeds E*_beam) and {@code delta_e} = E*_B − E*_beam.</li>
 * </ul>
 */
public final class DerivedFeatures {
    private DerivedFeatures() {}

    /** What to add. {@code frame} may be null (lab frame; then no B-candidate variables). */
    public record Options(BeamFrame frame, boolean bCandidate) {
        public Options {
            if (bCandidate && frame == null) {
                throw new UserException("--b-candidate needs the centre-of-mass frame: give the beam energies (--cm-beams E_MINUS,E_PLUS, e.g. 7,4 for Belle II)");
            }
        }
    }

    /** The names of the columns {@link #compute} adds, in order. */
    public static List<String> names(List<String> particles, Options o) {
        List<String> n = new ArrayList<>();
        int k = particles.size();
        if (o.frame() != null) {
            for (String p : particles) for (String s : List.of("px", "py", "pz", "E")) n.add(p + "_" + s + "_cm");
        }
        for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) n.add("m_" + particles.get(i) + "_" + particles.get(j));
        for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) for (int l = j + 1; l < k; l++) {
            n.add("m_" + particles.get(i) + "_" + particles.get(j) + "_" + particles.get(l));
        }
        for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) n.add("cos_" + particles.get(i) + "_" + particles.get(j));
        for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) n.add("cos_hel_" + particles.get(i) + "_" + particles.get(j));
        if (o.bCandidate()) {
            n.add("mbc");
            n.add("delta_e");
        }
        return n;
    }

    /** The table with the derived columns appended; a user error if one of them already exists. */
    public static Table append(Table table, ParticleMomenta lab, Options o) {
        List<String> names = names(lab.particles(), o);
        for (String n : names) {
            if (table.has(n)) throw new UserException(table.source() + ": already has a column '" + n + "' (remove it, or rename the particles)");
        }
        double[][] cols = compute(lab, o);
        Table out = table;
        for (int c = 0; c < names.size(); c++) out = out.withColumn(names.get(c), cols[c]);
        return out;
    }

    /** Column-major values of {@link #names}. */
    public static double[][] compute(ParticleMomenta lab, Options o) {
        ParticleMomenta v = o.frame() == null ? lab : lab.transformed(o.frame()::toCm);
        int k = v.particles().size();
        int rows = v.rows();
        double[][] cols = new double[names(v.particles(), o).size()][rows];
        FourVector[] p = new FourVector[k];
        for (int r = 0; r < rows; r++) {
            FourVector total = new FourVector(0, 0, 0, 0);
            for (int i = 0; i < k; i++) {
                p[i] = v.get(i, r);
                total = total.plus(p[i]);
            }
            int c = 0;
            if (o.frame() != null) {
                for (int i = 0; i < k; i++) {
                    cols[c++][r] = p[i].px();
                    cols[c++][r] = p[i].py();
                    cols[c++][r] = p[i].pz();
                    cols[c++][r] = p[i].e();
                }
            }
            for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) cols[c++][r] = p[i].plus(p[j]).mass();
            for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) for (int l = j + 1; l < k; l++) {
                cols[c++][r] = p[i].plus(p[j]).plus(p[l]).mass();
            }
            for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) cols[c++][r] = p[i].cosAngle(p[j]);
            FourVector parent = k >= 3 ? total : new FourVector(0, 0, 0, 1);
            for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) cols[c++][r] = helicityCosine(p[i], p[j], parent);
            if (o.bCandidate()) {
                double eBeam = o.frame().beamEnergyCm();
                double m2 = eBeam * eBeam - total.p2();
                cols[c++][r] = m2 > 0 ? Math.sqrt(m2) : 0.0;
                cols[c++][r] = total.e() - eBeam;
            }
        }
        return cols;
    }

    /**
     * cos θ of a in the rest frame of (a + b), measured from the direction of flight of (a + b) in
     * the rest frame of {@code parent} (which in the (a + b) frame points opposite to the parent).
     * 0 when (a + b) is at rest in the parent frame (no direction to measure from) or not time-like.
     */
    public static double helicityCosine(FourVector a, FourVector b, FourVector parent) {
        FourVector r = a.plus(b);
        if (!(r.m2() > 0)) return 0.0;
        FourVector aStar = a.inRestFrameOf(r);
        FourVector parentStar = parent.inRestFrameOf(r);
        FourVector flight = new FourVector(-parentStar.px(), -parentStar.py(), -parentStar.pz(), parentStar.e());
        return aStar.cosAngle(flight);
    }
}
