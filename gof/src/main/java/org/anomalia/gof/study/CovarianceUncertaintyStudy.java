package org.anomalia.gof.study;

import org.anomalia.gof.Seeds;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.anomalia.gof.GofAnalysis;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.GofResult;
import org.anomalia.gof.nullmodel.NullModel;

/**
 * Re-runs the whole analysis (smearing, χ², training the null models, calibration) once per drawn
 * experimental covariance, with the run's own seed each time, so the spread of the p-values comes
 * from the covariance alone and not from different random streams.
 */
public final class CovarianceUncertaintyStudy {
    /** Stream of the covariance draws, apart from the analysis' own streams. */
    static final long COVARIANCE_STREAM = 101;

    private CovarianceUncertaintyStudy() {}

    /**
     * @param models the null models for a given Λexp (they may whiten by it), or null for the Gaussian part only
     * @param nominal the run with the published covariance
     */
    public static CovarianceUncertaintyResult run(GofProblem problem, Function<double[][], NullModel> models, CovarianceUncertainty spec,
                                                  int draws, GofResult nominal, PrintStream log) {
        long t0 = System.nanoTime();
        long seed = nominal.seed();
        List<double[][]> covariances = spec.draw(problem.expCovariance(), draws, Seeds.derive(seed, COVARIANCE_STREAM),
                "experimental covariance of " + problem.measurementSource());
        Map<String, Double> nominalP = MethodPValues.of(nominal);
        Map<String, double[]> perDraw = new LinkedHashMap<>();
        for (String k : nominalP.keySet()) perDraw.put(k, new double[draws]);
        List<Double> chi2 = new ArrayList<>();
        for (int i = 0; i < draws; i++) {
            double[][] cov = covariances.get(i);
            GofProblem p = new GofProblem(problem.observables(), problem.measured(), cov, problem.theorySamples(),
                    problem.measurementSource() + " (covariance draw " + (i + 1) + ")", problem.theorySource());
            // the marginal likelihood too, over the same integration set, so every method of the nominal run has its band
            if (problem.hasIntegrationSamples()) p = p.withIntegrationSamples(problem.integrationSamples(), problem.integrationSource());
            p = p.withTrainingSamples(problem.trainingSamples()); // the VAE trains on the rows of the nominal run
            GofResult r = GofAnalysis.run(p, models == null ? null : models.apply(cov), seed, nominal.expCovScale());
            Map<String, Double> ps = MethodPValues.of(r);
            for (Map.Entry<String, double[]> e : perDraw.entrySet()) e.getValue()[i] = ps.getOrDefault(e.getKey(), Double.NaN);
            chi2.add(r.chi2());
            log.printf("covariance draw %d/%d (%s): chi2 %.2f, p %s%n", i + 1, draws, spec.spec(), r.chi2(), format(ps));
        }
        // methods the draws do not re-run (the main run's flow: an ensemble trained per draw would cost minutes) have no band
        Map<String, String> labels = new LinkedHashMap<>(MethodPValues.labels(nominal));
        List<String> notRerun = new ArrayList<>();
        for (String k : List.copyOf(perDraw.keySet())) {
            if (java.util.Arrays.stream(perDraw.get(k)).allMatch(Double::isNaN)) {
                notRerun.add(labels.get(k));
                perDraw.remove(k);
                nominalP.remove(k);
                labels.remove(k);
            }
        }
        if (!notRerun.isEmpty()) log.println("covariance uncertainty: not re-run over the draws (no band): " + String.join(", ", notRerun));
        return new CovarianceUncertaintyResult(spec, draws, seed, labels, nominalP, perDraw, chi2, (System.nanoTime() - t0) / 1e9);
    }

    private static String format(Map<String, Double> ps) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : ps.entrySet()) {
            if (b.length() > 0) b.append(", ");
            b.append(e.getKey()).append(' ').append(String.format("%.4f", e.getValue()));
        }
        return b.toString();
    }
}
