package org.anomalia.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code anomalia events evaluate}: judge any anomaly score against truth labels. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Judges an anomaly score: ROC, AUC, SIC, significance after cuts.",
        description = {"Judges an anomaly score: ROC, AUC, SIC, rejection, significance after cuts; writes metrics.json and",
                "report.html. The score file has a column 'index' (row of the events file, counted inside --sr if given)",
                "or as many rows as it. With --weight every event counts with its weight (negative weights allowed)."})
final class EventsEvaluateCommand implements Runnable {
    @Option(names = "--scores", required = true, paramLabel = "FILE", description = "Score file (.csv, .npy, ...).")
    Path scores;

    @Option(names = "--score-column", defaultValue = "score", description = "Score column (default ${DEFAULT-VALUE}).")
    String scoreColumn;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Events with the label column.")
    Path events;

    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    JudgingOptions output = new JudgingOptions();

    @Override
    public void run() {
        Table s = TableFiles.read(scores);
        double[] score = s.column(scoreColumn);
        Table e = inputs.inRegion(inputs.read(events));
        if (s.has("index")) {
            double[] idx = s.column("index");
            int[] rows = new int[idx.length];
            for (int i = 0; i < rows.length; i++) {
                if (idx[i] < 0 || idx[i] >= e.rows() || idx[i] != Math.rint(idx[i])) {
                    throw new UserException(scores + ": index " + idx[i] + " in row " + i + " is not a row of " + events + " (" + e.rows() + " rows)");
                }
                rows[i] = (int) idx[i];
            }
            e = e.rows(rows);
        } else if (s.rows() != e.rows()) {
            throw new UserException(scores + " has " + s.rows() + " rows but " + events + " has " + e.rows()
                    + "; add an 'index' column or pass matching files");
        }
        e.indexOf(inputs.label);
        ScoreAndJudge.Target target = inputs.target(e, List.of()).requireJudgeable();
        ScoreAndJudge.write(output.out, "Evaluation of " + scores.getFileName(), score, target, output.judging(),
                provenance(scores.toString(), events.toString()));
    }

    /** In this order in every JVM (Map.of's order changes between runs). */
    private static Map<String, Object> provenance(String scores, String events) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", "anomalia events evaluate");
        p.put("scores", scores);
        p.put("events", events);
        return p;
    }
}
