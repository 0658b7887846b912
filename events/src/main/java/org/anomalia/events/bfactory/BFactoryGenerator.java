package org.anomalia.events.bfactory;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.kinematics.FourVector;
import org.anomalia.events.kinematics.PhaseSpace;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * e⁺e⁻ → Υ(4S) → BB̄ events with generic B decays from {@link DecayTable}, every decay by
 * {@link PhaseSpace}, the {@link Detector}, and B± → μ⁺μ⁻K± candidates from all combinations of a
 * μ⁺-identified, a μ⁻-identified and a kaon-identified track, kept if M_bc ≥ mbcMin and |ΔE| ≤
 * deltaEMax. Signal B± decays (J/ψK, K A′) are injected at their rates; a candidate is labelled 1
 * when its three tracks are exactly the signal B's μ⁺, μ⁻ and K. Same seed, same events.
 */
public final class BFactoryGenerator {
    /** The candidate table's columns: lab four-momenta (ID masses), the kaon's charge, event number and truth label. */
    public static final List<String> COLUMNS = List.of("event", "mup_px", "mup_py", "mup_pz", "mup_E", "mum_px", "mum_py", "mum_pz", "mum_E",
            "k_px", "k_py", "k_pz", "k_E", "k_charge", "label");
    public static final List<String> PARTICLES = List.of("mup", "mum", "k");

    private static final int ROLE_MU_PLUS = 1, ROLE_MU_MINUS = 2, ROLE_K = 3;

    private final BFactoryModel model;
    private final DecayTable table = DecayTable.generic();
    /** One generator per decay mode, built on first use (parents decay at their nominal mass). */
    private final java.util.Map<DecayTable.Mode, PhaseSpace> modePhaseSpaces = new java.util.IdentityHashMap<>();
    private PhaseSpace jpsiK, kAPrime, jpsiMuMu, aPrimeMuMu;

    /** Counts of one run. */
    public record Counts(long events, long jpsiKDecays, long darkPhotonDecays, long candidates, long signalCandidates) {}

    private Counts counts;

    public BFactoryGenerator(BFactoryModel model) {
        this.model = model;
    }

    public BFactoryModel model() {
        return model;
    }

    public DecayTable decayTable() {
        return table;
    }

    /** The counts of the last {@link #generate} call. */
    public Counts counts() {
        return counts;
    }

    /** A final-state particle with its truth: signal tag = 4·(signal B number) + role, or −1. */
    private record Final(Species species, int flavour, FourVector p, int tag) {}

    public Table generate(long seed) {
        return generate(seed, done -> { });
    }

    /** As {@link #generate(long)}, telling {@code progress} after every tenth of the events. */
    public Table generate(long seed, java.util.function.IntConsumer progress) {
        int tenth = Math.max(1, model.events() / 10);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ContinuousSampler gauss = Detector.gaussian(rng);
        double sqrtS = model.beams().sqrtS();
        FourVector upsilon = model.beams().toLab(new FourVector(0, 0, 0, sqrtS));
        List<double[]> rows = new ArrayList<>();
        long jpsiK = 0, dark = 0, signalCandidates = 0;
        List<Final> finals = new ArrayList<>();
        List<Detector.Track> tracks = new ArrayList<>();
        for (int ev = 0; ev < model.events(); ev++) {
            finals.clear();
            DecayTable.Mode pair = table.draw(Species.UPSILON_4S, rng);
            FourVector[] bs = phaseSpace(sqrtS, pair).decay(upsilon, rng);
            for (int b = 0; b < 2; b++) {
                DecayTable.Daughter bd = pair.daughters().get(b);
                if (bd.species() == Species.B_PLUS) {
                    double u = rng.nextDouble();
                    if (u < model.jpsiKRate()) {
                        signalDecay(Species.J_PSI, bd.flavour(), bs[b], b, rng, finals);
                        jpsiK++;
                        continue;
                    }
                    if (u < model.jpsiKRate() + model.darkPhotonRate()) {
                        signalDecay(Species.A_PRIME, bd.flavour(), bs[b], b, rng, finals);
                        dark++;
                        continue;
                    }
                }
                decay(bd.species(), bd.flavour(), bs[b], -1, rng, finals);
            }
            tracks.clear();
            for (int i = 0; i < finals.size(); i++) {
                Final f = finals.get(i);
                if (!f.species().tracked()) continue;
                Detector.Track t = model.detector().reconstruct(f.species(), f.species().charge(f.flavour()), f.p(), i, rng, gauss);
                if (t != null) tracks.add(t);
            }
            signalCandidates += candidates(ev, tracks, finals, rows);
            if ((ev + 1) % tenth == 0 && ev + 1 < model.events()) progress.accept(ev + 1);
        }
        counts = new Counts(model.events(), jpsiK, dark, rows.size(), signalCandidates);
        return Table.ofRows("generate-bfactory", COLUMNS, rows.toArray(double[][]::new));
    }

    /** B± → R K± with R (J/ψ or A′) → μ⁺μ⁻; the three daughters carry the signal tags of B number b. */
    private void signalDecay(Species resonance, int flavour, FourVector b, int bIndex, UniformRandomProvider rng, List<Final> out) {
        boolean psi = resonance == Species.J_PSI;
        if (jpsiK == null) {
            jpsiK = new PhaseSpace(Species.B_PLUS.mass(), Species.J_PSI.mass(), Species.K.mass());
            jpsiMuMu = new PhaseSpace(Species.J_PSI.mass(), Species.MU.mass(), Species.MU.mass());
            kAPrime = new PhaseSpace(Species.B_PLUS.mass(), model.darkPhotonMass(), Species.K.mass());
            aPrimeMuMu = new PhaseSpace(model.darkPhotonMass(), Species.MU.mass(), Species.MU.mass());
        }
        FourVector[] rk = (psi ? jpsiK : kAPrime).decay(b, rng);
        out.add(new Final(Species.K, flavour, rk[1], 4 * bIndex + ROLE_K));
        FourVector[] mu = (psi ? jpsiMuMu : aPrimeMuMu).decay(rk[0], rng);
        out.add(new Final(Species.MU, -1, mu[0], 4 * bIndex + ROLE_MU_PLUS)); // μ+ is the anti-muon
        out.add(new Final(Species.MU, 1, mu[1], 4 * bIndex + ROLE_MU_MINUS));
    }

    private void decay(Species s, int flavour, FourVector p, int tag, UniformRandomProvider rng, List<Final> out) {
        if (s.stable()) {
            out.add(new Final(s, flavour, p, tag));
            return;
        }
        DecayTable.Mode mode = table.draw(s, rng);
        FourVector[] d = phaseSpace(s.mass(), mode).decay(p, rng);
        for (int i = 0; i < d.length; i++) {
            DecayTable.Daughter dd = mode.daughters().get(i);
            decay(dd.species(), dd.flavour() * flavour, d[i], tag, rng, out);
        }
    }

    /** Phase space of a parent at its nominal mass (the ρ is taken at its pole mass: no width). */
    private PhaseSpace phaseSpace(double parentMass, DecayTable.Mode mode) {
        return modePhaseSpaces.computeIfAbsent(mode, k -> {
            double[] m = new double[mode.daughters().size()];
            for (int i = 0; i < m.length; i++) m[i] = mode.daughters().get(i).species().mass();
            return new PhaseSpace(parentMass, m);
        });
    }

    private int candidates(int ev, List<Detector.Track> tracks, List<Final> finals, List<double[]> rows) {
        int signal = 0;
        double eBeam = model.beams().beamEnergyCm();
        for (Detector.Track a : tracks) {
            if (a.id() != Species.MU || a.charge() != 1) continue;
            for (Detector.Track b : tracks) {
                if (b.id() != Species.MU || b.charge() != -1) continue;
                for (Detector.Track k : tracks) {
                    if (k.id() != Species.K) continue;
                    FourVector cm = model.beams().toCm(a.p().plus(b.p()).plus(k.p()));
                    double m2 = eBeam * eBeam - cm.p2();
                    double mbc = m2 > 0 ? Math.sqrt(m2) : 0;
                    if (mbc < model.mbcMin() || Math.abs(cm.e() - eBeam) > model.deltaEMax()) continue;
                    int ta = finals.get(a.truth()).tag(), tb = finals.get(b.truth()).tag(), tk = finals.get(k.truth()).tag();
                    boolean isSignal = ta >= 0 && ta % 4 == ROLE_MU_PLUS && tb == ta - ROLE_MU_PLUS + ROLE_MU_MINUS && tk == ta - ROLE_MU_PLUS + ROLE_K;
                    if (isSignal) signal++;
                    rows.add(new double[] {ev, a.p().px(), a.p().py(), a.p().pz(), a.p().e(), b.p().px(), b.p().py(), b.p().pz(), b.p().e(),
                            k.p().px(), k.p().py(), k.p().pz(), k.p().e(), k.charge(), isSignal ? 1 : 0});
                }
            }
        }
        return signal;
    }
}
