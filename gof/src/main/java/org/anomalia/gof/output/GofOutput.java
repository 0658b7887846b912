package org.anomalia.gof.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anomalia.gof.GofResult;
import org.anomalia.numerics.io.AtomicOutput;

/**
 * Writes report.html, its plots and results.json as one directory output ({@link AtomicOutput#directory}):
 * a failed run never leaves a half-written report, and an earlier report stays until the new one is complete.
 */
public final class GofOutput {
    private GofOutput() {}

    public static void write(GofResult result, Path outDir) {
        write(result, outDir, null);
    }

    /** @param banner a status line for the top of the report (for example UNBLINDED), or null */
    public static void write(GofResult result, Path outDir, String banner) {
        AtomicOutput.directory(outDir, tmp -> {
            GofReport.build(result, banner).write(tmp);
            Files.writeString(tmp.resolve("results.json"), GofJson.toJson(result), StandardCharsets.UTF_8);
        });
    }
}
