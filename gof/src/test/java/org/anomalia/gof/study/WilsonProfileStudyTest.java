package org.anomalia.gof.study;

import org.anomalia.gof.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.measurements.BkstarMeasurement;
import org.anomalia.flavour.parameters.ParameterCatalog;
import org.anomalia.flavour.sampling.PredictionSampler;
import org.anomalia.numerics.stats.MultivariateNormal;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class WilsonProfileStudyTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    static final double[] SLOPE = {1.6, -1.2, 0.8, 2.0};

    /** x(ν, C) = b + C·a + A·ν: linear in C and ν, so p(x | C) = N(x; b + C·a, A·Aᵀ + Λexp) exactly. */
    static WilsonProfileStudy.Theory linear() {
        return (np, n, seed) -> {
            double c = np.get("C9").re;
            double[][] rows = GaussianToy.draw(n, seed);
            for (double[] r : rows) for (int i = 0; i < r.length; i++) r[i] += c * SLOPE[i];
            return rows;
        };
    }

    /**
     * On the linear toy both curves approach the exact −2 log N(x; b + C·a, Λ), the best fit is the
     * weighted least-squares Ĉ = aᵀΛ⁻¹(x − b)/aᵀΛ⁻¹a with σ = (aᵀΛ⁻¹a)^(−½), the 1σ interval Ĉ ± σ, the SM pull |Ĉ|/σ,
     * and the toys' critical values are Wilks' 1 and 4 within their sampling error.
     */
    @Test
    void linearToyGivesTheExactFit() {
        MultivariateNormal unit = MultivariateNormal.of(new double[4], GaussianToy.exactTotal(), "toy");
        double[] a = unit.whiten(SLOPE);
        double norm = 0;
        for (double v : a) norm += v * v;
        // the data: 2.2σ along the NP direction plus an orthogonal-ish offset
        double[] x = GaussianToy.B.clone();
        double[] offset = {0.2, 0.1, -0.3, 0.1};
        for (int i = 0; i < 4; i++) x[i] += 2.2 / Math.sqrt(norm) * SLOPE[i] + offset[i];
        List<GridAxis> axes = GridAxis.parse("C9=-3:4:36");
        ProfileResult r = WilsonProfileStudy.run(axes, linear(), x, GaussianToy.EXP, 4000, 300, 5L, QUIET);
        double[] y = unit.whiten(x), b = unit.whiten(GaussianToy.B);
        double aa = 0, ar = 0;
        for (int i = 0; i < 4; i++) {
            aa += a[i] * a[i];
            ar += a[i] * (y[i] - b[i]);
        }
        double cHat = ar / aa, sigma = 1 / Math.sqrt(aa);
        assertTrue(Math.abs(cHat) / sigma > 1.5, "the toy point should pull away from the SM: " + cHat / sigma);
        for (ProfileResult.Curve c : r.curves().values()) {
            ProfileResult.Axis ax = c.perAxis().get(0);
            assertEquals(cHat, ax.bestFit(), 0.15 * sigma, c.method() + " (σ = " + sigma + ")");
            assertEquals(cHat - sigma, ax.wilks1().get(0).low(), 0.15 * sigma, c.method());
            assertEquals(cHat + sigma, ax.wilks1().get(0).high(), 0.15 * sigma, c.method());
            assertEquals(Math.abs(cHat) / sigma, c.smPull(), 0.15, c.method());
            assertEquals(1.0, c.toyCritical68(), 0.3, c.method());
            assertEquals(4.0, c.toyCritical95(), 1.2, c.method());
            for (int k = 0; k < r.grid().length; k += 7) {
                double cc = r.grid()[k][0];
                double[] mean = GaussianToy.B.clone();
                for (int i = 0; i < 4; i++) mean[i] += cc * SLOPE[i];
                double exact = -2 * MultivariateNormal.of(mean, GaussianToy.exactTotal(), "toy").logDensity(x);
                // Λth and μth estimated from 4000 draws: far from the data a few % of Δχ²
                if (c.method().equals(WilsonProfileStudy.MARGINAL) && exact - c.minimum() > 9) {
                    // beyond 3σ the plain average rests on a handful of draws and overestimates −2 log p: it must say so
                    assertTrue(c.effectiveDraws()[k] < 20, "effective draws at C9 = " + cc + ": " + c.effectiveDraws()[k]);
                    continue;
                }
                // the plain average's own error: sd(−2 log p̂) ≈ 2/√(effective draws)
                double mc = c.method().equals(WilsonProfileStudy.MARGINAL) ? 4 / Math.sqrt(c.effectiveDraws()[k]) : 0;
                assertEquals(exact, c.minus2LogL()[k], 0.15 + 0.03 * Math.abs(exact - c.minimum()) + mc, c.method() + " at C9 = " + cc);
            }
        }
    }

    /**
     * The Gaussian curve on LHCb data reproduces, at three grid points, a χ² computed independently from
     * the same flavour-engine draws: mean and covariance by plain loops, Λ⁻¹ and det Λ by EJML's LU.
     */
    @Test
    void gaussianCurveReproducesAnIndependentChi2OnLhcb() {
        List<Observable> obs = List.of(Observable.parse("P5p"), Observable.parse("FL"));
        List<Q2Bin> bins = List.of(Q2Bin.parse("4-6"), Q2Bin.parse("6-8"));
        var m = BkstarMeasurement.lhcb2020().select(obs, bins).measurement();
        int samples = 400;
        WilsonProfileStudy.Theory theory = (np, n, seed) ->
                new PredictionSampler(obs, bins, np, ParameterCatalog.bundled()).sample(n, seed, false, 2, null).toRows();
        ProfileResult r = WilsonProfileStudy.run(GridAxis.parse("C9=-2:0:3"), theory, m.central(), m.covariance(), samples, 0, 9L, QUIET);
        long seed = Seeds.derive(9L, WilsonProfileStudy.THEORY_STREAM);
        for (int k = 0; k < 3; k++) {
            double c9 = r.grid()[k][0];
            double[][] rows = new PredictionSampler(obs, bins, NewPhysics.parse("C9=" + c9), ParameterCatalog.bundled())
                    .sample(samples, seed, false, 1, null).toRows();
            int d = rows[0].length;
            double[] mean = new double[d];
            for (double[] row : rows) for (int i = 0; i < d; i++) mean[i] += row[i] / samples;
            DMatrixRMaj cov = new DMatrixRMaj(d, d);
            for (double[] row : rows) {
                for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) cov.add(i, j, (row[i] - mean[i]) * (row[j] - mean[j]) / (samples - 1));
            }
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) cov.add(i, j, m.covariance()[i][j]);
            DMatrixRMaj inv = new DMatrixRMaj(d, d);
            CommonOps_DDRM.invert(cov, inv);
            double chi2 = 0;
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) chi2 += (m.central()[i] - mean[i]) * inv.get(i, j) * (m.central()[j] - mean[j]);
            double expected = chi2 + Math.log(CommonOps_DDRM.det(cov)) + d * Math.log(2 * Math.PI);
            assertEquals(expected, r.curves().get(WilsonProfileStudy.GAUSSIAN).minus2LogL()[k], 1e-8 * Math.abs(expected) + 1e-9, "C9 = " + c9);
        }
    }
}
