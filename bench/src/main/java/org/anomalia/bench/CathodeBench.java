package org.anomalia.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.anomalia.numerics.random.Seeds;
import org.anomalia.data.Table;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.classify.MlpTrainer;
import org.anomalia.events.classify.Scorer;
import org.anomalia.events.density.Cathode;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.density.ConditionalDensity;
import org.anomalia.events.density.FlowSettings;
import org.anomalia.events.density.RanodeSettings;
import org.anomalia.events.density.GeneratorStudy;
import org.anomalia.events.density.MassKde;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.generate.DijetShape;
import org.anomalia.learn.Kernels;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * CATHODE on the LHCO-like generator: (1) {@code study} — max SIC of CATHODE, the idealized
 * detector, ANODE and CWoLa on one labelled evaluation set, over seeds and classifiers (issue 5:
 * CATHODE ≥ 80 % of idealized at S/B ≈ 0.6 %; MLP against BDT); (2) {@code time} — wall and CPU
 * time of every stage of the whole CATHODE pipeline on 500k sideband events with the paper
 * settings and with --fast, extrapolated per stage to the full preset when fewer epochs were run.
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

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static ClassifierTrainer classifier(String name, boolean fast) {
        return ClassifierTrainer.named(name, fast).withProgress(false);
    }

    @Command(name = "study", mixinStandardHelpOptions = true,
            description = "Max SIC of CATHODE vs idealized AD, ANODE and CWoLa on generated events, over seeds and classifiers.")
    static final class Study implements Callable<Integer> {
        @Option(names = "--background-events", defaultValue = "1000000", description = "QCD events over the whole mjj range (default ${DEFAULT-VALUE}, as LHCO R&D)")
        int background;
        @Option(names = "--s-over-b", defaultValue = "0.006", description = "S/B in the signal region (default ${DEFAULT-VALUE})")
        double sOverB;
        @Option(names = "--eval-background", defaultValue = "300000", description = "QCD events behind the evaluation set (default ${DEFAULT-VALUE})")
        int evalBackground;
        @Option(names = "--fast", description = "fast flow and classifier presets instead of the paper's")
        boolean fast;
        @Option(names = "--model", defaultValue = "lhco", description = "generator jets: lhco (calibrated on the real LHCO events) or toy (the first toy; "
                + "the numbers measured before the calibration) (default ${DEFAULT-VALUE})")
        String shape;
        @Option(names = "--flow-epochs", description = "override the flow's epochs")
        Integer flowEpochs;
        @Option(names = "--classifier", defaultValue = "mlp", split = ",",
                description = "mlp, xgboost or both (mlp,xgboost: one sideband flow and the same samples for both) (default ${DEFAULT-VALUE})")
        List<String> classifiers;
        @Option(names = "--folds", defaultValue = "5", description = "k-fold (default ${DEFAULT-VALUE})")
        int folds;
        @Option(names = "--sideband-width", defaultValue = "0", description = "flow sideband width each side, 0 = all (default ${DEFAULT-VALUE})")
        double sidebandWidth;
        @Option(names = "--runs", defaultValue = "1",
                description = "CATHODE sample-and-classify runs to average; > 1 also reports each run alone (default ${DEFAULT-VALUE})")
        int cathodeRuns;
        @Option(names = "--no-anode", description = "skip ANODE")
        boolean noAnode;
        @Option(names = "--ranode", description = "also R-ANODE, its background the CATHODE flow (its fitted w is printed in the classifier column)")
        boolean ranode;
        @Option(names = "--lacathode", description = "also LaCATHODE on the CATHODE flow, with each classifier")
        boolean lacathode;
        @Option(names = "--seeds", defaultValue = "1", description = "seeds 1..N (default ${DEFAULT-VALUE})")
        int seeds;
        @Option(names = "--first-seed", defaultValue = "1", description = "first seed (default ${DEFAULT-VALUE})")
        int firstSeed;
        @Option(names = "--out", defaultValue = "bench-cathode-study.json")
        Path out;

        @Override
        public Integer call() {
            FlowSettings flow = (fast ? FlowSettings.fast() : FlowSettings.paper()).withProgress(true);
            if (flowEpochs != null) flow = flow.withEpochs(flowEpochs, flow.bestEpochs());
            List<ClassifierTrainer> trainers = classifiers.stream().map(c -> classifier(c, fast)).toList();
            CathodeSettings cs = new CathodeSettings(flow, trainers.get(0), folds, 4, cathodeRuns);
            GeneratorStudy.Settings s = new GeneratorStudy.Settings(background, sOverB, evalBackground, cs, noAnode ? null : flow,
                    sidebandWidth, 0.2).withResidualAndLatent(ranode ? (fast ? RanodeSettings.fast() : RanodeSettings.paper()).withBackground(flow) : null,
                    lacathode).withShape(DijetShape.named(shape, "--model"));
            ObjectNode root = JsonReport.root("cathode-study");
            root.put("settings", s.toString());
            root.put("classifiers", trainers.toString());
            ArrayNode runs = root.putArray("runs");
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
                System.out.printf("seed %d: %s, classifiers %s%n", seed, s, trainers);
                List<GeneratorStudy.MethodResult> res = GeneratorStudy.run(s, trainers, seed);
                Map<String, Double> ideal = new HashMap<>(), cathode = new HashMap<>();
                System.out.printf("%-14s %-8s %8s %8s %9s %9s %9s %6s%n", "method", "clf", "AUC", "maxSIC", "S/√(S+B)×", "seconds", "flow s",
                        "load");
                for (GeneratorStudy.MethodResult r : res) {
                    System.out.printf("%-14s %-8s %8.4f %8.2f %9.2f %9.1f %9.1f %6.1f%n", r.method(), r.classifier(), r.metrics().auc(),
                            r.metrics().maxSic(), r.metrics().significanceImprovement(), r.seconds(), r.flowSeconds(), loadAverage());
                    ObjectNode o = runs.addObject();
                    o.put("seed", seed);
                    o.put("method", r.method());
                    o.put("classifier", r.classifier());
                    o.put("auc", r.metrics().auc());
                    o.put("max_sic", r.metrics().maxSic());
                    o.put("significance_improvement", r.metrics().significanceImprovement());
                    o.put("seconds", r.seconds());
                    o.put("flow_seconds_included", r.flowSeconds());
                    o.put("load_average", loadAverage());
                    if (r.method().equals("idealized")) ideal.put(r.classifier(), r.metrics().maxSic());
                    if (r.method().equals("cathode")) cathode.put(r.classifier(), r.metrics().maxSic());
                }
                for (String c : cathode.keySet()) {
                    double ratio = cathode.get(c) / ideal.get(c);
                    ratios.computeIfAbsent(c, k -> new ArrayList<>()).add(ratio);
                    System.out.printf("%s: CATHODE / idealized max SIC: %.3f%n", c, ratio);
                }
                JsonReport.write(root, out); // after every seed, so that a long study keeps what it has
            }
            ObjectNode medians = root.putObject("median_ratio_cathode_over_idealized");
            for (var e : ratios.entrySet()) {
                double[] r = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                medians.put(e.getKey(), r[r.length / 2]);
                System.out.printf("%s: median CATHODE / idealized over %d seed(s): %.3f%n", e.getKey(), r.length, r[r.length / 2]);
            }
            root.put("load_average_at_end", loadAverage());
            JsonReport.write(root, out);
            return 0;
        }
    }

    @Command(name = "time", mixinStandardHelpOptions = true,
            description = {"Wall and CPU time of the whole CATHODE pipeline (sideband flow with its best-epoch ensemble, mass KDE and",
                    "sampling, k-fold classifier, scoring) on generated events, with the --fast preset and the paper settings;",
                    "stages run with fewer epochs than the preset are extrapolated per stage and marked so."})
    static final class Time implements Callable<Integer> {
        @Option(names = "--sideband-events", defaultValue = "500000", description = "sideband events the flow learns (default ${DEFAULT-VALUE})")
        int sidebandEvents;
        @Option(names = "--sr-events", defaultValue = "120000",
                description = "signal-region events (the LHCO R&D set holds about 121k in 3.3-3.7 TeV) (default ${DEFAULT-VALUE})")
        int srEvents;
        @Option(names = "--presets", defaultValue = "fast,paper", split = ",", description = "presets to time, in order (default ${DEFAULT-VALUE})")
        List<String> presets;
        @Option(names = "--paper-flow-epochs", defaultValue = "3", description = "paper flow epochs actually run, of 100 (default ${DEFAULT-VALUE})")
        int paperFlowEpochs;
        @Option(names = "--paper-classifier-epochs", defaultValue = "3",
                description = "paper classifier epochs actually run per fold, of 100 (default ${DEFAULT-VALUE})")
        int paperClassifierEpochs;
        @Option(names = "--fast-flow-epochs", defaultValue = "0", description = "fast flow epochs actually run; 0 = all 15 (default ${DEFAULT-VALUE})")
        int fastFlowEpochs;
        @Option(names = "--fast-classifier-epochs", defaultValue = "0",
                description = "fast classifier epochs actually run; 0 = all 20 (default ${DEFAULT-VALUE})")
        int fastClassifierEpochs;
        @Option(names = "--folds", defaultValue = "5", description = "k-fold; all folds are trained (default ${DEFAULT-VALUE})")
        int folds;
        @Option(names = "--threads", defaultValue = "2", description = "threads of the learning engine's kernels (default ${DEFAULT-VALUE})")
        int threads;
        @Option(names = "--seed", defaultValue = "1", description = "seed of the events and the pipeline (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--out", defaultValue = "bench-cathode-time.json")
        Path out;

        /** One timed stage; {@code full} is its time with the whole preset (= wall when nothing was cut short). */
        record Stage(String name, double wall, double cpu, double loadAtEnd, double full, String how) {}

        @Override
        public Integer call() {
            if (sidebandEvents < 1000 || srEvents < 100) throw new UserException("--sideband-events >= 1000 and --sr-events >= 100, please");
            Kernels.setThreads(threads);
            Inputs in = inputs(sidebandEvents, srEvents, seed);
            ObjectNode root = JsonReport.root("cathode-time");
            root.put("sideband_events", in.sbX().length);
            root.put("signal_region_events", in.srX().length);
            root.put("signal_region", GeneratorStudy.SIGNAL_REGION.toString());
            root.put("threads", threads);
            root.put("folds", folds);
            root.put("seed", seed);
            System.out.printf("CATHODE wall time: %d sideband events, %d signal-region events (S/B 0.6 %%), %d folds, 4x oversampling, "
                    + "kernels %s, seed %d%n", in.sbX().length, in.srX().length, folds, Kernels.describe(), seed);
            warmUp(in);
            for (String preset : presets) {
                boolean fast = switch (preset) {
                    case "fast" -> true;
                    case "paper" -> false;
                    default -> throw new UserException("--presets: fast or paper, got " + preset);
                };
                List<Stage> stages = timePreset(in, fast);
                ObjectNode o = root.putObject(preset);
                ArrayNode arr = o.putArray("stages");
                double wall = 0, cpu = 0, full = 0;
                System.out.printf("%n%s preset%n%-52s %10s %10s %6s %14s  %s%n", preset, "stage", "wall s", "CPU s", "load", "full preset s",
                        "");
                for (Stage st : stages) {
                    System.out.printf("%-52s %10.1f %10s %6.1f %14.0f  %s%n", st.name(), st.wall(),
                            Double.isNaN(st.cpu()) ? "(above)" : String.format("%.1f", st.cpu()), st.loadAtEnd(), st.full(), st.how());
                    ObjectNode so = arr.addObject();
                    so.put("stage", st.name());
                    so.put("wall_seconds", st.wall());
                    if (!Double.isNaN(st.cpu())) so.put("cpu_seconds", st.cpu());
                    so.put("load_average_at_end", st.loadAtEnd());
                    so.put("full_preset_seconds", st.full());
                    so.put("full_preset", st.how());
                    wall += st.wall();
                    cpu += Double.isNaN(st.cpu()) ? 0 : st.cpu();
                    full += st.full();
                }
                boolean extrapolated = stages.stream().anyMatch(st -> !st.how().equals("measured"));
                System.out.printf("%-52s %10.1f %10.1f %6.1f %14.0f  %s (= %.2f h)%n", "total", wall, cpu, loadAverage(), full,
                        extrapolated ? "extrapolated per stage" : "measured", full / 3600);
                o.put("measured_wall_seconds", wall);
                o.put("measured_cpu_seconds", cpu);
                o.put("full_preset_seconds", full);
                o.put("full_preset_extrapolated", extrapolated);
                JsonReport.write(root, out);
            }
            return 0;
        }

        private List<Stage> timePreset(Inputs in, boolean fast) {
            FlowSettings fullFlow = fast ? FlowSettings.fast() : FlowSettings.paper();
            MlpTrainer fullClf = fast ? MlpTrainer.fast() : MlpTrainer.paper();
            int fe = fast ? (fastFlowEpochs > 0 ? fastFlowEpochs : fullFlow.epochs()) : paperFlowEpochs;
            int ce = fast ? (fastClassifierEpochs > 0 ? fastClassifierEpochs : fullClf.epochs()) : paperClassifierEpochs;
            if (fe < 1 || ce < 1) throw new UserException("epochs to run must be at least 1");
            FlowSettings flow = fullFlow.withEpochs(Math.min(fe, fullFlow.epochs()), fullFlow.bestEpochs()).withProgress(false);
            MlpTrainer mlp = fullClf.withEpochs(Math.min(ce, fullClf.epochs()), Math.min(ce, fullClf.bestEpochs())).withProgress(false);
            TimedTrainer clf = new TimedTrainer(mlp);
            CathodeSettings cs = new CathodeSettings(flow, clf, folds, 4, 1);
            System.out.printf("%n%s: flow %s; classifier %s%n", fast ? "--fast" : "paper settings", flow, mlp);
            List<Stage> out = new ArrayList<>();

            // 1. sideband flow: training epochs, then the best-epoch ensemble (BatchNorm recalibrated per member)
            Clock c = new Clock();
            ConditionalDensity d = ConditionalDensity.fit(in.sbX(), in.sbM(), flow, seed, "CATHODE sideband flow");
            double fitWall = c.wall(), fitCpu = c.cpu();
            double train = d.history().epochs().stream().mapToDouble(e -> e.seconds()).sum();
            int fullMembers = Math.min(fullFlow.bestEpochs(), fullFlow.epochs());
            out.add(new Stage(String.format("flow training, %d of %d epochs", flow.epochs(), fullFlow.epochs()), train, fitCpu, loadAverage(),
                    train * fullFlow.epochs() / flow.epochs(), how(flow.epochs(), fullFlow.epochs())));
            double rest = fitWall - train;
            out.add(new Stage(String.format("flow preprocessing + ensemble of %d of %d best epochs", d.members(), fullMembers), rest, Double.NaN,
                    loadAverage(), rest * fullMembers / d.members(), how(d.members(), fullMembers)));
            System.out.printf("  flow: %.1f s (load %.1f)%n", fitWall, loadAverage());

            // 2. masses from the KDE of the SR data, 4 samples per SR event
            c = new Clock();
            MassKde kde = MassKde.scott(in.srM());
            Cathode.Samples samples = Cathode.sample(d, kde, in.srX().length * cs.oversampling(), GeneratorStudy.SIGNAL_REGION.low(),
                    GeneratorStudy.SIGNAL_REGION.high(), Cathode.runSeed(seed, 0));
            out.add(new Stage(String.format("mass KDE + %d samples (%d flow members)", samples.x().length, d.members()), c.wall(), c.cpu(),
                    loadAverage(), c.wall(), "measured"));
            System.out.printf("  sampling: %.1f s (load %.1f)%n", c.wall(), loadAverage());

            // 3. k-fold classifier of SR data against the samples, out-of-fold scores of the data included
            c = new Clock();
            KFold.Result kr = Cathode.dataVersusSamples(in.srX(), samples, cs, Seeds.derive(Cathode.runSeed(seed, 0), "classifier"));
            double kWall = c.wall(), kCpu = c.cpu();
            double tr = clf.trainSeconds(), sc = clf.scoreSeconds();
            int fullBest = Math.min(fullClf.bestEpochs(), fullClf.epochs());
            // training scales with the epochs, scoring with the number of averaged best epochs
            double kFull = kWall * (tr * fullClf.epochs() / mlp.epochs() + sc * fullBest / mlp.bestEpochs()) / (tr + sc);
            out.add(new Stage(String.format("classifier, %d folds x %d of %d epochs + out-of-fold", folds, mlp.epochs(), fullClf.epochs()), kWall,
                    kCpu, loadAverage(), kFull, mlp.epochs() == fullClf.epochs() ? "measured"
                            : String.format("extrapolated: training x %d/%d, scoring x %d/%d", fullClf.epochs(), mlp.epochs(), fullBest,
                                    mlp.bestEpochs())));

            // 4. scoring other events with the fold ensemble (as `events cathode --eval`): an SR-sized set
            c = new Clock();
            Cathode.Result r = new Cathode.Result(kr.outOfFold(), List.of(kr), d, samples.x(), samples.m());
            r.score(in.srX());
            out.add(new Stage(String.format("scoring %d events (%d folds x %d best epochs)", in.srX().length, folds, mlp.bestEpochs()),
                    c.wall(), c.cpu(), loadAverage(), c.wall() * fullBest / mlp.bestEpochs(), how(mlp.bestEpochs(), fullBest)));
            return out;
        }

        private static String how(int run, int full) {
            return run == full ? "measured" : String.format("extrapolated x %d/%d", full, run);
        }

        /** A short run of both stages on a few rows, so that the timed stages do not pay for JIT compilation. */
        private void warmUp(Inputs in) {
            int w = Math.min(5000, in.srX().length);
            double[][] x = Arrays.copyOf(in.sbX(), w);
            ConditionalDensity d = ConditionalDensity.fit(x, Arrays.copyOf(in.sbM(), w), FlowSettings.fast().withEpochs(1, 1).withProgress(false),
                    seed, "warm-up");
            CathodeSettings cs = new CathodeSettings(FlowSettings.fast(), MlpTrainer.fast().withEpochs(1, 1).withProgress(false),
                    2, 1, 1);
            Cathode.dataVersusSamples(Arrays.copyOf(in.srX(), w), Cathode.sample(d, MassKde.scott(in.srM()), w,
                    GeneratorStudy.SIGNAL_REGION.low(), GeneratorStudy.SIGNAL_REGION.high(), seed), cs, seed);
        }
    }

    /** Sideband and signal-region events of the generator (S/B 0.6 % in the SR), cut to the requested counts. */
    record Inputs(double[][] sbX, double[] sbM, double[][] srX, double[] srM) {}

    static Inputs inputs(int sidebandEvents, int srEvents, long seed) {
        // the SR holds about 8 % of the generated QCD events: generate enough for both counts (the rows are independent draws)
        int total = (int) Math.ceil(1.02 * Math.max(sidebandEvents / 0.92, srEvents / 0.079));
        for (int attempt = 0; ; attempt++) {
            Table data = new DijetGenerator(DijetModel.lhcoLike(total).withSignalToBackground(0.006)).generate(seed);
            Table sr = GeneratorStudy.SIGNAL_REGION.inside(data), sb = GeneratorStudy.SIGNAL_REGION.sidebands(data, 0);
            if (sr.rows() >= srEvents && sb.rows() >= sidebandEvents) {
                return new Inputs(Arrays.copyOf(sb.toRows(DijetGenerator.FEATURES), sidebandEvents), Arrays.copyOf(sb.column("mjj"), sidebandEvents),
                        Arrays.copyOf(sr.toRows(DijetGenerator.FEATURES), srEvents), Arrays.copyOf(sr.column("mjj"), srEvents));
            }
            if (attempt == 3) throw new IllegalStateException("generator gave too few events: " + sr.rows() + " SR, " + sb.rows() + " sidebands");
            total = (int) (total * 1.3);
        }
    }

    /** Wall and process CPU seconds since construction. */
    static final class Clock {
        private final long t0 = System.nanoTime();
        private final double c0 = cpuSeconds();

        double wall() {
            return (System.nanoTime() - t0) * 1e-9;
        }

        double cpu() {
            return cpuSeconds() - c0;
        }
    }

    /** A classifier trainer that adds up the seconds its models spend training and scoring (thread-safe: folds may train in parallel). */
    static final class TimedTrainer implements ClassifierTrainer {
        private final ClassifierTrainer inner;
        private final AtomicLong trainNanos = new AtomicLong(), scoreNanos = new AtomicLong();
        private final AtomicInteger models = new AtomicInteger();

        TimedTrainer(ClassifierTrainer inner) {
            this.inner = inner;
        }

        double trainSeconds() {
            return trainNanos.get() * 1e-9;
        }

        double scoreSeconds() {
            return scoreNanos.get() * 1e-9;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public int threads() {
            return inner.threads();
        }

        @Override
        public Scorer train(float[][] rows, int[] labels, long seed) {
            return train(rows, labels, null, seed);
        }

        @Override
        public Scorer train(float[][] rows, int[] labels, double[] weights, long seed) {
            long t0 = System.nanoTime();
            Scorer s = inner.train(rows, labels, weights, seed);
            long dt = System.nanoTime() - t0;
            trainNanos.addAndGet(dt);
            System.out.printf("  classifier model %d: %d rows in %.1f s (load %.1f)%n", models.incrementAndGet(), rows.length, dt * 1e-9,
                    loadAverage());
            return x -> {
                long t = System.nanoTime();
                double[] out = s.score(x);
                scoreNanos.addAndGet(System.nanoTime() - t);
                return out;
            };
        }
    }
}
