package org.anomalia.gof.study;

import java.io.PrintStream;
import java.nio.file.Path;
import org.anomalia.gof.GofJob;
import org.anomalia.gof.GofOptions;
import org.anomalia.gof.input.GofProblem;
import org.anomalia.gof.GofResult;
import org.anomalia.numerics.UserException;

/** {@code gof --cov-uncertainty SPEC}: the main run, then the same analysis over drawn experimental covariances. */
public final class CovarianceUncertaintyJob implements GofJob.Extension {
    public static final int DEFAULT_DRAWS = 20;

    private final GofOptions options;
    private final CovarianceUncertainty spec;
    private final int draws;
    private CovarianceUncertaintyResult result;
    private int dimension;

    public CovarianceUncertaintyJob(GofOptions options, CovarianceUncertainty spec, int draws) {
        if (draws < 2) throw new UserException("--cov-draws must be at least 2, got " + draws);
        this.options = options;
        this.spec = spec;
        this.draws = draws;
    }

    @Override
    public void validate(GofProblem problem) {
        spec.validate(problem.dimension());
    }

    @Override
    public void afterAnalysis(GofProblem problem, GofResult nominal, PrintStream out) {
        dimension = problem.dimension();
        out.printf("%ncovariance uncertainty: %d draws, %s%n", draws, spec.describe());
        result = CovarianceUncertaintyStudy.run(problem, cov -> GofJob.vaeModel(options, withCovariance(problem, cov)), spec, draws, nominal, out);
        out.print(CovarianceUncertaintyOutput.table(result).toText());
    }

    @Override
    public void write(Path outDir, PrintStream out) {
        CovarianceUncertaintyOutput.write(result, dimension, outDir);
        out.println("wrote " + outDir.resolve(CovarianceUncertaintyOutput.DIRECTORY).resolve("report.html"));
    }

    public CovarianceUncertaintyResult result() {
        return result;
    }

    private static GofProblem withCovariance(GofProblem p, double[][] cov) {
        // the training-only rows stay: the VAE of each draw trains as the nominal run's
        return new GofProblem(p.observables(), p.measured(), cov, p.theorySamples(), p.measurementSource(), p.theorySource())
                .withTrainingSamples(p.trainingSamples());
    }
}
