package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command appears in its parent's list by a one-line summary that stands alone. */
class HelpSummaryTest {
    private static final int WIDTH = 80; // one terminal line, before picocli wraps it into the list's column

    @Test
    void everyCommandHasAStandAloneOneLineSummary() {
        List<String> bad = new ArrayList<>();
        check(new CommandLine(new Main()), bad);
        assertTrue(bad.isEmpty(), "summaries that do not stand alone on one line: " + bad);
    }

    private static void check(CommandLine cl, List<String> bad) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
            String summary = lines.length == 0 ? "" : lines[0];
            String name = sub.getCommandSpec().qualifiedName();
            if (!name.endsWith(" help") && (summary.isBlank() || summary.length() > WIDTH || !summary.endsWith("."))) {
                bad.add(name + ": \"" + summary + "\"");
            }
            check(sub, bad);
        }
    }
}
