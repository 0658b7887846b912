package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5's bad-input list, for every events subcommand (generate, idealized, supervised, cwola,
 * anode, cathode, evaluate, train, score): a missing or misspelt column (the message
 * lists the available ones), a signal region outside the data's range, no events in the signal
 * region or the sidebands, labels that are not 0/1, non-finite rows, a corrupt file, bad weights.
 * Each must end with exit code 2 and one line on stderr that names the file or option — before
 * anything is trained (nothing on stdout) and before anything is written (--out not created).
 */
class EventsBadInputTest {
    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    private static final SignalRegion SR = new SignalRegion("mjj", 3.3, 3.7);

    @BeforeAll
    static void files() throws IOException {
        Table data = new DijetGenerator(DijetModel.lhcoLike(1000).withSignalToBackground(0.3)).generate(1);
        write("data.csv", data);
        write("bkg.csv", new DijetGenerator(DijetModel.lhcoLike(1000).withSignalToBackground(0)).generate(2));
        write("gap.csv", data.filter(not(inRegion(data))));
        write("eval.csv", data);
        write("sronly.csv", data.filter(inRegion(data)));
        boolean[] srAndFiveSideband = inRegion(data);
        double[] mjj = data.column("mjj");
        for (int i = 0, added = 0; i < mjj.length && added < 5; i++) {
            if (!srAndFiveSideband[i] && mjj[i] >= 3.1 && mjj[i] < 3.9) {
                srAndFiveSideband[i] = true;
                added++;
            }
        }
        write("few.csv", data.filter(srAndFiveSideband));
        double[] label = data.column("label").clone();
        label[7] = 2;
        write("badlabel.csv", data.drop(List.of("label")).withColumn("label", label));
        double[] w = new double[data.rows()];
        Arrays.fill(w, 1.0);
        write("weighted.csv", data.withColumn("w", w));
        write("zeroweight.csv", data.withColumn("w", new double[data.rows()]));
        double[] nanWeight = w.clone();
        nanWeight[13] = Double.NaN;
        write("nanweight.csv", data.withColumn("w", nanWeight));
        double[] negative = w.clone();
        negative[11] = -0.5;
        write("negweight.csv", data.withColumn("w", negative));
        write("nofeature.csv", data.drop(List.of("tau21_j2")));
        write("scores.csv", new Table("scores", List.of("score"), new double[][] {data.column("mj1")}));
        Table bkg = TableFiles.read(dir.resolve("bkg.csv"));
        write("bkgscores.csv", new Table("scores", List.of("score"), new double[][] {bkg.column("mj1")}));
        TableFiles.write(dir.resolve("data.npy"), data);

        List<String> lines = Files.readAllLines(dir.resolve("data.csv"));
        lines.set(5, lines.get(5).replaceFirst(",[^,]*,", ",nan,"));
        Files.write(dir.resolve("nan.csv"), lines);
        List<String> ragged = Files.readAllLines(dir.resolve("data.csv"));
        ragged.set(9, "3.5,0.1,oops");
        Files.write(dir.resolve("ragged.csv"), ragged);
        byte[] npy = Files.readAllBytes(dir.resolve("data.npy"));
        Files.write(dir.resolve("truncated.npy"), Arrays.copyOf(npy, npy.length / 2));
        Files.writeString(dir.resolve("garbage.h5"), "this is not an HDF5 file\n");
        Files.writeString(dir.resolve("empty.csv"), "");
        assertEquals(Main.OK, Main.execute("events", "train", "--data", dir.resolve("data.csv").toString(), "--model", "ae",
                "--epochs", "1", "--out", dir.resolve("ae.model").toString()));
    }

    static Stream<Arguments> cases() {
        String[] ideal = {"events", "idealized", "--data", "{data.csv}", "--background", "{bkg.csv}", "--classifier", "xgboost"};
        String[] sup = {"events", "supervised", "--signal", "{data.csv}", "--background", "{bkg.csv}", "--eval", "{eval.csv}"};
        String[] cwola = {"events", "cwola", "--data", "{data.csv}", "--sr", "3.3,3.7"};
        String[] anode = {"events", "anode", "--data", "{data.csv}", "--sr", "3.3,3.7", "--fast"};
        String[] cathode = {"events", "cathode", "--data", "{data.csv}", "--sr", "3.3,3.7", "--fast"};
        String[] ranode = {"events", "ranode", "--data", "{data.csv}", "--sr", "3.3,3.7", "--fast"};
        String[] lacathode = {"events", "lacathode", "--data", "{data.csv}", "--sr", "3.3,3.7", "--fast"};
        String[] eval = {"events", "evaluate", "--scores", "{scores.csv}", "--events", "{data.csv}"};
        String[] gen = {"events", "generate", "--background-events", "1000"};
        String[] train = {"events", "train", "--data", "{data.csv}", "--model", "ae", "--epochs", "1"};
        String[] score = {"events", "score", "--model", "{ae.model}", "--events", "{eval.csv}"};
        return Stream.of(
                // missing or misspelt columns: the message lists the available ones
                c("idealized misspelt feature", "no column 'tau21'; available columns: mjj, mj1", ideal, "--features", "mj1,tau21"),
                c("idealized feature missing in --eval", "nofeature.csv: no column 'tau21_j2'", ideal, "--eval", "{nofeature.csv}"),
                c("idealized feature missing in --background", "nofeature.csv: no column 'tau21_j2'",
                        swap(ideal, "{bkg.csv}", "{nofeature.csv}")),
                c("supervised misspelt resonant", "no column 'mass'; available columns", sup, "--resonant", "mass", "--sr", "3.3,3.7"),
                c("supervised misspelt label", "no column 'truth'; available columns", sup, "--label", "truth"),
                c("cwola misspelt resonant", "no column 'm_jj'; available columns", cwola, "--resonant", "m_jj"),
                c("anode misspelt feature", "no column 'mj2'; available columns", anode, "--features", "mj1,mj2"),
                c("cathode misspelt weight", "no column 'weight'; available columns", cathode, "--weight", "weight"),
                c("evaluate misspelt score column", "scores.csv: no column 'scores'; available columns: score", eval,
                        "--score-column", "scores"),
                c("evaluate misspelt label", "no column 'truth'; available columns", eval, "--label", "truth"),
                c("npy without names", "stores no column names; pass them with --names",
                        swap(ideal, "{data.csv}", "{data.npy}")),
                c("names of the wrong length", "2 column names given", swap(ideal, "{data.csv}", "{data.npy}"), "--names", "a,b"),

                // a signal region outside the data's range
                c("idealized SR outside", "lies outside the data's range of 'mjj'", ideal, "--sr", "8,9"),
                c("supervised SR outside", "lies outside the data's range of 'mjj'", sup, "--sr", "8,9"),
                c("cwola SR outside", "lies outside the data's range of 'mjj'", swap(cwola, "3.3,3.7", "8,9")),
                c("anode SR outside", "lies outside the data's range of 'mjj'", swap(anode, "3.3,3.7", "8,9")),
                c("lacathode SR outside", "lies outside the data's range of 'mjj'", swap(lacathode, "3.3,3.7", "8,9")),
                c("lacathode misspelt feature", "no column 'mj2'; available columns", lacathode, "--features", "mj1,mj2"),
                c("lacathode empty SR", "gap.csv: no events in the signal region", swap(lacathode, "{data.csv}", "{gap.csv}")),
                c("lacathode empty sidebands", "sronly.csv: no events in the sidebands", swap(lacathode, "{data.csv}", "{sronly.csv}")),
                c("lacathode oversampling 0", "--oversampling must be at least 1", lacathode, "--oversampling", "0"),
                c("ranode SR outside", "lies outside the data's range of 'mjj'", swap(ranode, "3.3,3.7", "8,9")),
                c("ranode misspelt feature", "no column 'mj2'; available columns", ranode, "--features", "mj1,mj2"),
                c("ranode empty sidebands", "sronly.csv: no events in the sidebands", swap(ranode, "{data.csv}", "{sronly.csv}")),
                c("ranode NaN", "nan.csv: 1 row(s) hold non-finite values", swap(ranode, "{data.csv}", "{nan.csv}")),
                c("ranode initial fraction", "--initial-fraction must be in (0, 1)", ranode, "--initial-fraction", "1"),
                c("ranode signal epochs", "--signal-epochs must be at least 1", ranode, "--signal-epochs", "0"),
                c("ranode starts", "--starts must be at least 1", ranode, "--starts", "0"),
                c("cathode SR outside", "lies outside the data's range of 'mjj'", swap(cathode, "3.3,3.7", "8,9")),
                c("evaluate SR outside", "lies outside the data's range of 'mjj'", eval, "--sr", "8,9"),
                c("generate SR outside the mjj range", "must lie inside the mjj range", gen, "--sr", "7,8"),
                c("generate unknown --model", "--model: unknown generator model 'pythia'; choose one of [lhco, toy]", gen, "--model", "pythia"),
                c("SR edges reversed", "must exceed lower edge", swap(cwola, "3.3,3.7", "3.7,3.3")),

                // no events in the signal region or the sidebands
                c("idealized empty SR", "gap.csv: no events in the signal region", swap(ideal, "{data.csv}", "{gap.csv}"), "--sr", "3.3,3.7"),
                c("supervised empty SR of --eval", "gap.csv: no events in the signal region", swap(sup, "{eval.csv}", "{gap.csv}"),
                        "--sr", "3.3,3.7"),
                c("cwola empty SR", "gap.csv: no events in the signal region", swap(cwola, "{data.csv}", "{gap.csv}")),
                c("cwola empty sidebands", "sronly.csv: no events in the sidebands", swap(cwola, "{data.csv}", "{sronly.csv}")),
                c("anode empty SR", "gap.csv: no events in the signal region", swap(anode, "{data.csv}", "{gap.csv}")),
                c("anode empty sidebands", "sronly.csv: no events in the sidebands", swap(anode, "{data.csv}", "{sronly.csv}")),
                c("cathode empty sidebands", "sronly.csv: no events in the sidebands", swap(cathode, "{data.csv}", "{sronly.csv}")),
                c("cathode empty SR of --eval", "gap.csv: no events in the signal region", cathode, "--eval", "{gap.csv}"),
                c("evaluate empty SR", "gap.csv: no events in the signal region", swap(eval, "{data.csv}", "{gap.csv}"), "--sr", "3.3,3.7"),

                c("idealized too few events", "data events; a model needs at least 10 (widen --sr?)", ideal, "--sr", "3.5,3.52"),
                c("cwola too few sideband events", "only 5 sideband events; a model needs at least 10",
                        swap(cwola, "{data.csv}", "{few.csv}")),

                // labels that are not 0/1
                c("idealized labels of --eval", "badlabel.csv: label column 'label' holds 2.0 in row 7", ideal, "--eval", "{badlabel.csv}"),
                c("idealized labels of the data", "badlabel.csv: label column 'label' holds 2.0 in row 7", swap(ideal, "{data.csv}", "{badlabel.csv}")),
                c("supervised labels", "badlabel.csv: label column 'label' holds 2.0", swap(sup, "{eval.csv}", "{badlabel.csv}")),
                c("cwola labels", "badlabel.csv: label column 'label' holds 2.0", swap(cwola, "{data.csv}", "{badlabel.csv}")),
                c("anode labels", "badlabel.csv: label column 'label' holds 2.0", anode, "--eval", "{badlabel.csv}"),
                c("cathode labels", "badlabel.csv: label column 'label' holds 2.0", swap(cathode, "{data.csv}", "{badlabel.csv}")),
                c("evaluate labels", "badlabel.csv: label column 'label' holds 2.0", swap(eval, "{data.csv}", "{badlabel.csv}")),
                c("evaluate one class", "no signal (label 1) events", swap(eval, "{scores.csv}", "{bkgscores.csv}", "{data.csv}", "{bkg.csv}")),

                // non-finite rows
                c("idealized NaN", "nan.csv: 1 row(s) hold non-finite values", swap(ideal, "{bkg.csv}", "{nan.csv}")),
                c("supervised NaN in --eval", "nan.csv: 1 row(s) hold non-finite values", swap(sup, "{eval.csv}", "{nan.csv}")),
                c("cwola NaN", "nan.csv: 1 row(s) hold non-finite values", swap(cwola, "{data.csv}", "{nan.csv}")),
                c("anode NaN", "nan.csv: 1 row(s) hold non-finite values", swap(anode, "{data.csv}", "{nan.csv}")),
                c("cathode NaN", "nan.csv: 1 row(s) hold non-finite values", swap(cathode, "{data.csv}", "{nan.csv}")),
                c("evaluate NaN", "nan.csv: 1 row(s) hold non-finite values", swap(eval, "{data.csv}", "{nan.csv}")),

                // corrupt files
                c("idealized truncated npy", "truncated.npy: truncated .npy file", swap(ideal, "{data.csv}", "{truncated.npy}")),
                c("supervised garbage HDF5", "garbage.h5: cannot read HDF5", swap(sup, "{bkg.csv}", "{garbage.h5}")),
                c("cwola ragged CSV", "ragged.csv: line", swap(cwola, "{data.csv}", "{ragged.csv}")),
                c("anode empty CSV", "empty.csv: empty CSV file", swap(anode, "{data.csv}", "{empty.csv}")),
                c("cathode missing file", "missing.csv: file not found", swap(cathode, "{data.csv}", "{missing.csv}")),
                c("evaluate corrupt scores", "truncated.npy: truncated .npy file", swap(eval, "{scores.csv}", "{truncated.npy}")),
                c("unknown format", "data.txt: unknown table format 'txt'", swap(ideal, "{bkg.csv}", "{data.txt}")),
                c("generate unknown output format", "cannot write format 'txt'", gen, "--out", "{out}/events.txt"),

                // weights: negative ones are refused for training, a missing column is named
                c("idealized negative weight", "negweight.csv: weight column 'w' holds -0.5 in row 11",
                        swap(ideal, "{data.csv}", "{negweight.csv}", "{bkg.csv}", "{weighted.csv}"), "--weight", "w"),
                c("cwola negative weight", "negweight.csv: weight column 'w' holds -0.5 in row 11",
                        swap(cwola, "{data.csv}", "{negweight.csv}"), "--weight", "w"),
                c("idealized NaN weight", "nanweight.csv: 1 row(s) hold non-finite values, first row 13 column 'w' = NaN",
                        swap(ideal, "{bkg.csv}", "{nanweight.csv}"), "--weight", "w"),
                c("evaluate NaN weight", "nanweight.csv: 1 row(s) hold non-finite values, first row 13 column 'w' = NaN",
                        swap(eval, "{data.csv}", "{nanweight.csv}"), "--weight", "w"),
                c("idealized background weights sum to 0", "zeroweight.csv: the weights 'w' of the background events sum to 0.0",
                        swap(ideal, "{bkg.csv}", "{zeroweight.csv}"), "--weight", "w"),
                c("supervised weight column in no file", "eval.csv: no column 'w'; available columns", sup, "--weight", "w"),
                c("evaluate weight column missing", "data.csv: no column 'w'; available columns", eval, "--weight", "w"),

                // the unsupervised scores: train and score
                c("train misspelt feature", "no column 'tau_21'; available columns", train, "--features", "mj1,tau_21"),
                c("train misspelt weight", "data.csv: no column 'wt'; available columns", train, "--weight", "wt"),
                c("train SR outside", "lies outside the data's range of 'mjj'", train, "--sr", "8,9"),
                c("train empty SR", "gap.csv: no events in the signal region", swap(train, "{data.csv}", "{gap.csv}"), "--sr", "3.3,3.7"),
                c("train labels", "badlabel.csv: label column 'label' holds 2.0", swap(train, "{data.csv}", "{badlabel.csv}")),
                c("train NaN", "nan.csv: 1 row(s) hold non-finite values", swap(train, "{data.csv}", "{nan.csv}")),
                c("train corrupt file", "truncated.npy: truncated .npy file", swap(train, "{data.csv}", "{truncated.npy}")),
                c("train unknown model", "pca", swap(train, "ae", "pca")),
                c("score misspelt label", "no column 'truth'; available columns", score, "--label", "truth"),
                c("score events without a model feature", "nofeature.csv: no column 'tau21_j2'", swap(score, "{eval.csv}", "{nofeature.csv}")),
                c("score SR outside", "lies outside the data's range of 'mjj'", score, "--sr", "8,9"),
                c("score empty SR", "gap.csv: no events in the signal region", swap(score, "{eval.csv}", "{gap.csv}"), "--sr", "3.3,3.7"),
                c("score labels", "badlabel.csv: label column 'label' holds 2.0", swap(score, "{eval.csv}", "{badlabel.csv}")),
                c("score NaN", "nan.csv: 1 row(s) hold non-finite values", swap(score, "{eval.csv}", "{nan.csv}")),
                c("score corrupt events", "truncated.npy: truncated .npy file", swap(score, "{eval.csv}", "{truncated.npy}")),
                c("score corrupt model", "garbage.h5", swap(score, "{ae.model}", "{garbage.h5}")),
                c("score missing model", "missing.model", swap(score, "{ae.model}", "{missing.model}")),
                c("score FPR floor", "--fpr-floor must be in [0, 1)", score, "--fpr-floor", "-1"),

                // options
                c("folds", "--folds must be at least 2", ideal, "--folds", "0"),
                c("one fold", "--folds must be at least 2", ideal, "--folds", "1"),
                c("FPR floor", "--fpr-floor must be in [0, 1)", cathode, "--fpr-floor", "2"),
                c("--out is a file", "scores.csv: exists and is not a directory", ideal, "--out", "{scores.csv}"),
                c("classifier", "--classifier forest: use mlp or xgboost", swap(ideal, "xgboost", "forest")),
                c("flow epochs", "--flow-epochs must be at least 1", anode, "--flow-epochs", "0"),
                c("cwola without SR", "cwola needs a signal region", Arrays.copyOf(cwola, 4)),
                c("generate negative events", "must not be negative", swap(gen, "1000", "-5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneLineExitTwoAndNothingWritten(String name, String expected, String[] args) throws IOException {
        Path out = dir.resolve("out-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
        String outArg = switch (args[1]) {
            case "generate" -> "{out}/events.csv";
            case "train" -> "{out}/ae.model";
            default -> "{out}";
        };
        String[] full = Stream.concat(Stream.of(args), Stream.of("--out", outArg))
                .map(a -> a.replace("{out}", out.toString()))
                .map(a -> a.matches("\\{[^}]+\\}") ? dir.resolve(a.substring(1, a.length() - 1)).toString() : a)
                .toArray(String[]::new);
        if (Arrays.asList(args).contains("--out")) {
            full = Arrays.copyOf(full, full.length - 2); // the case sets its own --out
        }
        UserErrorRun.assertOneLineUserError(name, expected, full);
        if (Files.exists(out)) {
            try (Stream<Path> written = Files.list(out)) {
                assertFalse(written.findAny().isPresent(), "nothing written to " + out);
            }
        }
    }

    private static Arguments c(String name, String expected, String[] base, String... more) {
        String[] args = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        return Arguments.of(name, expected, args);
    }

    /** The arguments with each (from, to) pair replaced. */
    private static String[] swap(String[] args, String... fromTo) {
        String[] out = args.clone();
        for (int p = 0; p < fromTo.length; p += 2) {
            for (int i = 0; i < out.length; i++) {
                if (out[i].equals(fromTo[p])) {
                    out[i] = fromTo[p + 1];
                }
            }
        }
        return out;
    }

    private static boolean[] inRegion(Table t) {
        double[] m = t.column("mjj");
        boolean[] in = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            in[i] = SR.contains(m[i]);
        }
        return in;
    }

    private static boolean[] not(boolean[] b) {
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = !b[i];
        }
        return out;
    }

    private static void write(String name, Table t) {
        TableFiles.write(dir.resolve(name), t);
    }
}
