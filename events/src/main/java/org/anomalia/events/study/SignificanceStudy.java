package org.anomalia.events.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.anomalia.numerics.random.Seeds;
import org.anomalia.data.Table;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.density.Cathode;
import org.anomalia.events.density.CathodeSettings;
import org.anomalia.events.scores.AnomalyScoreModel;
import org.anomalia.events.scores.ScoreKind;
import org.anomalia.events.scores.ScoreSettings;
import org.anomalia.learn.train.TrainingDivergedException;
import org.anomalia.numerics.UserException;

/**
 * Seed 001's performance test: unsupervised scores trained on a share of the candidates (labels
 * never read), applied to the rest; in the signal region of the resonant variable, the signal and
 * background left after cuts keeping the top 50 % … 0.1 % of the candidates, S/√(S+B) and its
 * improvement over no cut — for each score, each input set, and AE depth and latent-size scans, over
 * several seeds. CATHODE (where asked) is trained on the judged candidates themselves (sidebands for
 * the flow, out-of-fold classifier scores in the signal region) on each input set without the
 * resonant variable, with an XGBoost classifier.
 */
public final class SignificanceStudy {
    private SignificanceStudy() {}

    /** One trained score judged on one seed's evaluation candidates. */
    public record Run(long seed, String score, String inputs, int depth, int latent, List<CutRow> cuts, double seconds, String failure) {
        /** The best cut; null when training diverged. */
        public CutRow best() {
            return failure != null ? null : CutRow.best(cuts);
        }

        public double bestImprovement() {
            return failure != null ? Double.NaN : best().improvement();
        }

        public String key() {
            return score + " | " + inputs + (depth > 0 ? " | depth " + depth + ", latent " + latent : "");
        }
    }

    /** A study: every run, and the counts of the evaluation set of each seed. */
    public record Result(List<Run> runs, Map<Long, long[]> signalRegionCounts, Map<Long, double[][]> resonantBeforeAfter) {}

    public static Result run(Table table, StudyConfig c, Consumer<String> log) {
        check(table, c);
        List<Run> runs = new ArrayList<>();
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, double[][]> spectra = new LinkedHashMap<>();
        for (long seed : c.seeds()) {
            int[][] split = split(table.rows(), c.trainFraction(), seed);
            Table train = table.rows(split[0]);
            Table eval = table.rows(split[1]);
            double[] m = eval.column(c.sr().variable());
            double[] lab = eval.column(c.label());
            boolean[] sr = new boolean[m.length];
            int[] labels = new int[m.length];
            int inside = 0;
            long s0 = 0;
            for (int i = 0; i < m.length; i++) {
                sr[i] = c.sr().contains(m[i]);
                labels[i] = (int) lab[i];
                if (sr[i]) {
                    inside++;
                    s0 += labels[i];
                }
            }
            if (inside < 10) throw new UserException(table.source() + ": only " + inside + " judged candidates in the signal region " + c.sr() + "; widen --sr or give more events");
            counts.put(seed, new long[] {train.rows(), eval.rows(), inside, s0, inside - s0});
            log.accept("seed " + seed + ": " + train.rows() + " candidates to train on, " + eval.rows() + " judged, " + inside
                    + " of them in the signal region (" + s0 + " signal)");
            long model = 0;
            for (var inputs : c.inputSets().entrySet()) {
                for (String score : c.scores()) {
                    if (score.equals("cathode")) continue;
                    int depth = score.startsWith("ae-") ? StudyConfig.DEFAULT_DEPTH : 0;
                    int latent = score.startsWith("ae-") || score.equals("vae") ? StudyConfig.DEFAULT_LATENT : 0;
                    long t0 = System.nanoTime();
                    long ms = Seeds.derive(seed, "study model", ++model);
                    double[][] kept = new double[1][];
                    Run r = guarded(seed, score, inputs.getKey(), depth, latent, sr, labels, c, t0, () -> kept[0] =
                            train(score, train, inputs.getValue(), StudyConfig.DEFAULT_DEPTH, StudyConfig.DEFAULT_LATENT, c, ms).score(eval).values());
                    runs.add(r);
                    log.accept(line(r));
                    if (score.equals("ae-mse") && r.failure() == null && !spectra.containsKey(seed)) spectra.put(seed, spectrum(m, kept[0], r.cuts(), c));
                }
                if (c.scores().contains("cathode") && c.cathodeInputs().contains(inputs.getKey())) {
                    long t0 = System.nanoTime();
                    List<String> features = new ArrayList<>(inputs.getValue());
                    features.remove(c.sr().variable());
                    long ms = Seeds.derive(seed, "study model", ++model);
                    Run r = guarded(seed, "cathode", inputs.getKey(), 0, 0, sr, labels, c, t0, () -> cathode(eval, features, c, ms, sr));
                    runs.add(r);
                    log.accept(line(r));
                }
            }
            List<String> scanInputs = c.inputSets().get(c.scanInputs());
            for (int depth : c.depths()) {
                long t0 = System.nanoTime();
                long ms = Seeds.derive(seed, "study model", ++model);
                Run r = guarded(seed, "ae-mse scan", c.scanInputs(), depth, StudyConfig.DEFAULT_LATENT, sr, labels, c, t0,
                        () -> train("ae-mse", train, scanInputs, depth, StudyConfig.DEFAULT_LATENT, c, ms).score(eval).values());
                runs.add(r);
                log.accept(line(r));
            }
            for (int latent : c.latents()) {
                long t0 = System.nanoTime();
                long ms = Seeds.derive(seed, "study model", ++model);
                Run r = guarded(seed, "ae-mse scan", c.scanInputs(), StudyConfig.DEFAULT_DEPTH, latent, sr, labels, c, t0,
                        () -> train("ae-mse", train, scanInputs, StudyConfig.DEFAULT_DEPTH, latent, c, ms).score(eval).values());
                runs.add(r);
                log.accept(line(r));
            }
        }
        return new Result(runs, counts, spectra);
    }

    /** Every named column exists, labels are 0/1, the signal region holds candidates: before any training. */
    public static void check(Table t, StudyConfig c) {
        t.indexOf(c.sr().variable());
        t.labels(c.label());
        for (var e : c.inputSets().entrySet()) {
            for (String col : e.getValue()) {
                if (!t.has(col)) throw new UserException(t.source() + ": input set '" + e.getKey() + "' needs column '" + col
                        + "' (run events features first?); available columns: " + String.join(", ", t.names()));
            }
            if (e.getValue().contains(c.label())) throw new UserException("--inputs: input set '" + e.getKey() + "' contains the label column '" + c.label() + "'");
        }
        int inside = 0;
        for (double v : t.column(c.sr().variable())) if (c.sr().contains(v)) inside++;
        if (inside < 20) throw new UserException(t.source() + ": " + inside + " candidates in the signal region " + c.sr() + "; widen --sr or give more events");
        if (c.scores().contains("cathode") && inside == t.rows()) {
            throw new UserException(t.source() + ": every candidate is in the signal region " + c.sr() + ": CATHODE needs sidebands");
        }
    }

    private static AnomalyScoreModel train(String score, Table train, List<String> features, int depth, int latent, StudyConfig c, long seed) {
        ScoreKind kind = score.startsWith("ae-") ? ScoreKind.AE : score.equals("vae") ? ScoreKind.VAE : ScoreKind.FLOW;
        ScoreSettings s = ScoreSettings.defaults(kind).withEpochs(c.epochs()).withProgress(false);
        if (kind != ScoreKind.FLOW) s = s.withNetwork(StudyConfig.encoderWidths(depth), latent);
        if (kind == ScoreKind.AE) s = s.withLoss(score.substring(3), c.huberDelta());
        return AnomalyScoreModel.train(kind, train, features, s, seed, Map.of("study", score));
    }

    /** Out-of-fold scores in the signal region; outside it, the fold ensemble's (so the cut quantiles are over all candidates). */
    private static double[] cathode(Table eval, List<String> features, StudyConfig c, long seed, boolean[] inSr) {
        double[] m = eval.column(c.sr().variable());
        double[][] rows = eval.toRows(features);
        List<double[]> srX = new ArrayList<>(), sbX = new ArrayList<>();
        List<Double> srM = new ArrayList<>(), sbM = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            if (inSr[i]) {
                srX.add(rows[i]);
                srM.add(m[i]);
            } else {
                sbX.add(rows[i]);
                sbM.add(m[i]);
            }
        }
        CathodeSettings s = CathodeSettings.fast().withClassifier(XgboostTrainer.defaults())
                .withFlow(org.anomalia.events.density.FlowSettings.fast().withEpochs(c.epochs(), Math.min(5, c.epochs())).withProgress(false));
        Cathode.Result r = Cathode.run(srX.toArray(double[][]::new), srM.stream().mapToDouble(Double::doubleValue).toArray(),
                sbX.toArray(double[][]::new), sbM.stream().mapToDouble(Double::doubleValue).toArray(), c.sr().low(), c.sr().high(), s, seed);
        double[] all = new double[m.length];
        double[] sideband = r.score(sbX.toArray(double[][]::new));
        for (int i = 0, j = 0, k = 0; i < m.length; i++) all[i] = inSr[i] ? r.dataScores()[j++] : sideband[k++];
        return all;
    }

    /**
     * Trains and scores; a network whose training diverges (e.g. a flow on four-vectors whose
     * energies are functions of their momenta: a density on a lower-dimensional surface) is recorded
     * as failed with its message instead of ending the whole study.
     */
    private static Run guarded(long seed, String score, String inputs, int depth, int latent, boolean[] sr, int[] labels, StudyConfig c,
            long t0, java.util.function.Supplier<double[]> scores) {
        try {
            double[] all = scores.get();
            return new Run(seed, score, inputs, depth, latent, CutRow.table(all, labels, sr, c.kept()), (System.nanoTime() - t0) / 1e9, null);
        } catch (TrainingDivergedException e) {
            return new Run(seed, score, inputs, depth, latent, List.of(), (System.nanoTime() - t0) / 1e9, e.getMessage());
        }
    }

    /** The resonant variable of all judged candidates, and of those passing the cut that keeps 1 % (or the tightest above). */
    private static double[][] spectrum(double[] m, double[] scores, List<CutRow> cuts, StudyConfig c) {
        double threshold = Double.NEGATIVE_INFINITY;
        for (CutRow r : cuts) if (r.kept() >= 0.01 - 1e-12) threshold = Math.max(threshold, r.threshold());
        List<Double> after = new ArrayList<>();
        for (int i = 0; i < m.length; i++) if (scores[i] >= threshold) after.add(m[i]);
        return new double[][] {m.clone(), after.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static String line(Run r) {
        if (r.failure() != null) return "  seed " + r.seed() + ", " + r.key() + ": FAILED (" + r.failure() + ")";
        CutRow b = r.best();
        return String.format(java.util.Locale.ROOT, "  seed %d, %s: best S/sqrt(S+B) improvement %.2f keeping %.3g (S %d, B %d) in %.1f s",
                r.seed(), r.key(), b.improvement(), b.kept(), b.signal(), b.background(), r.seconds());
    }

    /** Shuffled split: {train indices, evaluation indices}. */
    static int[][] split(int n, double trainFraction, long seed) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int k = (int) Math.round(n * trainFraction);
        int[] train = java.util.Arrays.copyOf(idx, k);
        int[] eval = java.util.Arrays.copyOfRange(idx, k, n);
        java.util.Arrays.sort(train);
        java.util.Arrays.sort(eval);
        return new int[][] {train, eval};
    }
}
