package org.anomalia.cli;

import org.anomalia.numerics.io.OutputPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.study.CutRow;
import org.anomalia.events.study.SignificanceStudy;
import org.anomalia.events.study.StudyConfig;
import org.anomalia.events.study.StudyOutput;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code anomalia events significance-study}: seed 001's S/√(S+B) after anomaly cuts, per score, input set, depth and latent size. */
@Command(name = "significance-study", mixinStandardHelpOptions = true, sortOptions = false,
        header = "S/sqrt(S+B) after anomaly-score cuts, per score, input set, depth, latent size.",
        description = {"Trains unsupervised scores (AE with each loss, VAE, flow; CATHODE) on part of the candidates, cuts the rest at the",
                "top 50 % ... 0.1 % by score and counts signal and background in the signal region: S/sqrt(S+B) and its improvement,",
                "normalized counts after cuts, input sets, AE depth and latent-size scans, over seeds. Writes study.json and report.html."})
final class EventsSignificanceStudyCommand implements Runnable {
    /** The generator's columns after {@code events features --particles mup,mum,k --cm-beams 7,4 --b-candidate}. */
    static final List<String> RAW = List.of("mup_px_cm", "mup_py_cm", "mup_pz_cm", "mup_E_cm", "mum_px_cm", "mum_py_cm", "mum_pz_cm", "mum_E_cm",
            "k_px_cm", "k_py_cm", "k_pz_cm", "k_E_cm");
    static final List<String> DERIVED = List.of("m_mup_mum", "m_mup_k", "m_mum_k", "m_mup_mum_k", "cos_mup_mum", "cos_mup_k", "cos_mum_k",
            "cos_hel_mup_mum", "cos_hel_mup_k", "cos_hel_mum_k", "mbc", "delta_e");

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Candidates with their features (e.g. from events features).")
    Path events;

    @Option(names = "--names", split = ",", paramLabel = "NAME", description = "Column names for a .npy file without FILE.meta.json beside it.")
    List<String> names;

    @Option(names = "--key", paramLabel = "KEY", description = "Dataset or pandas key inside HDF5 files.")
    String key;

    @Option(names = "--resonant", required = true, description = "Resonant variable column (e.g. m_mup_mum_k for J/psi K, m_mup_mum for a dark photon).")
    String resonant;

    @Option(names = "--sr", required = true, split = ",", paramLabel = "LOW,HIGH", description = "Signal region of the resonant variable.")
    List<Double> sr;

    @Option(names = "--label", defaultValue = "label", description = "Truth column 0/1, only counted (default ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--scores", split = ",", defaultValue = "ae-mse,ae-mae,ae-huber,ae-logcosh,vae,flow,cathode",
            description = "Scores (default ${DEFAULT-VALUE}).")
    List<String> scores;

    @Option(names = "--input-set", paramLabel = "NAME=COL,COL,...",
            description = "A named input set (repeatable); default raw = the CM four-vectors of mup, mum, k and derived = their masses, angles, mbc, delta_e.")
    List<String> inputSets;

    @Option(names = "--depths", split = ",", defaultValue = "3,5,7", description = "AE (MSE) depth scan: total hidden layers, odd (default ${DEFAULT-VALUE}).")
    List<Integer> depths;

    @Option(names = "--latents", split = ",", defaultValue = "2,4,8,16", description = "AE (MSE) latent-size scan at depth 5 (default ${DEFAULT-VALUE}).")
    List<Integer> latents;

    @Option(names = "--no-scans", description = "Skip the depth and latent-size scans.")
    boolean noScans;

    @Option(names = "--scan-inputs", defaultValue = "derived", description = "Input set of the scans (default ${DEFAULT-VALUE}).")
    String scanInputs;

    @Option(names = "--cathode-inputs", split = ",", defaultValue = "derived",
            description = "Input sets CATHODE runs on, without the resonant variable (default ${DEFAULT-VALUE}; not raw four-vectors, of which the resonant variable is a function).")
    List<String> cathodeInputs;

    @Option(names = "--kept", split = ",", description = "Fractions of the candidates the cuts keep (default 1,0.5,0.2,0.1,0.05,0.02,0.01,0.005,0.002,0.001).")
    List<Double> kept;

    @Option(names = "--train-fraction", defaultValue = "0.5", description = "Share of the candidates the scores train on; the rest is judged (default ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--epochs", defaultValue = "20", description = "Training epochs of every network (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--huber-delta", defaultValue = "1.0", description = "delta of the Huber loss (default ${DEFAULT-VALUE}).")
    double huberDelta;

    @Option(names = "--seeds", split = ",", defaultValue = "1", description = "One study per seed (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for study.json and report.html.")
    Path out;

    @Override
    public void run() {
        if (sr.size() != 2) throw new UserException("--sr takes two numbers, LOW,HIGH");
        OutputPaths.checkDirectory(out, "--out");
        Map<String, List<String>> sets = new LinkedHashMap<>();
        if (inputSets == null) {
            sets.put("raw", RAW);
            sets.put("derived", DERIVED);
        } else {
            for (String s : inputSets) {
                int eq = s.indexOf('=');
                if (eq <= 0) throw new UserException("--input-set: expected NAME=COL,COL,... , got '" + s + "'");
                sets.put(s.substring(0, eq), Arrays.stream(s.substring(eq + 1).split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList());
            }
        }
        double[] keptFractions = kept == null ? CutRow.DEFAULT_KEPT : kept.stream().mapToDouble(Double::doubleValue).toArray();
        StudyConfig c = new StudyConfig(scores, sets, new SignalRegion(resonant, sr.get(0), sr.get(1)), label, trainFraction, keptFractions,
                noScans ? new int[0] : depths.stream().mapToInt(Integer::intValue).toArray(),
                noScans ? new int[0] : latents.stream().mapToInt(Integer::intValue).toArray(), scanInputs, epochs,
                huberDelta, seeds, c0(cathodeInputs, sets));
        Table t = TableFiles.read(new TableFiles.Source(events, key, names));
        if (names == null && t.names().equals(Table.defaultNames(t.columnCount()))) {
            t = t.renamed(EventsInputs.namesFromSettingsBeside(events, t.columnCount()));
        }
        SignificanceStudy.check(t, c);
        System.out.println("seeds " + seeds + "; " + t.rows() + " candidates of " + events + "; signal region " + c.sr());
        long t0 = System.nanoTime();
        SignificanceStudy.Result r = SignificanceStudy.run(t, c, System.out::println);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "anomalia events significance-study");
        provenance.put("file", events.toString());
        provenance.put("candidates", t.rows());
        provenance.put("seconds", (System.nanoTime() - t0) / 1e9);
        StudyOutput.write(out, r, c, provenance);
        System.out.println("best S/sqrt(S+B) improvement, mean (sd) over seeds " + seeds + ":");
        for (StudyOutput.Summary s : StudyOutput.summarize(r)) {
            System.out.printf("  %-40s %s (%s)%n", s.key(), fmt(s.mean()), fmt(s.sd()));
        }
        System.out.println("wrote " + out.resolve("study.json") + " and " + out.resolve("report.html"));
    }

    /** The CATHODE input sets that exist (the default 'derived' is dropped silently when the user names other sets). */
    private List<String> c0(List<String> asked, Map<String, List<String>> sets) {
        if (inputSets != null && asked.equals(List.of("derived")) && !sets.containsKey("derived")) return List.of();
        return asked;
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.2f", v) : "-";
    }
}
