package org.anomalia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How to read event files and which columns mean what; shared by the events subcommands. Every
 * check on the files (columns, labels, weights, signal region) happens here or in
 * {@link ScoreAndJudge.Target#check()}, before anything is trained or written.
 */
final class EventsInputs {
    /** Fewest events a sample that a model learns from may hold. */
    static final int MIN_EVENTS = 10;

    @Option(names = "--names", split = ",", paramLabel = "NAME",
            description = "Column names for files without them (.npy; files from events generate carry theirs in FILE.meta.json), e.g. mjj,mj1,delta_mj,tau21_j1,tau21_j2,label.")
    List<String> names;

    @Option(names = "--key", paramLabel = "KEY", description = "Dataset or pandas key inside HDF5 files.")
    String key;

    @Option(names = "--features", split = ",", paramLabel = "NAME",
            description = "Classifier inputs (default: every column except the resonant, label and weight columns).")
    List<String> features;

    @Option(names = "--resonant", defaultValue = "mjj", description = "Resonant variable column (default ${DEFAULT-VALUE}).")
    String resonant;

    @Option(names = "--label", defaultValue = "label", description = "Truth label column, 0/1, used only to judge (default ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--weight", paramLabel = "COLUMN",
            description = "Event weight column: classifiers train with these weights and the metrics count each event with its weight. "
                    + "Files a classifier learns from (idealized, supervised, cwola) need weights >= 0; elsewhere (--eval, evaluate, "
                    + "anode and cathode, whose flows train unweighted) weights only judge and may be negative (NLO). "
                    + "A file without the column counts its events 1 each; at least one file must have it.")
    String weight;

    @Option(names = "--sr", split = ",", paramLabel = "LOW,HIGH",
            description = "Signal region of the resonant variable, e.g. 3.3,3.7 (default: all events are in it; cwola, anode and cathode "
                    + "take the one events generate recorded in the data file's FILE.meta.json).")
    List<Double> sr;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Files read so far, those without the --weight column (their events count 1 each), and the last one. */
    private int filesRead;
    private final List<String> unweighted = new ArrayList<>();
    private Table lastRead;

    /** A file that is only judged or scored: labels must be 0/1, weights may be negative. */
    Table read(Path file) {
        Table t = TableFiles.read(new TableFiles.Source(file, key, names));
        if (names == null && t.names().equals(Table.defaultNames(t.columnCount()))) {
            t = t.renamed(namesFromSettingsBeside(file, t.columnCount()));
        }
        if (t.has(label)) {
            t.labels(label);
        }
        if (weight != null && !t.has(weight)) {
            unweighted.add(t.source());
        }
        filesRead++;
        lastRead = t;
        return t;
    }

    /**
     * The column names that {@code events generate} stores in FILE.meta.json beside a .npy file,
     * so that generated events need no --names.
     */
    static List<String> namesFromSettingsBeside(Path file, int columns) {
        Path meta = file.resolveSibling(file.getFileName() + ".meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new UserException(file + ": the file stores no column names; pass them with --names (e.g. --names "
                    + "mjj,mj1,delta_mj,tau21_j1,tau21_j2,label for the LHCO files)");
        }
        List<String> stored = new ArrayList<>();
        try {
            new ObjectMapper().readTree(meta.toFile()).path("columns").forEach(n -> stored.add(n.asText()));
        } catch (IOException e) {
            throw new UserException(meta + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "); fix or delete it, or pass the column names with --names");
        }
        if (stored.size() != columns) {
            throw new UserException(meta + ": 'columns' lists " + stored.size() + " names but " + file + " has " + columns
                    + " columns; fix or delete it, or pass the column names with --names");
        }
        return stored;
    }

    /** A file a classifier learns from with its weights: as {@link #read}, and its weights, if any, must be >= 0. */
    Table readTraining(Path file) {
        Table t = read(file);
        double[] w = weights(t);
        if (w == null) {
            return t;
        }
        int negative = 0;
        int first = -1;
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0) {
                if (negative == 0) {
                    first = i;
                }
                negative++;
            }
        }
        if (negative > 0) {
            throw new UserException(file + ": weight column '" + weight + "' holds " + w[first] + " in row " + first + " (" + negative
                    + " negative weights in all); classifiers learn only from weights >= 0 - negative (NLO) weights are accepted"
                    + " where they only judge: --eval files, 'events evaluate', anode and cathode");
        }
        return t;
    }

    /** A user error unless a sample a model learns from holds at least {@link #MIN_EVENTS} events ({@code what} names it). */
    void requireEvents(Table t, String what) {
        if (t.rows() < MIN_EVENTS) {
            throw new UserException(t.source() + ": only " + t.rows() + " " + what + " events; a model needs at least " + MIN_EVENTS
                    + (sr == null ? "" : " (widen --sr?)"));
        }
    }

    /** {@link #requireEvents}, and with weights a positive total weight: for samples a model learns from with their weights. */
    void requireEnough(Table t, String what) {
        requireEvents(t, what);
        double[] w = weights(t);
        if (w != null && !(java.util.Arrays.stream(w).sum() > 0)) {
            throw new UserException(t.source() + ": the weights '" + weight + "' of the " + what + " events sum to "
                    + java.util.Arrays.stream(w).sum() + "; a model needs a positive total weight");
        }
    }

    /** The --weight column of the events, or null (every event counts 1) without --weight or without the column. */
    double[] weights(Table t) {
        return weight == null || !t.has(weight) ? null : t.column(weight);
    }

    SignalRegion region() {
        if (sr == null) {
            return null;
        }
        if (sr.size() != 2) {
            throw new UserException("--sr takes two numbers LOW,HIGH, got " + sr);
        }
        return new SignalRegion(resonant, sr.get(0), sr.get(1));
    }

    /**
     * The signal region, which {@code method} cannot do without: --sr, else the one {@code events generate}
     * recorded in the data file's FILE.meta.json (for the same resonant column).
     */
    SignalRegion requireRegion(String method, Path data) {
        SignalRegion r = region();
        if (r == null) {
            r = regionFromSettingsBeside(data);
        }
        if (r == null) {
            throw new UserException(method + " needs a signal region: --sr LOW,HIGH");
        }
        return r;
    }

    private SignalRegion regionFromSettingsBeside(Path data) {
        Path meta = data.resolveSibling(data.getFileName() + ".meta.json");
        if (!Files.isRegularFile(meta)) {
            return null;
        }
        JsonNode region;
        try {
            region = new ObjectMapper().readTree(meta.toFile()).path("signal_region");
        } catch (IOException e) {
            throw new UserException(meta + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "); fix or delete it, or give the signal region with --sr LOW,HIGH");
        }
        if (!region.path("low").isNumber() || !region.path("high").isNumber() || !resonant.equals(region.path("column").asText())) {
            return null;
        }
        SignalRegion r = new SignalRegion(resonant, region.get("low").asDouble(), region.get("high").asDouble());
        System.out.println("signal region " + r + " from " + meta + " (--sr overrides it)");
        return r;
    }

    /** The events inside the signal region, if one is given (a user error when there are none). */
    Table inRegion(Table t) {
        SignalRegion r = region();
        return r == null ? t : r.inside(t);
    }

    List<String> features(Table t) {
        if (features != null) {
            for (String f : features) {
                t.indexOf(f);
            }
            if (features.contains(label)) {
                throw new UserException("--features must not contain the label column '" + label + "'");
            }
            return features;
        }
        List<String> out = new ArrayList<>(t.names());
        out.remove(resonant);
        out.remove(label);
        if (weight != null) {
            out.remove(weight);
        }
        if (out.isEmpty()) {
            throw new UserException(t.source() + ": no feature columns left after removing " + resonant + " and " + label);
        }
        return out;
    }

    /**
     * What to score and judge, checked: the features exist, labels are 0/1, and a label or resonant
     * column named explicitly on the command line exists (a misspelt one must not quietly turn off
     * the metrics).
     */
    ScoreAndJudge.Target target(Table events, List<String> features) {
        if (given("--label")) {
            events.indexOf(label);
        }
        if (given("--resonant")) {
            events.indexOf(resonant);
        }
        ScoreAndJudge.Target target = new ScoreAndJudge.Target(events, features, label, resonant, weight).check();
        if (weight != null && filesRead > 0 && unweighted.size() == filesRead) {
            // a --weight that no file has is a misspelling, not a request for unit weights
            lastRead.indexOf(weight);
        }
        for (String file : unweighted) {
            System.out.println(file + " has no weight column '" + weight + "': its events count 1 each");
        }
        return target;
    }

    /** Adds the weight column, if any, to a run's settings. */
    void describe(Map<String, Object> settings) {
        if (weight != null) {
            settings.put("weight", weight);
        }
    }

    private boolean given(String option) {
        return command != null && command.commandLine() != null && command.commandLine().getParseResult() != null
                && command.commandLine().getParseResult().hasMatchedOption(option);
    }
}
