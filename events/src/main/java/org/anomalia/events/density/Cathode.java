package org.anomalia.events.density;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.numerics.random.Seeds;
import org.anomalia.events.classify.KFold;
import org.anomalia.numerics.UserException;

/**
 * CATHODE (Hallin et al. 2022): a conditional density p_bg(x | m) learnt on the sidebands is
 * sampled inside the signal region, with m drawn from a KDE of the signal-region data's m; a
 * classifier then learns signal-region data (label 1) against these samples (label 0). Where the
 * background model is right, the classifier can only find the signal, so its output is the
 * anomaly score. k-fold training scores every data event with models that never saw it; the
 * classifier trainer ensembles its best epochs, and {@code runs} independent runs are averaged.
 */
public final class Cathode {
    /**
     * @param dataScores out-of-fold score of each signal-region event, averaged over runs
     * @param runs the k-fold classifiers of each run (to score other events)
     * @param density the sideband density
     * @param samples the background samples of the first run (features, then their m values)
     * @param sampleMasses the m value of each sample of the first run
     */
    public record Result(double[] dataScores, List<KFold.Result> runs, ConditionalDensity density, double[][] samples,
            double[] sampleMasses) {
        /** Score of events that were not in the training data: the mean over runs of the fold ensembles. */
        public double[] score(double[][] x) {
            float[][] rows = floats(x);
            double[] mean = new double[x.length];
            for (KFold.Result r : runs) {
                double[] s = r.ensembleScore(rows);
                for (int i = 0; i < s.length; i++) mean[i] += s[i] / runs.size();
            }
            return mean;
        }
    }

    private Cathode() {}

    /** The whole method: fit the sideband flow, then sample and classify. */
    public static Result run(double[][] srX, double[] srM, double[][] sbX, double[] sbM, double srLow, double srHigh,
            CathodeSettings s, long seed) {
        if (sbX.length == 0) throw new UserException("CATHODE: no events in the sidebands");
        ConditionalDensity density = ConditionalDensity.fit(sbX, sbM, s.flow(), seed, "CATHODE sideband flow");
        return classify(density, srX, srM, srLow, srHigh, s, seed);
    }

    /** Sampling and classification with an already fitted sideband density. */
    public static Result classify(ConditionalDensity density, double[][] srX, double[] srM, double srLow, double srHigh,
            CathodeSettings s, long seed) {
        if (srX.length < 2) throw new UserException("CATHODE: needs events in the signal region, got " + srX.length);
        MassKde kde = MassKde.scott(srM);
        int n = srX.length;
        double[] scores = new double[n];
        List<KFold.Result> runs = new ArrayList<>();
        Samples first = null;
        for (int r = 0; r < s.runs(); r++) {
            long runSeed = runSeed(seed, r);
            Samples samples = sample(density, kde, n * s.oversampling(), srLow, srHigh, runSeed);
            if (r == 0) first = samples;
            KFold.Result kr = dataVersusSamples(srX, samples, s, Seeds.derive(runSeed, "classifier"));
            for (int i = 0; i < n; i++) scores[i] += kr.outOfFold()[i] / s.runs();
            runs.add(kr);
        }
        return new Result(scores, List.copyOf(runs), density, first.x(), first.m());
    }

    /** Background samples in the signal region: features and the m value each was drawn at. */
    public record Samples(double[][] x, double[] m) {}

    /** Seed of run r (0-based) of a CATHODE run with the given seed. */
    public static long runSeed(long seed, int r) {
        return Seeds.derive(seed, "cathode run", r);
    }

    /**
     * {@code count} draws of m from the KDE (confined to the signal region), one sample x ~ p(x | m)
     * each; non-finite samples (a flow far from its training data can overflow) are dropped, and
     * more than half of them dropped means the flow diverged.
     */
    public static Samples sample(ConditionalDensity density, MassKde kde, int count, double srLow, double srHigh, long seed) {
        return sampleAt(density, kde.sample(count, srLow, srHigh, seed), seed);
    }

    /** One sample x ~ p(x | m) at each given m; non-finite samples dropped as in {@link #sample}. */
    public static Samples sampleAt(ConditionalDensity density, double[] drawn, long seed) {
        double[][] all = density.sample(drawn, Seeds.derive(seed, "flow samples"));
        int[] ok = finiteRows(all);
        if (ok.length < drawn.length / 2) {
            throw new UserException("CATHODE: the sideband flow gave " + (drawn.length - ok.length) + " non-finite samples of "
                    + drawn.length + "; it diverged: train it again with a lower learning rate");
        }
        double[][] x = new double[ok.length][];
        double[] m = new double[ok.length];
        for (int i = 0; i < ok.length; i++) {
            x[i] = all[ok[i]];
            m[i] = drawn[ok[i]];
        }
        return new Samples(x, m);
    }

    /** The k-fold classifier of signal-region data (label 1) against the samples (label 0); data rows come first. */
    public static KFold.Result dataVersusSamples(double[][] srX, Samples samples, CathodeSettings s, long seed) {
        int n = srX.length;
        float[][] rows = new float[n + samples.x().length][];
        int[] labels = new int[rows.length];
        System.arraycopy(floats(srX), 0, rows, 0, n);
        System.arraycopy(floats(samples.x()), 0, rows, n, samples.x().length);
        for (int i = 0; i < n; i++) labels[i] = 1;
        return KFold.run(s.classifier(), rows, labels, s.folds(), seed);
    }

    /** Indices of the rows whose every value is finite (a flow far from its training data can overflow). */
    private static int[] finiteRows(double[][] x) {
        int[] keep = new int[x.length];
        int k = 0;
        outer:
        for (int r = 0; r < x.length; r++) {
            for (double v : x[r]) if (!Double.isFinite(v)) continue outer;
            keep[k++] = r;
        }
        return java.util.Arrays.copyOf(keep, k);
    }

    static float[][] floats(double[][] x) {
        float[][] out = new float[x.length][];
        for (int r = 0; r < x.length; r++) {
            out[r] = new float[x[r].length];
            for (int c = 0; c < x[r].length; c++) out[r][c] = (float) x[r][c];
        }
        return out;
    }
}
