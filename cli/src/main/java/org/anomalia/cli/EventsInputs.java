package org.anomalia.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Option;

/** How to read event files and which columns mean what; shared by the events subcommands. */
final class EventsInputs {
    @Option(names = "--names", split = ",", paramLabel = "NAME",
            description = "Column names for files without them (.npy), e.g. mjj,mj1,delta_mj,tau21_j1,tau21_j2,label.")
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

    @Option(names = "--weight", description = "Event weight column, excluded from the features.")
    String weight;

    @Option(names = "--sr", split = ",", paramLabel = "LOW,HIGH",
            description = "Signal region of the resonant variable, e.g. 3.3,3.7 (default: all events are in it).")
    List<Double> sr;

    Table read(Path file) {
        Table t = TableFiles.read(new TableFiles.Source(file, key, names));
        if (names == null && t.names().equals(Table.defaultNames(t.columnCount()))) {
            throw new UserException(file + ": the file stores no column names; pass them with --names (e.g. --names "
                    + "mjj,mj1,delta_mj,tau21_j1,tau21_j2,label for the LHCO files)");
        }
        return t;
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

    /** The events inside the signal region, if one is given. */
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

    ScoreAndJudge.Target target(Table events, List<String> features) {
        return new ScoreAndJudge.Target(events, features, label, resonant);
    }
}
