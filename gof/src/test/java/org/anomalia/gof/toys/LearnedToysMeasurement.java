package org.anomalia.gof.toys;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.anomalia.gof.nullmodel.FlowNullModel;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.VaeNullModel;
import org.anomalia.learn.flow.FlowConfig;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement behind the learned-model table of the gof README (not a check: run by hand with
 * -Danomalia.measure=CONFIGS, e.g. maf:4:64:40:1,spline:4:64:40:1,vae). For each exact toy and model:
 * p at points of exact p 0.3 … 0.005, and where the error comes from — the model's −log p minus the exact
 * one at the data point against the same difference over the null points around it (the tail).
 */
@EnabledIfSystemProperty(named = "anomalia.measure", matches = ".+")
public class LearnedToysMeasurement {
    static final double[] TARGETS = {0.3, 0.05, 0.01, 0.005};

    @Test
    void measure() {
        String[] configs = System.getProperty("anomalia.measure").split(",");
        int[] trainSizes = Arrays.stream(System.getProperty("anomalia.measure.train", "30000").split(",")).mapToInt(Integer::parseInt).toArray();
        int nullRows = Integer.getInteger("anomalia.measure.null", 40_000);
        long seed = Long.getLong("anomalia.measure.seed", 1);
        String only = System.getProperty("anomalia.measure.toys", "banana,bounded,twelve");
        for (ExactToy toy : List.of(ExactToys.banana(), ExactToys.boundedRatio(), ExactToys.twelveObservables())) {
            if (Arrays.stream(only.split(",")).noneMatch(t -> toy.name().startsWith(t))) continue;
            ExactToy.ExactNull exact = toy.exactNull(40_000, 4242);
            double[][] points = new double[TARGETS.length][];
            double[] pExact = new double[TARGETS.length], qExact = new double[TARGETS.length];
            for (int t = 0; t < TARGETS.length; t++) {
                points[t] = exact.pointWithP(TARGETS[t], toy.centre(), toy.sigma());
                pExact[t] = exact.p(points[t]);
                qExact[t] = toy.minusLogDensity(points[t]);
            }
            double[][] nullPoints = toy.drawSmeared(nullRows, 2000 + seed);
            double[] nullExact = toy.minusLogDensity(nullPoints);
            for (int trainRows : trainSizes) {
            double[][] smeared = toy.drawSmeared(trainRows + trainRows / 6, 1000 + seed);
            double[][] train = Arrays.copyOfRange(smeared, 0, trainRows), validation = Arrays.copyOfRange(smeared, trainRows, smeared.length);
            for (String config : configs) {
                NullModel model = model(config.strip(), toy);
                double cpu0 = cpu();
                long wall0 = System.nanoTime();
                TrainedNullModel trained = model.train(train, validation, seed);
                double cpuTrain = cpu() - cpu0;
                for (TestStatistic s : trained.statistics()) {
                    double[] nullValues = s.evaluate(nullPoints);
                    double[] atPoints = s.evaluate(points);
                    EmpiricalPValue.NullDistribution nd = EmpiricalPValue.NullDistribution.of(nullValues);
                    StringBuilder line = new StringBuilder(String.format("%s | %s (%s) | train %d rows, cpu %.0f s, wall %.0f s, seed %d |",
                            toy.name().split(" ")[0], s.name(), config, trainRows, cpuTrain, (System.nanoTime() - wall0) / 1e9, seed));
                    for (int t = 0; t < TARGETS.length; t++) {
                        double p = EmpiricalPValue.of(atPoints[t], nd).p();
                        // offsets (model − exact) at the data and over null points with exact −log p within ±0.25 of the data's
                        double dData = atPoints[t] - qExact[t], sum = 0, sum2 = 0;
                        int n = 0;
                        for (int i = 0; i < nullExact.length; i++) {
                            if (Math.abs(nullExact[i] - qExact[t]) < 0.25) {
                                double d = nullValues[i] - nullExact[i];
                                sum += d;
                                sum2 += d * d;
                                n++;
                            }
                        }
                        double mean = sum / Math.max(1, n), sd = Math.sqrt(Math.max(0, sum2 / Math.max(1, n) - mean * mean));
                        // p if the data point had the tail's mean offset (what is left is the tail's scatter)
                        double pShifted = EmpiricalPValue.of(qExact[t] + mean, nd).p();
                        line.append(String.format(" exact %.4f → %.4f (%+.0f%%; data off %+.3f, tail off %+.3f ± %.3f [%d], p at tail offset %.4f) |",
                                pExact[t], p, 100 * (p - pExact[t]) / pExact[t], dData, mean, sd, n, pShifted));
                    }
                    System.out.println(line);
                }
            }
            }
        }
    }

    static NullModel model(String config, ExactToy toy) {
        return model(config, toy.expCovariance());
    }

    /** vae[:epochs[:K[:members]]] or maf|mafd|nvp|spline:blocks:hidden:epochs:members[:batch[:lr]], on coordinates whitened by expCovariance. */
    public static NullModel model(String config, double[][] expCovariance) {
        String[] f = config.split(":");
        if (f[0].equals("vae")) {
            int epochs = f.length > 1 ? Integer.parseInt(f[1]) : 40;
            int k = f.length > 2 ? Integer.parseInt(f[2]) : 64;
            int members = f.length > 3 ? Integer.parseInt(f[3]) : 1;
            return new VaeNullModel(new VaeNullModel.Settings(64, VaeNullModel.LAYERS, 8, 1.0, epochs, VaeNullModel.BATCH_SIZE,
                    VaeNullModel.LEARNING_RATE, k, false, VaeNullModel.CLIP_NORM, members), expCovariance);
        }
        FlowConfig.Kind kind = switch (f[0]) {
            case "maf", "mafd" -> FlowConfig.Kind.MAF;
            case "nvp" -> FlowConfig.Kind.REAL_NVP;
            default -> FlowConfig.Kind.SPLINE_COUPLING;
        };
        return new FlowNullModel(new FlowNullModel.Settings(kind, Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                f.length > 5 ? Integer.parseInt(f[5]) : FlowNullModel.BATCH_SIZE, f.length > 6 ? Double.parseDouble(f[6]) : FlowNullModel.LEARNING_RATE, VaeNullModel.CLIP_NORM,
                Integer.parseInt(f[4]), false, f[0].equals("mafd")), expCovariance);
    }

    public static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
