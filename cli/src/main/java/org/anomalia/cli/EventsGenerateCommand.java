package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.anomalia.data.Table;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.generate.DijetShape;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events generate}: LHCO-like toy dijet events over the whole mjj range. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "LHCO-like dijet events over the whole mjj range, with an injected resonance.",
        description = {"LHCO-like dijet events (mjj, mj1, delta_mj, tau21_j1, tau21_j2, label) over the whole mjj range,",
                "with a resonance injected at a given S/B in the signal region (model: events/README.md)."})
final class EventsGenerateCommand implements Runnable {
    /** FILE.meta.json: what made the events, their columns and the signal region (read back by the commands given the file). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Meta(String command, long seed, DijetModel model, List<String> columns, Region signalRegion, int rows, int signalEvents) {
    }

    /** The signal region of the resonant column. */
    record Region(String column, double low, double high) {
    }

    @Option(names = "--background-events", defaultValue = "1000000", description = "QCD events over the whole range (default ${DEFAULT-VALUE}).")
    int background;

    @Option(names = "--s-over-b", defaultValue = "0.006", description = "Signal over background inside the signal region (default ${DEFAULT-VALUE}).")
    double sOverB;

    @Option(names = "--mass", defaultValue = "3.5", description = "Resonance mass in TeV (default ${DEFAULT-VALUE}).")
    double mass;

    @Option(names = "--width", defaultValue = "0.1", description = "Width of the mjj peak in TeV (default ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--sr", split = ",", defaultValue = "3.3,3.7", paramLabel = "LOW,HIGH", description = "Signal region in TeV (default ${DEFAULT-VALUE}).")
    List<Double> sr;

    @Option(names = "--mjj-range", split = ",", defaultValue = "2.5,6.0", paramLabel = "MIN,MAX", description = "mjj range in TeV (default ${DEFAULT-VALUE}).")
    List<Double> range;

    @Option(names = "--model", defaultValue = "lhco", paramLabel = "lhco|toy",
            description = "Jet substructure: lhco = calibrated on the real LHCO R&D signal region, toy = the first, easy toy (default ${DEFAULT-VALUE}; events/README.md).")
    String shape;

    @Mixin
    GeneratorOutput output = new GeneratorOutput();

    @Override
    public void run() {
        if (sr.size() != 2 || range.size() != 2) {
            throw new UserException("--sr and --mjj-range take two numbers each");
        }
        DijetShape jets = DijetShape.named(shape, "--model");
        output.check();
        DijetModel base = DijetModel.lhcoLike(background);
        DijetModel model = new DijetModel(background, range.get(0), range.get(1), mass, width, sOverB, sr.get(0), sr.get(1),
                base.massX(), base.massY(), jets);
        DijetGenerator gen = new DijetGenerator(model);
        System.out.println("seed " + output.seed + "; " + background + " background and " + gen.signalEvents() + " signal events");
        Table events = gen.generate(output.seed);
        Path metaFile = output.write(events, new Meta("anomalia events generate", output.seed, model, DijetGenerator.COLUMNS,
                new Region("mjj", model.srLow(), model.srHigh()), events.rows(), gen.signalEvents()));
        System.out.println("wrote " + events.rows() + " events to " + output.out + "; settings in " + metaFile);
    }
}
