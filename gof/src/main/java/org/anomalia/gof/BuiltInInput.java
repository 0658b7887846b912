package org.anomalia.gof;

import java.io.PrintStream;
import org.anomalia.numerics.UserException;

/** The built-in case: flavour-engine SM samples and the bundled LHCb 2020 B0→K*0μμ measurement. */
final class BuiltInInput {
    private BuiltInInput() {}

    static GofProblem problem(GofOptions o, PrintStream out) {
        throw new UserException("the built-in flavour samples are not available in this build; pass --measurement FILE and --theory-samples FILE");
    }
}
