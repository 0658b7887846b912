package org.anomalia.events.lhco;

import java.nio.file.Path;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;

/**
 * The agreed split of the LHC Olympics R&D signal-region files (shared/data/lhco-rnd-signal-region)
 * so that numbers compare: data = innerdata_train; pure background = the label-0 rows of
 * innerdata_test; supervised signal = innerdata_extrasig rows 20000 onwards (evaldata_test uses
 * rows 0..19999); evaluation = evaldata_test.
 */
public record LhcoSplit(Table data, Table background, Table extraSignal, Table evaluation) {
    public static final List<String> COLUMNS = List.of("mjj", "mj1", "delta_mj", "tau21_j1", "tau21_j2", "label");
    public static final List<String> FEATURES = List.of("mj1", "delta_mj", "tau21_j1", "tau21_j2");

    public static LhcoSplit load(Path dir) {
        Table data = read(dir, "innerdata_train.npy");
        Table test = read(dir, "innerdata_test.npy");
        Table extra = read(dir, "innerdata_extrasig.npy");
        Table eval = read(dir, "evaldata_test.npy");
        double[] label = test.column("label");
        boolean[] bkg = new boolean[label.length];
        for (int i = 0; i < bkg.length; i++) {
            bkg[i] = label[i] == 0;
        }
        return new LhcoSplit(data, test.filter(bkg), extra.slice(20000, extra.rows()), eval);
    }

    /** The directory under the shared folder outside the repository (the benchmarks' anomalia.shared property). */
    public static Path defaultDirectory(String shared) {
        return Path.of(shared, "data", "lhco-rnd-signal-region");
    }

    private static Table read(Path dir, String name) {
        return TableFiles.read(new TableFiles.Source(dir.resolve(name), null, COLUMNS));
    }
}
