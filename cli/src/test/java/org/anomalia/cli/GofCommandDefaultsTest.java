package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.anomalia.gof.GofMethod;
import org.anomalia.gof.GofOptions;
import org.anomalia.gof.study.CovarianceUncertaintyJob;
import org.anomalia.gof.study.PowerOptions;
import org.anomalia.gof.study.ProfileOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** gof's defaults live in the gof module; the CLI's picocli strings must parse back to exactly those numbers. */
class GofCommandDefaultsTest {
    @Test
    void noOptionsGiveTheGofConstants() {
        GofCommand command = new GofCommand();
        new CommandLine(command).parseArgs();
        GofOptions o = command.options();
        assertEquals(GofOptions.DEFAULT_EPOCHS, o.epochs());
        assertEquals(GofOptions.DEFAULT_BETA, o.beta());
        assertEquals(GofOptions.DEFAULT_LATENT, o.latent());
        assertEquals(GofOptions.DEFAULT_HIDDEN, o.hidden());
        assertEquals(GofOptions.DEFAULT_LEARNING_RATE, o.learningRate());
        assertEquals(GofOptions.DEFAULT_CLIP_NORM, o.clipNorm());
        assertEquals(GofOptions.DEFAULT_IWAE_K, o.iwaeK());
        assertEquals(GofOptions.DEFAULT_SEED, o.seed());
        assertEquals(GofOptions.DEFAULT_EXP_COV_SCALE, o.expCovScale());
        assertEquals(GofMethod.AUTO, o.method());
        assertEquals(CovarianceUncertaintyJob.DEFAULT_DRAWS, command.covDraws);
    }

    @Test
    void subcommandsTakeTheirDefaultsFromGof() {
        GofPowerCommand power = new GofPowerCommand();
        new CommandLine(power).parseArgs();
        assertEquals(PowerOptions.DEFAULT_PSEUDO, power.pseudo);
        GofProfileCommand profile = new GofProfileCommand();
        new CommandLine(profile).parseArgs("--np-grid", "C9=-2:0:3");
        assertEquals(ProfileOptions.DEFAULT_TOYS, profile.toys);
    }
}
