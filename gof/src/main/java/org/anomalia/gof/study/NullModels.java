package org.anomalia.gof.study;

import java.util.List;
import org.anomalia.gof.GofJob;
import org.anomalia.gof.GofOptions;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.nullmodel.NullModel;

/** Every learned null model the studies run beside the χ² (today the VAE), built from the run's options. */
public final class NullModels {
    private NullModels() {}

    public static List<NullModel> all(GofOptions o, double[][] expCovariance, GofProblem problem) {
        return List.of(GofJob.vaeModel(o, withCovariance(problem, expCovariance)));
    }

    private static GofProblem withCovariance(GofProblem p, double[][] cov) {
        return new GofProblem(p.observables(), p.measured(), cov, p.theorySamples(), p.measurementSource(), p.theorySource());
    }
}
