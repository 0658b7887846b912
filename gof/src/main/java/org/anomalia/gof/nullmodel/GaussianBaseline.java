package org.anomalia.gof.nullmodel;

import org.anomalia.numerics.stats.ChiSquared;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.anomalia.numerics.stats.SampleMoments;
import org.anomalia.numerics.stats.Significance;

/**
 * The conventional answer: μth and Λth estimated from the theory samples, Λ = Λth + Λexp, the χ²
 * of the measured point, and its asymptotic χ²(n) p-value and one-sided significance.
 */
public final class GaussianBaseline {
    private final double[] theoryMean;
    private final double[][] theoryCovariance;
    private final double[][] totalCovariance;
    private final MultivariateNormal total;
    private final double chi2;
    private final int dof;

    public GaussianBaseline(double[][] theorySamples, double[][] expCovariance, double[] measured, String measurementSource) {
        theoryMean = SampleMoments.mean(theorySamples);
        theoryCovariance = SampleMoments.covariance(theorySamples);
        int n = theoryMean.length;
        totalCovariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) totalCovariance[i][j] = theoryCovariance[i][j] + expCovariance[i][j];
        }
        total = MultivariateNormal.of(theoryMean, totalCovariance, "theory + experimental covariance (" + measurementSource + ")");
        chi2 = total.chi2(measured);
        dof = n;
    }

    public double chi2() {
        return chi2;
    }

    public int dof() {
        return dof;
    }

    public double pAsymptotic() {
        return ChiSquared.survival(chi2, dof);
    }

    public double zAsymptotic() {
        return Significance.zFromP(pAsymptotic());
    }

    public double[] theoryMean() {
        return theoryMean.clone();
    }

    public double[] theorySigma() {
        return SampleMoments.sigmas(theoryCovariance);
    }

    public double[] totalSigma() {
        return SampleMoments.sigmas(totalCovariance);
    }

    /** (x_i − μth_i) / √Λ_ii for each observable. */
    public double[] pulls(double[] x) {
        double[] s = totalSigma();
        double[] p = new double[x.length];
        for (int i = 0; i < p.length; i++) p[i] = (x[i] - theoryMean[i]) / s[i];
        return p;
    }

    /** −log N(x; μth, Λ) of each row: the Gaussian model's description of the null, for comparison with learned ones. */
    public double[] negLogDensity(double[][] rows) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) v[i] = -total.logDensity(rows[i]);
        return v;
    }

    /** χ² with this μth and Λ as a statistic, to get its Monte Carlo distribution over smeared samples. */
    public TestStatistic statistic() {
        return new TestStatistic() {
            @Override public String name() { return "chi2"; }
            @Override public String label() { return "Gaussian χ²"; }
            @Override public double[] evaluate(double[][] rows) {
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) v[i] = total.chi2(rows[i]);
                return v;
            }
        };
    }
}
