package org.anomalia.cli;

import org.anomalia.numerics.io.OutputPaths;
import java.nio.file.Path;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.metrics.Roc;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Option;

/** Where the scores and their judgement go, and how to judge: shared by every events command that writes metrics. */
class JudgingOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: scores.csv, metrics.json, report.html.")
    Path out;

    @Option(names = "--fpr-floor", defaultValue = "1e-4", description = "Lowest background efficiency for the maximum SIC (default ${DEFAULT-VALUE}).")
    double fprFloor = Roc.DEFAULT_FPR_FLOOR;

    @Option(names = "--expected-signal", defaultValue = "0", description = "Signal events expected in the signal region before cuts, for S/sqrt(S+B) (default: the scored set's own, weighted, count).")
    double expectedSignal;

    @Option(names = "--expected-background", defaultValue = "0", description = "Background events expected in the signal region before cuts (default: the scored set's own, weighted, count).")
    double expectedBackground;

    /** How to judge; a user error for a floor outside [0, 1) or an --out that is a file (call before training). */
    ScoreAndJudge.Judging judging() {
        if (!(fprFloor >= 0 && fprFloor < 1)) {
            throw new UserException("--fpr-floor must be in [0, 1), got " + fprFloor);
        }
        OutputPaths.checkDirectory(out, "--out");
        return new ScoreAndJudge.Judging(fprFloor, expectedSignal, expectedBackground);
    }
}
