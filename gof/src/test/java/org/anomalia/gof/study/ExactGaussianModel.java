package org.anomalia.gof.study;

import java.util.List;
import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.TestStatistic;
import org.anomalia.gof.nullmodel.TrainedNullModel;
import org.anomalia.gof.nullmodel.TrainingHistory;
import org.anomalia.numerics.stats.MultivariateNormal;

/** A "null model" that knows the toy's exact density: −log N(x; b, Λ) as its statistic, no training. */
final class ExactGaussianModel implements NullModel {
    @Override
    public TrainedNullModel train(double[][] train, double[][] validation, long seed) {
        MultivariateNormal exact = MultivariateNormal.of(GaussianToy.B, GaussianToy.exactTotal(), "toy");
        TestStatistic s = new TestStatistic() {
            @Override public String name() { return "toy_exact"; }
            @Override public String label() { return "exact −log p"; }
            @Override public double[] evaluate(double[][] rows) {
                double[] v = new double[rows.length];
                for (int i = 0; i < v.length; i++) v[i] = -exact.logDensity(rows[i]);
                return v;
            }
            @Override public boolean estimatesNegLogDensity() { return true; }
        };
        return new TrainedNullModel(List.of(s), TrainingHistory.NONE);
    }
}
