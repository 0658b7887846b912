package org.anomalia.events.method;

import java.util.List;
import org.anomalia.events.classify.KFold;

/** Scores of a sampled background template that the k-fold classifiers of several runs trained on. */
final class TemplateScores {
    private TemplateScores() {}

    /**
     * The first run's template rows (after its {@code dataRows} data rows) out of fold; further runs
     * never saw them and score them with their fold ensembles; the mean over runs.
     */
    static double[] outOfFold(List<KFold.Result> runs, int dataRows, double[][] template) {
        KFold.Result first = runs.get(0);
        double[] out = new double[template.length];
        for (int i = 0; i < out.length; i++) out[i] = first.outOfFold()[dataRows + i] / runs.size();
        if (runs.size() > 1) {
            float[][] rows = floatRows(template);
            for (KFold.Result other : runs.subList(1, runs.size())) {
                double[] s = other.ensembleScore(rows);
                for (int i = 0; i < out.length; i++) out[i] += s[i] / runs.size();
            }
        }
        return out;
    }

    static float[][] floatRows(double[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new float[x[i].length];
            for (int c = 0; c < x[i].length; c++) out[i][c] = (float) x[i][c];
        }
        return out;
    }
}
