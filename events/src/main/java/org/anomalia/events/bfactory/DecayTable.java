package org.anomalia.events.bfactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The generic decays of the B-factory generator: a handful of the largest exclusive modes with
 * PDG 2024 branching fractions, for the particle (flavour +1); the antiparticle decays to the
 * charge conjugates. Only modes with charged pions, kaons and leptons are listed (no K⁰, η, ω…).
 * The semileptonic fractions are kept at their PDG values; the listed hadronic fractions of B and
 * D mesons are scaled by one common factor per parent so that the table sums to 1 — they stand
 * for the many unlisted hadronic modes (see {@link #hadronicScale}).
 */
public final class DecayTable {
    /** A daughter: species and flavour relative to the parent's (−1 = conjugate). */
    public record Daughter(Species species, int flavour) {}

    /** One decay mode with its (scaled) branching fraction and whether it is semileptonic. */
    public record Mode(String name, double pdgFraction, boolean semileptonic, List<Daughter> daughters) {}

    private final Map<Species, List<Mode>> modes = new EnumMap<>(Species.class);
    private final Map<Species, double[]> cumulative = new EnumMap<>(Species.class);
    private final Map<Species, Double> hadronicScale = new EnumMap<>(Species.class);

    private DecayTable() {}

    private static Daughter d(Species s, int f) {
        return new Daughter(s, f);
    }

    /** The documented table (events/README.md). */
    public static DecayTable generic() {
        DecayTable t = new DecayTable();
        Species D0 = Species.D0, DP = Species.D_PLUS, DS0 = Species.D_STAR0, DSP = Species.D_STAR_PLUS, PI = Species.PI;
        Species RHO = Species.RHO_PLUS, E = Species.E, MU = Species.MU, NU = Species.NU, K = Species.K, PI0 = Species.PI0;
        // B+ = u b̄ → D̄(*)0 X+.
        t.add(Species.B_PLUS, "D0bar pi+", 4.61e-3, false, d(D0, -1), d(PI, 1));
        t.add(Species.B_PLUS, "D0bar rho+", 1.34e-2, false, d(D0, -1), d(RHO, 1));
        t.add(Species.B_PLUS, "D*0bar pi+", 4.90e-3, false, d(DS0, -1), d(PI, 1));
        t.add(Species.B_PLUS, "D*0bar rho+", 9.8e-3, false, d(DS0, -1), d(RHO, 1));
        t.add(Species.B_PLUS, "D0bar pi+ pi+ pi-", 5.6e-3, false, d(D0, -1), d(PI, 1), d(PI, 1), d(PI, -1));
        t.add(Species.B_PLUS, "D0bar e+ nu", 2.30e-2, true, d(D0, -1), d(E, -1), d(NU, -1));
        t.add(Species.B_PLUS, "D0bar mu+ nu", 2.30e-2, true, d(D0, -1), d(MU, -1), d(NU, -1));
        t.add(Species.B_PLUS, "D*0bar e+ nu", 5.58e-2, true, d(DS0, -1), d(E, -1), d(NU, -1));
        t.add(Species.B_PLUS, "D*0bar mu+ nu", 5.58e-2, true, d(DS0, -1), d(MU, -1), d(NU, -1));
        // B0 = d b̄ → D(*)− X+ (no mixing).
        t.add(Species.B0, "D- pi+", 2.51e-3, false, d(DP, -1), d(PI, 1));
        t.add(Species.B0, "D*- pi+", 2.66e-3, false, d(DSP, -1), d(PI, 1));
        t.add(Species.B0, "D- rho+", 7.6e-3, false, d(DP, -1), d(RHO, 1));
        t.add(Species.B0, "D*- rho+", 6.8e-3, false, d(DSP, -1), d(RHO, 1));
        t.add(Species.B0, "D*- pi+ pi+ pi-", 7.2e-3, false, d(DSP, -1), d(PI, 1), d(PI, 1), d(PI, -1));
        t.add(Species.B0, "D- e+ nu", 2.31e-2, true, d(DP, -1), d(E, -1), d(NU, -1));
        t.add(Species.B0, "D- mu+ nu", 2.31e-2, true, d(DP, -1), d(MU, -1), d(NU, -1));
        t.add(Species.B0, "D*- e+ nu", 5.05e-2, true, d(DSP, -1), d(E, -1), d(NU, -1));
        t.add(Species.B0, "D*- mu+ nu", 5.05e-2, true, d(DSP, -1), d(MU, -1), d(NU, -1));
        // D0 = c ū.
        t.add(D0, "K- pi+", 3.947e-2, false, d(K, -1), d(PI, 1));
        t.add(D0, "K- pi+ pi0", 1.44e-1, false, d(K, -1), d(PI, 1), d(PI0, 1));
        t.add(D0, "K- pi+ pi+ pi-", 8.22e-2, false, d(K, -1), d(PI, 1), d(PI, 1), d(PI, -1));
        t.add(D0, "K- e+ nu", 3.549e-2, true, d(K, -1), d(E, -1), d(NU, 1));
        t.add(D0, "K- mu+ nu", 3.41e-2, true, d(K, -1), d(MU, -1), d(NU, 1));
        // D+ = c d̄.
        t.add(DP, "K- pi+ pi+", 9.38e-2, false, d(K, -1), d(PI, 1), d(PI, 1));
        t.add(DP, "K- pi+ pi+ pi0", 6.25e-2, false, d(K, -1), d(PI, 1), d(PI, 1), d(PI0, 1));
        // D*, ρ: the listed modes are (nearly) all; normalised to 1.
        t.add(DS0, "D0 pi0", 0.647, false, d(D0, 1), d(PI0, 1));
        t.add(DS0, "D0 gamma", 0.353, false, d(D0, 1), d(Species.GAMMA, 1));
        t.add(DSP, "D0 pi+", 0.677, false, d(D0, 1), d(PI, 1));
        t.add(DSP, "D+ pi0", 0.307, false, d(DP, 1), d(PI0, 1));
        t.add(DSP, "D+ gamma", 0.016, false, d(DP, 1), d(Species.GAMMA, 1));
        t.add(RHO, "pi+ pi0", 1.0, false, d(PI, 1), d(PI0, 1));
        t.add(Species.J_PSI, "mu+ mu-", 1.0, false, d(MU, -1), d(MU, 1));
        t.add(Species.A_PRIME, "mu+ mu-", 1.0, false, d(MU, -1), d(MU, 1));
        t.add(Species.UPSILON_4S, "B+ B-", 0.514, false, d(Species.B_PLUS, 1), d(Species.B_PLUS, -1));
        t.add(Species.UPSILON_4S, "B0 B0bar", 0.486, false, d(Species.B0, 1), d(Species.B0, -1));
        t.normalise();
        return t;
    }

    private void add(Species parent, String name, double fraction, boolean semileptonic, Daughter... daughters) {
        modes.computeIfAbsent(parent, k -> new ArrayList<>()).add(new Mode(name, fraction, semileptonic, List.of(daughters)));
    }

    /** Semileptonic fractions stay; hadronic ones of B and D are scaled so that each parent's modes sum to 1. */
    private void normalise() {
        for (var e : modes.entrySet()) {
            double sl = 0, had = 0;
            for (Mode m : e.getValue()) {
                if (m.semileptonic) sl += m.pdgFraction;
                else had += m.pdgFraction;
            }
            double scale = (1 - sl) / had;
            hadronicScale.put(e.getKey(), scale);
            double[] c = new double[e.getValue().size()];
            double acc = 0;
            for (int i = 0; i < c.length; i++) {
                Mode m = e.getValue().get(i);
                acc += m.semileptonic ? m.pdgFraction : m.pdgFraction * scale;
                c[i] = acc;
            }
            c[c.length - 1] = 1.0;
            cumulative.put(e.getKey(), c);
        }
    }

    /** The modes of a parent, as listed (PDG fractions, unscaled). */
    public List<Mode> modes(Species parent) {
        return modes.getOrDefault(parent, List.of());
    }

    /** The factor applied to the parent's hadronic fractions (1 when they already fill the table). */
    public double hadronicScale(Species parent) {
        return hadronicScale.get(parent);
    }

    /** The fraction the generator uses for mode i of the parent. */
    public double usedFraction(Species parent, int i) {
        double[] c = cumulative.get(parent);
        return i == 0 ? c[0] : c[i] - c[i - 1];
    }

    /** A mode drawn with the used fractions. */
    public Mode draw(Species parent, UniformRandomProvider rng) {
        double[] c = cumulative.get(parent);
        if (c == null) throw new IllegalStateException("no decays for " + parent);
        double u = rng.nextDouble();
        for (int i = 0; i < c.length; i++) {
            if (u < c[i]) return modes.get(parent).get(i);
        }
        return modes.get(parent).get(c.length - 1);
    }
}
