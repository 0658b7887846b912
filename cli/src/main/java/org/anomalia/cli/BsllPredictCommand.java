package org.anomalia.cli;

import org.anomalia.numerics.io.OutputPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.anomalia.numerics.io.Progress;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.sampling.PredictionSampler;
import org.anomalia.flavour.sampling.PredictionSamples;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia bsll predict}: central values and, with --uncertainty N, σ over N parameter draws. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Binned B0->K*0mumu observables, SM or new physics, with uncertainties.",
        description = {"Binned B0->K*0mumu observables at flavio's central parameters (SM or with --np), and with",
                "--uncertainty N their standard deviation over N parameter draws (flavio's sm_uncertainty)."})
final class BsllPredictCommand implements Runnable {
    enum Format { table, csv, json }

    @Mixin
    BsllSelection selection = new BsllSelection();

    @Option(names = "--uncertainty", paramLabel = "N", description = "Parameter draws for the standard deviation (e.g. 2000).")
    Integer draws;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the parameter draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public void run() {
        selection.threads(); // every option and the output checked before any work
        if (out != null) OutputPaths.checkFile(out, "--out");
        List<Observable> observables = selection.observables();
        List<Q2Bin> bins = selection.bins();
        NewPhysics np = selection.newPhysics();
        if (draws != null && draws < 2) throw new UserException("--uncertainty needs at least 2 draws, got " + draws);
        PredictionSampler sampler = new PredictionSampler(observables, bins, np, selection.catalog());
        double[] central = sampler.central();
        double[] sigma = null;
        if (draws != null) {
            PredictionSamples s;
            try (Progress bar = Progress.start("bsll predict", draws, " rows")) {
                s = sampler.sample(draws, seed, false, selection.threads(), bar::step);
            }
            if (s.nonFiniteRows() > 0) {
                throw new UserException(s.nonFiniteRows() + " of " + draws + " parameter draws gave a non-finite prediction;"
                        + " no uncertainty is reported");
            }
            sigma = s.standardDeviation();
            System.err.println("anomalia: sigma from " + draws + " parameter draws, seed " + seed);
        }
        String text = switch (format) {
            case table -> table(observables, bins, np, central, sigma);
            case csv -> csv(observables, bins, central, sigma);
            case json -> json(observables, bins, np, central, sigma);
        };
        if (out == null) {
            System.out.print(text);
        } else {
            AtomicOutput.string(out, text);
            System.out.println("wrote " + out);
        }
    }

    /** Element of (bin b, observable o) in the bin-major prediction vector. */
    private static int at(List<Observable> observables, int b, int o) {
        return b * observables.size() + o;
    }

    private String table(List<Observable> observables, List<Q2Bin> bins, NewPhysics np, double[] central, double[] sigma) {
        StringBuilder sb = new StringBuilder();
        sb.append("B0->K*0mumu, ").append(np.isStandardModel() ? "Standard Model" : "new physics " + np.asMap())
                .append(sigma == null ? "" : ", sigma from " + draws + " parameter draws (seed " + seed + ")").append('\n');
        sb.append(String.format(Locale.ROOT, "%-10s %7s %7s %14s %14s%n", "observable", "q2min", "q2max", "central",
                sigma == null ? "" : "sigma"));
        for (int b = 0; b < bins.size(); b++) {
            for (int o = 0; o < observables.size(); o++) {
                int k = at(observables, b, o);
                sb.append(String.format(Locale.ROOT, "%-10s %7s %7s %14.6g %14s%n", observables.get(o).flavioName(),
                        number(bins.get(b).q2min()), number(bins.get(b).q2max()), central[k],
                        sigma == null ? "" : String.format(Locale.ROOT, "%.4g", sigma[k])));
            }
        }
        return sb.toString();
    }

    private static String csv(List<Observable> observables, List<Q2Bin> bins, double[] central, double[] sigma) {
        StringBuilder sb = new StringBuilder("observable,q2min,q2max,central,sigma\n");
        for (int b = 0; b < bins.size(); b++) {
            for (int o = 0; o < observables.size(); o++) {
                int k = at(observables, b, o);
                sb.append(observables.get(o).flavioName()).append(',').append(number(bins.get(b).q2min())).append(',')
                        .append(number(bins.get(b).q2max())).append(',').append(central[k]).append(',')
                        .append(sigma == null ? "" : Double.toString(sigma[k])).append('\n');
            }
        }
        return sb.toString();
    }

    private String json(List<Observable> observables, List<Q2Bin> bins, NewPhysics np, double[] central, double[] sigma) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("process", "B0->K*0mumu");
        ObjectNode npNode = root.putObject("new_physics");
        np.asMap().forEach((name, c) -> npNode.putObject(name).put("re", c.re).put("im", c.im));
        if (sigma != null) {
            root.put("uncertainty_draws", draws);
            root.put("seed", seed);
        }
        ArrayNode list = root.putArray("predictions");
        for (int b = 0; b < bins.size(); b++) {
            for (int o = 0; o < observables.size(); o++) {
                int k = at(observables, b, o);
                ObjectNode e = list.addObject();
                e.put("observable", observables.get(o).flavioName());
                e.put("q2min", bins.get(b).q2min());
                e.put("q2max", bins.get(b).q2max());
                e.put("central", central[k]);
                if (sigma != null) e.put("sigma", sigma[k]);
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String number(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
