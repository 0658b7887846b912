package org.anomalia.gof.study;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anomalia.numerics.io.AtomicOutput;
import org.anomalia.report.HtmlReport;

/**
 * Writes one study's directory (report.html with its plots, and a JSON file) as one directory output
 * ({@link AtomicOutput#directory}): a failed run leaves no half-written study and an earlier one intact.
 */
public final class StudyOutput {
    private StudyOutput() {}

    public static void write(Path dir, HtmlReport report, String jsonName, String json) {
        AtomicOutput.directory(dir, tmp -> {
            report.write(tmp);
            Files.writeString(tmp.resolve(jsonName), json, StandardCharsets.UTF_8);
        });
    }
}
