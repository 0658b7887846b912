package org.anomalia.cli;

import org.anomalia.numerics.UserException;
import org.anomalia.numerics.io.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the {@code anomalia} command: parses options, dispatches, maps errors to exit codes. */
@Command(name = "anomalia", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Anomaly detection and significance estimation for particle physics.",
        subcommands = {GofCommand.class, BsllCommand.class, EventsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit codes: 0 ok, 1 internal error, 2 user error. */
    public static final int OK = 0, INTERNAL_ERROR = 1, USER_ERROR = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Show no progress bars (results and messages are still printed).")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests, which must not exit the JVM). */
    public static int execute(String... args) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setUsageHelpAutoWidth(true); // summaries use the terminal's width (80 when unknown)
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable cause = ex;
            while (!(cause instanceof UserException) && cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof UserException) {
                cmd.getErr().println("anomalia: " + cause.getMessage());
                if (main.debug) ex.printStackTrace(cmd.getErr());
                return USER_ERROR;
            }
            cmd.getErr().println("anomalia: internal error: " + ex + (main.debug ? "" : " (run with --debug for the stack trace)"));
            if (main.debug) ex.printStackTrace(cmd.getErr());
            return INTERNAL_ERROR;
        });
        // picocli's own parameter errors (unknown option, bad number) are user errors too.
        cl.setParameterExceptionHandler((ex, params) -> {
            ex.getCommandLine().getErr().println("anomalia: " + ex.getMessage()
                    + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return USER_ERROR;
        });
        // progress goes to stderr as a live bar on a terminal, as whole lines in a log, or not at all with --quiet
        cl.setExecutionStrategy(parsed -> {
            Progress.setMode(main.quiet ? Progress.Mode.QUIET : null);
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                Progress.setMode(null);
            }
        });
        return cl.execute(args);
    }

    /** Reads the version Maven wrote into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"anomalia " + (v == null ? "dev" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
