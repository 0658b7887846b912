package org.anomalia.events.density;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.preprocess.HeldOutSplit;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.random.Seeds;

/**
 * LaCATHODE (Hallin et al. 2022): CATHODE's classifier moved into the latent space of the sideband
 * flow. Each signal-region event is mapped to z = f(x; m), where the flow's background is N(0, I) at
 * every m; a k-fold classifier learns these latents (label 1) against N(0, I) draws (label 0). The
 * classifier never sees m, nor anything that varies with m for background, so its score does not
 * learn the jet masses' drift with mjj and a cut on it does not sculpt the spectrum outside the
 * window (CATHODE's classifier, trained on x at the window's m, does). The draws are CATHODE's
 * background samples seen through f: the same template, without inverting the flow.
 */
public final class LaCathode {
    /**
     * @param dataScores score of each signal-region event: out of fold, averaged over runs; events
     *                   outside the sideband flow's range (no latent image) score {@link Anode#EXTREME}
     * @param runs the k-fold classifiers of each run
     * @param density the sideband density whose latent space the classifier works in
     * @param draws the N(0, I) draws of the first run (the background template, in latent space)
     * @param trainedRows how many signal-region events entered the classifier (those with a latent image)
     */
    public record Result(double[] dataScores, List<KFold.Result> runs, ConditionalDensity density, double[][] draws, int trainedRows) {
        /** Scores of events not trained on: the mean over runs of the fold ensembles, applied to f(x; m). */
        public double[] score(double[][] x, double[] m) {
            double[][] z = density.latent(x, m);
            int[] ok = withLatent(z);
            double[] mean = scoreLatents(HeldOutSplit.pick(z, ok));
            double[] out = new double[x.length];
            java.util.Arrays.fill(out, Anode.EXTREME);
            for (int i = 0; i < ok.length; i++) out[ok[i]] = mean[i];
            return out;
        }

        /** Scores of latent points (rows of z) not trained on: the mean over runs of the fold ensembles. */
        public double[] scoreLatents(double[][] z) {
            float[][] rows = Cathode.floats(z);
            double[] mean = new double[z.length];
            for (KFold.Result r : runs) {
                double[] s = r.ensembleScore(rows);
                for (int i = 0; i < s.length; i++) mean[i] += s[i] / runs.size();
            }
            return mean;
        }
    }

    private LaCathode() {}

    /** The whole method: the sideband flow (as CATHODE trains it for this seed), then latents and the classifier. */
    public static Result run(double[][] srX, double[] srM, double[][] sbX, double[] sbM, CathodeSettings s, long seed) {
        if (sbX.length == 0) throw new UserException("LaCATHODE: no events in the sidebands");
        ConditionalDensity density = ConditionalDensity.fit(sbX, sbM, s.flow(), seed, "LaCATHODE sideband flow");
        return classify(density, srX, srM, s, seed);
    }

    /** Latents and the k-fold classifier with an already fitted sideband density. */
    public static Result classify(ConditionalDensity density, double[][] srX, double[] srM, CathodeSettings s, long seed) {
        if (srX.length < 2) throw new UserException("LaCATHODE: needs events in the signal region, got " + srX.length);
        double[][] z = density.latent(srX, srM);
        int[] ok = withLatent(z);
        if (ok.length < 2) {
            throw new UserException("LaCATHODE: " + (srX.length - ok.length) + " of " + srX.length
                    + " signal-region events lie outside the sideband flow's range; widen the sidebands");
        }
        float[][] latents = Cathode.floats(HeldOutSplit.pick(z, ok));
        int d = z[0].length;
        double[] scores = new double[srX.length];
        java.util.Arrays.fill(scores, Anode.EXTREME);
        for (int i : ok) scores[i] = 0;
        List<KFold.Result> runs = new ArrayList<>();
        double[][] first = null;
        for (int r = 0; r < s.runs(); r++) {
            long runSeed = Seeds.derive(seed, "lacathode run", r);
            double[][] draws = standardNormal(ok.length * s.oversampling(), d, Seeds.derive(runSeed, "latent draws"));
            if (r == 0) first = draws;
            float[][] rows = new float[ok.length + draws.length][];
            int[] labels = new int[rows.length];
            System.arraycopy(latents, 0, rows, 0, ok.length);
            System.arraycopy(Cathode.floats(draws), 0, rows, ok.length, draws.length);
            for (int i = 0; i < ok.length; i++) labels[i] = 1;
            KFold.Result kr = KFold.run(s.classifier(), rows, labels, s.folds(), Seeds.derive(runSeed, "classifier"));
            for (int i = 0; i < ok.length; i++) scores[ok[i]] += kr.outOfFold()[i] / s.runs();
            runs.add(kr);
        }
        return new Result(scores, List.copyOf(runs), density, first, ok.length);
    }

    /** n draws of N(0, I) in d dimensions, seeded. */
    public static double[][] standardNormal(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] out = new double[n][d];
        for (double[] row : out) for (int c = 0; c < d; c++) row[c] = rng.nextGaussian();
        return out;
    }

    private static int[] withLatent(double[][] z) {
        int[] keep = new int[z.length];
        int k = 0;
        for (int r = 0; r < z.length; r++) if (!Double.isNaN(z[r][0])) keep[k++] = r;
        return java.util.Arrays.copyOf(keep, k);
    }
}
