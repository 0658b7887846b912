package org.anomalia.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.anomalia.data.Table;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.density.ConditionalDensity;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.density.GeneratorStudy;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * CATHODE on the LHCO-like generator: (1) {@code study} — max SIC of CATHODE, the idealized
 * detector, ANODE and CWoLa on one labelled evaluation set, over seeds (issue 5: CATHODE ≥ 80 % of
 * idealized at S/B ≈ 0.6 %); (2) {@code time} — wall and CPU time of CATHODE's stages on 500k
 * sideband events with the paper settings and with --fast, extrapolated from a measured number of
 * flow epochs (and rows) when a full run does not fit.
 */
@Command(name = "cathode", mixinStandardHelpOptions = true, subcommands = {CathodeBench.Study.class, CathodeBench.Time.class},
        description = "CATHODE on the LHCO-like generator: SIC beside idealized/ANODE/CWoLa (study) and wall time (time).")
final class CathodeBench implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() * 1e-9;
    }

    static ClassifierTrainer classifier(String name, boolean fast) {
        return switch (name) {
            case "mlp" -> (fast ? MlpTrainer.fast() : MlpTrainer.paper()).withProgress(false);
            case "xgboost" -> XgboostTrainer.defaults();
            default -> throw new org.anomalia.numerics.UserException("--classifier must be mlp or xgboost, got " + name);
        };
    }

    @Command(name = "study", mixinStandardHelpOptions = true,
            description = "Max SIC of CATHODE vs idealized AD, ANODE and CWoLa on generated events, over seeds.")
    static final class Study implements Callable<Integer> {
        @Option(names = "--background-events", defaultValue = "1000000", description = "QCD events over the whole mjj range (default ${DEFAULT-VALUE}, as LHCO R&D)")
        int background;
        @Option(names = "--s-over-b", defaultValue = "0.006", description = "S/B in the signal region (default ${DEFAULT-VALUE})")
        double sOverB;
        @Option(names = "--eval-background", defaultValue = "300000", description = "QCD events behind the evaluation set (default ${DEFAULT-VALUE})")
        int evalBackground;
        @Option(names = "--fast", description = "fast flow and classifier presets instead of the paper's")
        boolean fast;
        @Option(names = "--flow-epochs", description = "override the flow's epochs")
        Integer flowEpochs;
        @Option(names = "--classifier", defaultValue = "mlp", description = "mlp or xgboost (default ${DEFAULT-VALUE})")
        String classifier;
        @Option(names = "--folds", defaultValue = "5", description = "k-fold (default ${DEFAULT-VALUE})")
        int folds;
        @Option(names = "--sideband-width", defaultValue = "0", description = "flow sideband width each side, 0 = all (default ${DEFAULT-VALUE})")
        double sidebandWidth;
        @Option(names = "--no-anode", description = "skip ANODE")
        boolean noAnode;
        @Option(names = "--seeds", defaultValue = "1", description = "seeds 1..N (default ${DEFAULT-VALUE})")
        int seeds;
        @Option(names = "--out", defaultValue = "bench-cathode-study.json")
        Path out;

        @Override
        public Integer call() {
            FlowSettings flow = (fast ? FlowSettings.fast() : FlowSettings.paper()).withProgress(true);
            if (flowEpochs != null) flow = flow.withEpochs(flowEpochs, flow.bestEpochs());
            CathodeSettings cs = new CathodeSettings(flow, classifier(classifier, fast), folds, 4, 1);
            GeneratorStudy.Settings s = new GeneratorStudy.Settings(background, sOverB, evalBackground, cs, noAnode ? null : flow,
                    sidebandWidth, 0.2);
            ObjectNode root = JsonReport.root("cathode-study");
            root.put("settings", s.toString());
            ArrayNode runs = root.putArray("runs");
            List<double[]> ratios = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                System.out.printf("seed %d: %s%n", seed, s);
                List<GeneratorStudy.MethodResult> res = GeneratorStudy.run(s, seed);
                double ideal = Double.NaN, cathode = Double.NaN;
                System.out.printf("%-10s %8s %8s %8s %9s%n", "method", "AUC", "maxSIC", "S/√(S+B)×", "seconds");
                for (GeneratorStudy.MethodResult r : res) {
                    System.out.printf("%-10s %8.4f %8.2f %8.2f %9.1f%n", r.method(), r.metrics().auc(), r.metrics().maxSic(),
                            r.metrics().significanceImprovement(), r.seconds());
                    ObjectNode o = runs.addObject();
                    o.put("seed", seed);
                    o.put("method", r.method());
                    o.put("auc", r.metrics().auc());
                    o.put("max_sic", r.metrics().maxSic());
                    o.put("significance_improvement", r.metrics().significanceImprovement());
                    o.put("seconds", r.seconds());
                    if (r.method().equals("idealized")) ideal = r.metrics().maxSic();
                    if (r.method().equals("cathode")) cathode = r.metrics().maxSic();
                }
                ratios.add(new double[] {cathode / ideal});
                System.out.printf("CATHODE / idealized max SIC: %.3f%n", cathode / ideal);
            }
            double[] r = ratios.stream().mapToDouble(v -> v[0]).sorted().toArray();
            root.put("median_ratio_cathode_over_idealized", r[r.length / 2]);
            System.out.printf("median CATHODE / idealized over %d seed(s): %.3f%n", r.length, r[r.length / 2]);
            JsonReport.write(root, out);
            return 0;
        }
    }

    @Command(name = "time", mixinStandardHelpOptions = true,
            description = "Wall and CPU time of CATHODE's flow on 500k sideband events (paper and --fast), extrapolated from measured epochs.")
    static final class Time implements Callable<Integer> {
        @Option(names = "--sideband-events", defaultValue = "500000", description = "sideband events (default ${DEFAULT-VALUE})")
        int sidebandEvents;
        @Option(names = "--measure-rows", defaultValue = "500000",
                description = "rows actually trained on per measured epoch; the epoch time is scaled to --sideband-events (default ${DEFAULT-VALUE})")
        int measureRows;
        @Option(names = "--paper-epochs", defaultValue = "1", description = "paper-setting flow epochs actually run (default ${DEFAULT-VALUE})")
        int paperEpochs;
        @Option(names = "--fast-epochs", defaultValue = "0", description = "fast-setting flow epochs actually run; 0 = the full preset (default ${DEFAULT-VALUE})")
        int fastEpochs;
        @Option(names = "--out", defaultValue = "bench-cathode-time.json")
        Path out;

        @Override
        public Integer call() {
            DijetModel model = DijetModel.lhcoLike(1).withSignalToBackground(0.006);
            // enough events over the whole range that the sidebands hold --sideband-events (the SR holds about 12 %)
            int total = (int) Math.ceil(Math.min(sidebandEvents, measureRows) / 0.87);
            Table data = new DijetGenerator(model.withBackgroundEvents(total)).generate(1);
            Table sb = GeneratorStudy.SIGNAL_REGION.sidebands(data, 0);
            int rows = Math.min(sb.rows(), Math.min(sidebandEvents, measureRows));
            double[][] x = Arrays.copyOf(sb.toRows(DijetGenerator.FEATURES), rows);
            double[] m = Arrays.copyOf(sb.column("mjj"), rows);
            ObjectNode root = JsonReport.root("cathode-time");
            root.put("sideband_events", sidebandEvents);
            root.put("measured_rows", rows);
            double scale = (double) sidebandEvents / rows;
            // warm-up (JIT compilation of the kernels) so that the first measured epochs are not penalised
            int w = Math.min(rows, 5000);
            ConditionalDensity.fit(Arrays.copyOf(x, w), Arrays.copyOf(m, w), FlowSettings.paper().withEpochs(1, 1).withProgress(false), 1, "warm-up");
            for (boolean fast : new boolean[] {true, false}) {
                FlowSettings preset = fast ? FlowSettings.fast() : FlowSettings.paper();
                int run = fast ? (fastEpochs > 0 ? fastEpochs : preset.epochs()) : paperEpochs;
                FlowSettings s = preset.withEpochs(run, Math.min(run, preset.bestEpochs()));
                double c0 = cpuSeconds();
                long t0 = System.nanoTime();
                ConditionalDensity d = ConditionalDensity.fit(x, m, s, 1, (fast ? "fast" : "paper") + " flow timing");
                double wall = (System.nanoTime() - t0) * 1e-9, cpu = cpuSeconds() - c0;
                double perEpoch = d.history().epochs().stream().mapToDouble(e -> e.seconds()).sum() / run;
                // sampling 4 × the signal region (≈ 0.14 × sideband events × 4) from the ensemble
                double[] mass = new double[(int) Math.min(200_000, 0.56 * rows)];
                Arrays.fill(mass, 3.5);
                long s0 = System.nanoTime();
                d.sample(mass, 2);
                double samplePerRow = (System.nanoTime() - s0) * 1e-9 / mass.length;
                double fullEpochs = preset.epochs();
                double extrapolated = perEpoch * scale * fullEpochs + samplePerRow * 0.56 * sidebandEvents;
                String name = fast ? "fast" : "paper";
                System.out.printf("%s: %d epoch(s) on %d rows: %.1f s wall (%.1f s CPU), %.1f s per epoch -> %.0f s per epoch on %d rows; "
                        + "%d epochs + sampling 4x the SR: %.0f s = %.1f h (extrapolated)%n", name, run, rows, wall, cpu, perEpoch,
                        perEpoch * scale, sidebandEvents, (int) fullEpochs, extrapolated, extrapolated / 3600);
                ObjectNode o = root.putObject(name);
                o.put("epochs_run", run);
                o.put("wall_seconds", wall);
                o.put("cpu_seconds", cpu);
                o.put("seconds_per_epoch_measured_rows", perEpoch);
                o.put("seconds_per_epoch_full", perEpoch * scale);
                o.put("sample_seconds_per_row", samplePerRow);
                o.put("extrapolated_flow_and_sampling_seconds", extrapolated);
                o.put("extrapolated", run < fullEpochs || scale > 1);
            }
            JsonReport.write(root, out);
            return 0;
        }
    }
}
