package org.anomalia.cli;

import org.anomalia.numerics.io.OutputPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.numerics.io.Progress;
import org.anomalia.data.Table;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.flavour.sampling.ParameterPointsFile;
import org.anomalia.flavour.sampling.PredictionSampler;
import org.anomalia.flavour.sampling.PredictionSamples;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code anomalia bsll sample}: one prediction vector per parameter draw (or per row of a
 * parameter file), written as CSV or .npy with columns like {@code P5p_4_6}; the settings and
 * the seed go to a {@code .meta.json} file beside it.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Theory samples x(nu) of binned observables over parameter draws.",
        description = {"Theory samples x(nu): one row per parameter draw (--n) or per row of a parameter file (--params),",
                "columns named observable_q2min_q2max (e.g. P5p_4_6, FL_1.1_2.5)."})
final class BsllSampleCommand implements Runnable {
    static final class Source {
        @Option(names = "--n", paramLabel = "N", required = true, description = "Number of parameter draws.")
        Integer n;

        @Option(names = "--params", paramLabel = "FILE", required = true,
                description = "CSV whose header names parameters (flavio's names); one output row per input row, "
                        + "parameters not named stay at their central values.")
        Path params;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    BsllSelection selection = new BsllSelection();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the parameter draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--with-parameters", description = "Also write the values of the varied parameters of each row.")
    boolean withParameters;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output file (.csv or .npy).")
    Path out;

    @Override
    public void run() {
        OutputPaths.checkFile(out, "--out");
        String name = out.getFileName().toString().toLowerCase();
        if (!name.endsWith(".csv") && !name.endsWith(".npy")) {
            throw new UserException("--out " + out + ": use a .csv or .npy file name");
        }
        // every option, input and output checked before any work
        TableWithSettings.checkOut(out);
        selection.threads();
        if (source.params != null) OutputPaths.checkInput(source.params, "--params");
        if (source.params == null && source.n < 1) throw new UserException("--n must be at least 1, got " + source.n);
        List<Q2Bin> bins = selection.bins();
        NewPhysics np = selection.newPhysics();
        ParameterCatalog catalog = selection.catalog();
        PredictionSampler sampler = new PredictionSampler(selection.observables(), bins, np, catalog);
        PredictionSamples samples;
        if (source.params != null) {
            double[][] points = ParameterPointsFile.read(source.params, catalog);
            try (Progress bar = Progress.start("bsll sample", points.length, " rows")) {
                samples = sampler.evaluate(points, withParameters, selection.threads(), bar::step);
            }
        } else {
            if (source.n < 1) throw new UserException("--n must be at least 1, got " + source.n);
            System.out.println("seed " + seed);
            try (Progress bar = Progress.start("bsll sample", source.n, " rows")) {
                samples = sampler.sample(source.n, seed, withParameters, selection.threads(), bar::step);
            }
        }
        Path meta = TableWithSettings.write(out, table(samples), (Object) metadata(samples, np));
        int bad = samples.nonFiniteRows();
        System.out.println("wrote " + samples.rows() + " rows x " + samples.width() + " predictions to " + out
                + (bad > 0 ? " (" + bad + " rows with non-finite predictions)" : "") + "; settings in " + meta);
    }

    private static Table table(PredictionSamples s) {
        List<String> names = new ArrayList<>(s.columns());
        names.addAll(s.parameterNames());
        double[][] cols = new double[names.size()][s.rows()];
        for (int r = 0; r < s.rows(); r++) {
            for (int c = 0; c < s.width(); c++) cols[c][r] = s.get(r, c);
            for (int k = 0; k < s.parameterNames().size(); k++) cols[s.width() + k][r] = s.parameter(r, k);
        }
        return new Table("bsll sample", names, cols);
    }

    private ObjectNode metadata(PredictionSamples s, NewPhysics np) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("command", "anomalia bsll sample");
        root.put("process", "B0->K*0mumu");
        root.put("rows", s.rows());
        if (s.seed().isPresent()) root.put("seed", s.seed().getAsLong());
        if (source.params != null) root.put("parameter_file", source.params.toString());
        root.put("parameters", "flavio 2.7.0 defaults (" + (source.params != null ? "values from the file, others central"
                : "drawn as flavio's sm_uncertainty") + ")");
        if (selection.fixes != null) selection.fixes.forEach(root.putArray("fixed")::add);
        ObjectNode npNode = root.putObject("new_physics");
        np.asMap().forEach((n, c) -> npNode.putObject(n).put("re", c.re).put("im", c.im));
        s.columns().forEach(root.putArray("columns")::add);
        s.parameterNames().forEach(root.putArray("parameter_columns")::add);
        root.put("non_finite_rows", s.nonFiniteRows());
        return root;
    }
}
