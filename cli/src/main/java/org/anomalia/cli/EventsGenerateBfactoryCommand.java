package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.bfactory.BFactoryGenerator;
import org.anomalia.events.bfactory.BFactoryModel;
import org.anomalia.events.kinematics.BeamFrame;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events generate-bfactory}: B± → μ⁺μ⁻K± candidates from toy e⁺e⁻ → Υ(4S) → BB̄ events. */
@Command(name = "generate-bfactory", mixinStandardHelpOptions = true, sortOptions = false,
        header = "B-factory events (Y(4S) -> BB) with J/psi K and dark-photon signals.",
        description = {"e+e- -> Y(4S) -> BB events at the Belle II boost with generic B decays, a simple detector, and B+- -> mu+ mu- K+-",
                "candidates from all track combinations (columns: event, mup_*, mum_*, k_* lab four-momenta, k_charge, label),",
                "with B+- -> J/psi(-> mu mu) K+- and B+- -> K+- A'(-> mu mu) injected at given rates (model: events/README.md)."})
final class EventsGenerateBfactoryCommand implements Runnable {
    /** FILE.meta.json: what made the candidates, how many of each kind, and their columns. */
    record Meta(String command, long seed, BFactoryModel model, List<String> particles, BFactoryGenerator.Counts counts, List<String> columns, int rows) {
    }

    @Option(names = "--events", defaultValue = "1000000", description = "Y(4S) -> BB events (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--jpsik-rate", defaultValue = "6.08e-5", description = "Fraction of B+- decaying to J/psi(-> mu mu) K+- (default ${DEFAULT-VALUE}, the PDG product 1.02e-3 x 5.96e-2).")
    double jpsiK;

    @Option(names = "--dark-photon-rate", defaultValue = "0", description = "Fraction of B+- decaying to K+- A'(-> mu mu) (default ${DEFAULT-VALUE}).")
    double darkRate;

    @Option(names = "--dark-photon-mass", defaultValue = "1.5", description = "A' mass in GeV (default ${DEFAULT-VALUE}).")
    double darkMass;

    @Option(names = "--beams", split = ",", defaultValue = "7,4", paramLabel = "E_MINUS,E_PLUS", description = "e- and e+ beam energies in GeV (default ${DEFAULT-VALUE}: Belle II).")
    List<Double> beams;

    @Option(names = "--mbc-min", defaultValue = "0", description = "Keep candidates with M_bc >= this, GeV (default ${DEFAULT-VALUE}: no cut).")
    double mbcMin;

    @Option(names = "--delta-e-max", defaultValue = "100", description = "Keep candidates with |delta_E| <= this, GeV (default ${DEFAULT-VALUE}: no cut).")
    double deltaEMax;

    @Mixin
    GeneratorOutput output = new GeneratorOutput();

    @Override
    public void run() {
        if (beams.size() != 2) throw new UserException("--beams takes two energies, e.g. 7,4");
        output.check();
        BFactoryModel base = BFactoryModel.defaults(events);
        BFactoryModel model = new BFactoryModel(new BeamFrame(beams.get(0), beams.get(1)), events, jpsiK, darkRate, darkMass, base.detector(),
                mbcMin, deltaEMax);
        BFactoryGenerator gen = new BFactoryGenerator(model);
        System.out.println("seed " + output.seed + "; " + events + " Y(4S) -> BB events, sqrt(s) = " + String.format("%.4f", model.beams().sqrtS())
                + " GeV, beta*gamma = " + String.format("%.4f", model.beams().betaGamma()));
        long t0 = System.nanoTime();
        Table candidates = gen.generate(output.seed, done -> System.out.println("generated " + done + " of " + events + " events"));
        BFactoryGenerator.Counts n = gen.counts();
        Path metaFile = output.write(candidates, new Meta("anomalia events generate-bfactory", output.seed, model, BFactoryGenerator.PARTICLES, n,
                candidates.names(), candidates.rows()));
        System.out.printf("%d J/psi K and %d K A' decays; %d candidates (%d signal) in %.1f s; wrote %s, settings in %s%n", n.jpsiKDecays(),
                n.darkPhotonDecays(), n.candidates(), n.signalCandidates(), (System.nanoTime() - t0) / 1e9, output.out, metaFile);
    }
}
