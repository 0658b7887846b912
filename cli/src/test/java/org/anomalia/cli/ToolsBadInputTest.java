package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.anomalia.data.TableFiles;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.learn.Matrix;
import org.anomalia.learn.model.Autoencoder;
import org.anomalia.learn.train.TrainConfig;
import org.anomalia.learn.nn.Activation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input contract of {@link EventsBadInputTest}, extended to gof (all subcommands), bsll
 * (predict, sample, measurements) and model files: malformed or truncated inputs of every format,
 * covariance problems, options out of range, files from another tool, a directory given as a file,
 * an --out that is a file or not writable. Each must end with exit code 2 and one line on stderr
 * naming the file or option, before any work (nothing on stdout), and leave an earlier output as it was.
 */
class ToolsBadInputTest {
    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    private static final String EARLIER = "an earlier run's output";

    @BeforeAll
    static void files() throws IOException {
        w("good.json", "{\"observables\": [\"a\", \"b\"], \"central\": [0.1, -0.2], \"covariance\": [[0.04, 0.01], [0.01, 0.09]]}");
        w("notpd.json", "{\"observables\": [\"a\", \"b\"], \"central\": [0.1, -0.2], \"covariance\": [[0.04, 0.1], [0.1, 0.09]]}");
        w("asym.json", "{\"observables\": [\"a\", \"b\"], \"central\": [0.1, -0.2], \"covariance\": [[0.04, 0.01], [0.02, 0.09]]}");
        w("sizes.json", "{\"observables\": [\"a\", \"b\"], \"central\": [0.1, -0.2, 0.3], \"covariance\": [[0.04, 0.01], [0.01, 0.09]]}");
        w("nancentral.json", "{\"observables\": [\"a\", \"b\"], \"central\": [0.1, \"nan\"], \"covariance\": [[0.04, 0.01], [0.01, 0.09]]}");
        w("truncated.json", "{\"observables\": [\"a\", \"b\"], \"central\": [0.1, -0.2], \"covar");
        w("garbage.yaml", "values: [unclosed\n  - {name: : :\n");
        w("empty.json", "");
        w("other.json", "{\"settings\": {\"seed\": 1}, \"sha256\": \"abc\"}");
        StringBuilder s = new StringBuilder("a,b\n");
        Random rng = new Random(3);
        for (int i = 0; i < 400; i++) {
            double nu = rng.nextGaussian();
            s.append(0.3 * nu).append(',').append(-0.2 * nu + 0.05 * rng.nextGaussian()).append('\n');
        }
        w("samples.csv", s.toString());
        w("wrongcols.csv", s.toString().replaceFirst("a,b", "x,y"));
        w("nan.csv", s.toString().replaceFirst("\n[^\n]*\n", "\nnan,0.1\n"));
        w("ragged.csv", s.toString().replaceFirst("\n[^\n]*\n", "\n0.1,0.2,0.3\n"));
        w("emptysamples.csv", "");
        w("fewsamples.csv", "a,b\n0.1,0.2\n");
        Files.createDirectories(dir.resolve("adir"));
        w("params.csv", "alpha_s\n0.118\n0.119\n");
        w("badparams.csv", "not_a_parameter\n1\n");
        w("textparams.csv", "alpha_s\nlots\n");
        Files.writeString(dir.resolve("file.txt"), "a plain file");
        // a lock whose measurement file is gone: found before anything is printed
        w("moved.lock.json", "{\"anomalia_lock\": 1, \"inputs\": {}, \"models_sha256\": \"00\", \"settings\": {\"samples\": null, \"beta\": 1,"
                + " \"latent\": 2, \"hidden\": 8, \"epochs\": 1, \"iwae_k\": 2, \"seed\": 1, \"exp_cov_scale\": 1, \"observables\": [], \"bins\": [],"
                + " \"measurement\": \"" + dir.resolve("gone.json") + "\", \"theory_samples\": \"" + dir.resolve("samples.csv") + "\","
                + " \"drop_nonfinite\": false, \"learning_rate\": 0.003, \"clip_norm\": 10, \"hypothesis\": \"SM\"}}");

        TableFiles.write(dir.resolve("events.csv"), new DijetGenerator(DijetModel.lhcoLike(600).withSignalToBackground(0.3)).generate(1));
        assertEquals(Main.OK, Main.execute("-q", "events", "train", "--data", dir.resolve("events.csv").toString(), "--model", "ae",
                "--epochs", "1", "--out", dir.resolve("ae.model").toString()));
        byte[] model = Files.readAllBytes(dir.resolve("ae.model"));
        Files.write(dir.resolve("truncated.model"), Arrays.copyOf(model, model.length / 2));
        Files.write(dir.resolve("header.model"), Arrays.copyOf(model, 12));
        Files.write(dir.resolve("empty.model"), new byte[0]);
        // a model file of this tool, but a plain autoencoder of the learning engine, not an event score
        float[] x = new float[200 * 5];
        Random r = new Random(1);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        Autoencoder plain = new Autoencoder(new Autoencoder.Config(5, new int[] {4}, 2, Activation.RELU), 1);
        plain.fit(new Matrix(200, 5, x), new TrainConfig().withEpochs(1).withSeed(1).withProgress(false));
        plain.save(dir.resolve("plain-ae.model"));
        Files.write(dir.resolve("torch.pt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 8, 0});
        TableFiles.write(dir.resolve("table.npy"), TableFiles.read(dir.resolve("samples.csv")));
        try (InputStream in = ToolsBadInputTest.class.getResourceAsStream("/org/anomalia/flavour/measurements/lhcb2020_bkstarmumu_pbasis.yaml")) {
            Files.write(dir.resolve("lhcb.yaml"), in.readAllBytes());
        }
    }

    private static void w(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    static Stream<Arguments> cases() {
        String[] gof = {"gof", "--measurement", "{good.json}", "--theory-samples", "{samples.csv}", "--epochs", "1"};
        String[] power = {"gof", "--measurement", "{good.json}", "--theory-samples", "{samples.csv}", "--epochs", "1", "power", "--pseudo", "100"};
        String[] profile = {"gof", "--samples", "100", "--epochs", "1", "profile", "--np-grid", "C9=-1:0:3", "--toys", "0"};
        String[] tune = {"gof", "--measurement", "{good.json}", "--theory-samples", "{samples.csv}", "tune", "--pseudo", "100",
                "--beta-grid", "1", "--latent-grid", "2", "--epochs-grid", "1"};
        String[] predict = {"bsll", "predict", "--observables", "FL", "--bins", "1.1-2.5"};
        String[] sample = {"bsll", "sample", "--n", "50", "--observables", "FL", "--bins", "1.1-2.5"};
        String[] score = {"events", "score", "--model", "{ae.model}", "--events", "{events.csv}"};
        String[] train = {"events", "train", "--data", "{events.csv}", "--model", "ae", "--epochs", "1"};
        String[] cwola = {"events", "cwola", "--data", "{events.csv}", "--sr", "3.3,3.7", "--classifier", "xgboost"};
        String[] gen = {"events", "generate", "--background-events", "500"};
        return Stream.of(
                // gof: measurement files
                c("gof missing measurement", "--measurement", swap(gof, "{good.json}", "{missing.json}")),
                c("gof measurement is a directory", "adir is a directory; give a file", swap(gof, "{good.json}", "{adir}")),
                c("gof measurement not positive definite", "notpd.json", swap(gof, "{good.json}", "{notpd.json}")),
                c("gof measurement asymmetric covariance", "asym.json", swap(gof, "{good.json}", "{asym.json}")),
                c("gof measurement sizes differ", "sizes.json: field 'central' has 3 values", swap(gof, "{good.json}", "{sizes.json}")),
                c("gof measurement NaN central", "nancentral.json", swap(gof, "{good.json}", "{nancentral.json}")),
                c("gof measurement truncated", "truncated.json: not valid JSON", swap(gof, "{good.json}", "{truncated.json}")),
                c("gof measurement garbage YAML", "garbage.yaml: not valid YAML", swap(gof, "{good.json}", "{garbage.yaml}")),
                c("gof measurement empty", "empty.json: the file is empty", swap(gof, "{good.json}", "{empty.json}")),
                c("gof measurement from another tool", "other.json", swap(gof, "{good.json}", "{other.json}")),
                // gof: theory samples
                c("gof missing samples", "missing.csv", swap(gof, "{samples.csv}", "{missing.csv}")),
                c("gof samples are a directory", "adir is a directory; give a file", swap(gof, "{samples.csv}", "{adir}")),
                c("gof samples other names", "wrongcols.csv: no column for 2 of the 2 measured values", swap(gof, "{samples.csv}", "{wrongcols.csv}")),
                c("gof samples NaN", "nan.csv: 1 of 400 rows hold non-finite values", swap(gof, "{samples.csv}", "{nan.csv}")),
                c("gof samples ragged", "ragged.csv: line", swap(gof, "{samples.csv}", "{ragged.csv}")),
                c("gof samples empty", "emptysamples.csv: empty CSV file", swap(gof, "{samples.csv}", "{emptysamples.csv}")),
                c("gof samples the measurement", "good.json", swap(gof, "{samples.csv}", "{good.json}")),
                c("gof measurement without samples", "--measurement and --theory-samples go together", Arrays.copyOf(gof, 3)),
                // gof: options
                c("gof epochs 0", "--epochs must be at least 1", swap(gof, "1", "0")),
                c("gof latent 0", "--latent must be at least 1", gof, "--latent", "0"),
                c("gof beta negative", "--beta must be a positive number", gof, "--beta", "-1"),
                c("gof lr too big", "--lr must be a number in (0, 1]", gof, "--lr", "2"),
                c("gof samples 0", "--samples must be positive", gof, "--samples", "0"),
                c("gof iwae-k 0", "--iwae-k must be at least 1", gof, "--iwae-k", "0"),
                c("gof exp-cov-scale 0", "--exp-cov-scale must be a positive number", gof, "--exp-cov-scale", "0"),
                c("gof clip negative", "--clip must be a non-negative number", gof, "--clip", "-1"),
                c("gof unknown observable", "XX", "gof", "--observables", "FL,XX", "--epochs", "1"),
                c("gof reversed bin", "--bins", "gof", "--bins", "6-4", "--epochs", "1"),
                c("gof unknown Wilson coefficient", "C11", "gof", "--np", "C11=1", "--epochs", "1"),
                c("gof cov-uncertainty spec", "--cov-uncertainty", gof, "--cov-uncertainty", "gamma:3"),
                c("gof cov-draws 1", "--cov-draws must be at least 2", gof, "--cov-uncertainty", "wishart:50", "--cov-draws", "1"),
                c("gof blind and unblind", "--blind and --unblind exclude each other", gof, "--blind", "--unblind", "{good.json}"),
                c("gof unblind missing lock", "missing.lock.json", gof, "--unblind", "{missing.lock.json}"),
                c("gof unblind lock is a directory", "adir is a directory; give a file", gof, "--unblind", "{adir}"),
                c("gof unblind lock from another tool", "good.json", gof, "--unblind", "{good.json}"),
                c("gof --out is a file", "file.txt: exists and is not a directory", gof, "--out", "{file.txt}"),
                c("gof unblind lock of moved inputs", "--measurement", gof, "--unblind", "{moved.lock.json}"),
                c("gof --out not writable", "file.txt is a file, not a directory", gof, "--out", "{file.txt}/report"),
                // gof subcommands
                c("power pseudo 10", "--pseudo must be at least 100", swap(power, "100", "10")),
                c("power negative size", "--mahalanobis", power, "--mahalanobis", "-1"),
                c("power direction unknown observable", "zz", power, "--direction", "zz=1"),
                c("power --out is a file", "file.txt: exists and is not a directory", power, "--out", "{file.txt}"),
                c("power --out not writable", "file.txt is a file, not a directory", power, "--out", "{file.txt}/p"),
                c("power measurement is a directory", "adir is a directory; give a file", swap(power, "{good.json}", "{adir}")),
                c("profile grid syntax", "--np-grid", swap(profile, "C9=-1:0:3", "C9=-1:0")),
                c("profile toys negative", "--toys", swap(profile, "0", "-1")),
                c("profile --out not writable", "file.txt is a file, not a directory", profile, "--out", "{file.txt}/p"),
                c("tune latent grid 0", "--latent-grid values must be at least 1", swap(tune, "2", "0")),
                c("tune pseudo 10", "--pseudo must be at least 100", swap(tune, "100", "10")),
                c("tune --out is a file", "file.txt: exists and is not a directory", tune, "--out", "{file.txt}"),
                // bsll predict
                c("predict threads 0", "--threads must be at least 1", predict, "--threads", "0"),
                c("predict threads 0 with draws", "--threads must be at least 1", predict, "--threads", "0", "--uncertainty", "20"),
                c("predict uncertainty 1", "--uncertainty needs at least 2 draws", predict, "--uncertainty", "1"),
                c("predict unknown observable", "XX", swap(predict, "FL", "XX")),
                c("predict reversed bin", "2.5-1.1", swap(predict, "1.1-2.5", "2.5-1.1")),
                c("predict charmonium", "charmonium", swap(predict, "1.1-2.5", "8-11")),
                c("predict bad new physics", "--np", predict, "--np", "C9=abc"),
                c("predict unknown fixed parameter", "no_such_parameter", predict, "--fix", "no_such_parameter"),
                c("predict --out is a directory", "adir is a directory; give a file name", predict, "--out", "{adir}"),
                c("predict --out not writable", "file.txt is a file, not a directory", predict, "--out", "{file.txt}/p.csv"),
                c("predict unknown format", "--format", predict, "--format", "xml"),
                // bsll sample
                c("sample n 0", "--n must be at least 1", swap(sample, "50", "0")),
                c("sample threads 0", "--threads must be at least 1", sample, "--threads", "0"),
                c("sample --out format", "use a .csv or .npy file name", sample, "--out", "{out}/s.txt"),
                c("sample --out is a directory", "adir is a directory; give a file name", sample, "--out", "{adir}"),
                c("sample --out not writable", "file.txt is a file, not a directory", sample, "--out", "{file.txt}/s.csv"),
                c("sample params missing", "missing.csv", "bsll", "sample", "--params", "{missing.csv}"),
                c("sample params is a directory", "adir is a directory; give a file", "bsll", "sample", "--params", "{adir}"),
                c("sample params unknown name", "not_a_parameter", "bsll", "sample", "--params", "{badparams.csv}"),
                c("sample params not numbers", "textparams.csv", "bsll", "sample", "--params", "{textparams.csv}"),
                c("sample params from another tool", "ae.model", "bsll", "sample", "--params", "{ae.model}"),
                c("sample unknown observable", "XX", swap(sample, "FL", "XX")),
                c("measurements unknown option", "--name", "bsll", "measurements", "--name", "x"),
                // model files
                c("score truncated model", "truncated.model", swap(score, "{ae.model}", "{truncated.model}")),
                c("score model cut in the header", "header.model", swap(score, "{ae.model}", "{header.model}")),
                c("score empty model", "empty.model", swap(score, "{ae.model}", "{empty.model}")),
                c("score model of another kind", "plain-ae.model holds a autoencoder without event-score settings", swap(score, "{ae.model}", "{plain-ae.model}")),
                c("score model from another tool", "torch.pt", swap(score, "{ae.model}", "{torch.pt}")),
                c("score a table as model", "table.npy", swap(score, "{ae.model}", "{table.npy}")),
                c("score model is a directory", "adir is a directory; give a file", swap(score, "{ae.model}", "{adir}")),
                c("score events are a directory", "adir is a directory; give a file", swap(score, "{events.csv}", "{adir}")),
                c("score a model as events", "ae.model", swap(score, "{events.csv}", "{ae.model}")),
                c("train --out is a directory", "adir is a directory; give a file name", train, "--out", "{adir}"),
                c("train --out not writable", "file.txt is a file, not a directory", train, "--out", "{file.txt}/m.model"),
                c("train latent 0", "--latent must be at least 1", train, "--latent", "0"),
                c("train draws 0", "--draws must be at least 1", swap(train, "ae", "vae"), "--draws", "0"),
                c("train flow blocks 0", "--flow-blocks must be at least 1", swap(train, "ae", "flow"), "--flow-blocks", "0"),
                c("train lr negative", "--lr must be positive", train, "--lr", "-0.1"),
                c("train data is a directory", "adir is a directory; give a file", swap(train, "{events.csv}", "{adir}")),
                // events options the issue lists
                c("cwola one fold", "--folds must be at least 2", cwola, "--folds", "1"),
                c("cwola negative sideband width", "--sideband-width must not be negative", cwola, "--sideband-width", "-0.1"),
                c("anode negative sideband width", "--sideband-width must not be negative", "events", "anode", "--data", "{events.csv}",
                        "--sr", "3.3,3.7", "--fast", "--sideband-width", "-1"),
                c("cwola --out not writable", "file.txt is a file, not a directory", cwola, "--out", "{file.txt}/o"),
                c("generate negative S/B", "--s-over-b must not be negative", gen, "--s-over-b", "-0.1"),
                c("generate zero width", "--width (of the resonance in mjj, TeV) must be positive", gen, "--width", "0"),
                c("generate --out not writable", "file.txt is a file, not a directory", gen, "--out", "{file.txt}/e.csv"),
                c("generate --out is a directory", "adir is a directory; give a file name", gen, "--out", "{adir}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithOneLineExitTwoAndTheEarlierOutputIntact(String name, String expected, String[] args) throws IOException {
        Path out = dir.resolve("out-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
        Files.createDirectories(out);
        List<String> cmd = Arrays.asList(args);
        String outArg = null;
        if (!cmd.contains("--out")) {
            if (cmd.get(0).equals("gof") || cmd.contains("score") || cmd.contains("cwola") || cmd.contains("anode")) outArg = "{out}";
            else if (cmd.contains("sample") || cmd.contains("generate")) outArg = "{out}/s.csv";
            else if (cmd.contains("train")) outArg = "{out}/m.model";
            else if (cmd.contains("predict")) outArg = "{out}/p.csv";
        }
        // an earlier run's output, which a failed run must leave as it was
        Path earlier = out.resolve(outArg != null && outArg.endsWith("}") ? "earlier.txt" : outArg == null ? "earlier.txt"
                : outArg.substring(outArg.lastIndexOf('/') + 1));
        Files.writeString(earlier, EARLIER);
        Stream<String> all = outArg == null ? Stream.of(args) : Stream.concat(Stream.of(args), Stream.of("--out", outArg));
        String[] full = all.map(a -> a.replace("{out}", out.toString()))
                .map(a -> a.replaceAll("\\{([^}]+)\\}", dir.toString().replace("\\", "\\\\") + "/$1"))
                .toArray(String[]::new);
        UserErrorRun.assertOneLineUserError(name, expected, full);
        try (Stream<Path> written = Files.list(out)) {
            assertEquals(List.of(earlier), written.toList(), "nothing else written to " + out);
        }
        assertEquals(EARLIER, Files.readString(earlier), "the earlier output is intact");
        assertEquals("a plain file", Files.readString(dir.resolve("file.txt")));
    }

    private static Arguments c(String name, String expected, String[] base, String... more) {
        return Arguments.of(name, expected, Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    private static Arguments c(String name, String expected, String... args) {
        return Arguments.of(name, expected, args);
    }

    /** The arguments with each (from, to) pair replaced. */
    private static String[] swap(String[] args, String... fromTo) {
        String[] out = args.clone();
        for (int p = 0; p < fromTo.length; p += 2) {
            for (int i = 0; i < out.length; i++) {
                if (out[i].equals(fromTo[p])) out[i] = fromTo[p + 1];
            }
        }
        return out;
    }
}
