package org.anomalia.gof.study;

import org.anomalia.gof.GofJob;
import java.io.PrintStream;
import org.anomalia.data.measurement.Measurement;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.measurements.BkstarMeasurement;
import org.anomalia.gof.GofOptions;
import org.anomalia.numerics.UserException;

/** {@code anomalia gof profile}: the likelihood profile of the bundled LHCb measurement in one or two Wilson coefficients. */
public final class ProfileJob {
    private ProfileJob() {}

    public static ProfileResult run(GofOptions o, ProfileOptions p, PrintStream out) {
        long t0 = System.nanoTime();
        if (!o.hypothesis().isStandardModel()) {
            throw new UserException("gof --np " + o.hypothesis() + " profile: the studies take the SM as H0; the grid gives the points: gof profile --np-grid C9=-2:0:21");
        }
        if (o.measurement() != null || o.theorySamples() != null) {
            throw new UserException("gof profile needs the built-in flavour engine (it predicts at every grid point); leave out --measurement and --theory-samples");
        }
        GofJob.checkPaths(o, p.out());
        Measurement m = BkstarMeasurement.lhcb2020().select(o.observables().stream().map(Observable::parse).toList(),
                o.bins().stream().map(Q2Bin::parse).toList()).measurement();
        double[][] exp = m.covariance();
        if (o.expCovScale() != 1.0) {
            for (double[] row : exp) for (int j = 0; j < row.length; j++) row[j] *= o.expCovScale();
        }
        int points = WilsonProfileStudy.grid(p.axes()).length;
        out.printf("anomalia gof profile: seed %d, %d grid points x %d theory draws, %d toys, %d observables%n", o.seed(), points,
                p.samplesPerPoint(), p.toys(), m.observables().size());
        WilsonProfileStudy.Theory theory = (np, n, seed) -> {
            var sampler = PowerJob.sampler(o, np);
            return PowerJob.draw(sampler, n, seed, m.observables(), np.toString());
        };
        ProfileResult r = WilsonProfileStudy.run(p.axes(), theory, m.central(), exp, p.samplesPerPoint(), p.toys(), o.seed(), out);
        ProfileOutput.write(r, "LHCb 2020 " + m.source() + ", " + m.observables().size() + " observables", p.out());
        out.printf("wrote %s and %s (%.1f s)%n", p.out().resolve("report.html"), p.out().resolve(ProfileOutput.JSON), (System.nanoTime() - t0) / 1e9);
        return r;
    }
}
