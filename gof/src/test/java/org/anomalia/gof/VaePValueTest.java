package org.anomalia.gof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.gof.nullmodel.NullModel;
import org.anomalia.gof.nullmodel.VaeNullModel;
import org.anomalia.numerics.stats.EmpiricalPValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The VAE p-value against exact answers: a linear Gaussian toy (exact χ² p-value) and a non-linear
 * toy whose likelihood is computed by quadrature, at points where the Gaussian χ² is biased.
 */
@Tag("slow")
class VaePValueTest {
    private static VaeNullModel.Settings settings(int latent, int epochs) {
        return new VaeNullModel.Settings(32, 2, latent, 1.0, epochs, 128, 3e-3, 16, false);
    }

    @Test
    void linearToyVaePValueEqualsExactChi2PValue() {
        LinearToy toy = LinearToy.standard();
        // Whitened by Λexp, the correlated smearing becomes the diagonal noise the decoder assumes: latent 2 = 2 parameters.
        NullModel vae = new TrainOnce(new VaeNullModel(settings(2, 30), toy.expCovariance));
        for (double chi2 : new double[] {2.0, 5.0, 9.0}) {
            double[] x = toy.pointWithChi2(chi2, 1);
            GofResult r = GofAnalysis.run(toy.problem(x, 20_000, 3), vae, 17, 1.0);
            double exact = toy.exactP(x);
            StatisticResult elbo = r.statistic("vae_elbo"), iwae = r.statistic("vae_iwae");
            System.out.printf("linear toy chi2 %.1f: exact p %.4f, VAE -ELBO p %.4f, IWAE p %.4f, KS %.4f%n", chi2, exact,
                    elbo.pValue().p(), iwae.pValue().p(), elbo.calibration().statistic());
            assertEquals(exact, elbo.pValue().p(), 0.02, "−ELBO p at exact χ² = " + chi2);
            assertEquals(exact, iwae.pValue().p(), 0.02, "IWAE p at exact χ² = " + chi2);
            assertTrue(elbo.calibrationPassed() && iwae.calibrationPassed(), "calibration " + elbo.calibration());
            // Here the Gaussian is the exact model: the VAE's −log p (in observable units, Jacobians included) must match it.
            assertEquals(0.0, iwae.excessOverGaussian(), 0.05, "IWAE mean −log p vs exact");
            assertTrue(elbo.excessOverGaussian() > -0.05 && !elbo.worseThanGaussian(), "ELBO excess " + elbo.excessOverGaussian());
        }
    }

    @Test
    void nonLinearToyVaePValueMatchesQuadratureWhereGaussianFails() {
        CurveToy toy = CurveToy.exponential(0.3, 0.3);
        EmpiricalPValue.NullDistribution exactNull = toy.exactNull(50_000, 1234);
        NullModel vae = new TrainOnce(new VaeNullModel(settings(1, 40), toy.expCovariance()));
        for (double[] x : new double[][] {{-1.0, 1.0}, {0.8, 3.5}, {-1.5, -0.5}, {0.3, 2.2}}) {
            double exact = (double) exactNull.countAtLeast(toy.minusLogDensity(x)) / exactNull.size();
            GofResult r = GofAnalysis.run(toy.problem(x, 20_000, 21), vae, 4, 1.0);
            String at = "at x = (" + x[0] + ", " + x[1] + ")";
            System.out.printf("exponential toy %s: exact p %.4f, Gaussian chi2 p %.4f, VAE -ELBO p %.4f, IWAE p %.4f%n", at, exact,
                    r.pChi2Asymptotic(), r.statistic("vae_elbo").pValue().p(), r.statistic("vae_iwae").pValue().p());
            assertTrue(Math.abs(r.pChi2Asymptotic() - exact) > 0.05, "the Gaussian χ² p is off here " + at + ": " + r.pChi2Asymptotic() + " vs " + exact);
            assertEquals(exact, r.statistic("vae_elbo").pValue().p(), 0.03, "−ELBO p " + at);
            assertEquals(exact, r.statistic("vae_iwae").pValue().p(), 0.03, "IWAE p " + at);
            assertTrue(r.statistic("vae_elbo").calibrationPassed());
        }
    }

    @Test
    void sameSeedSamePValues() {
        CurveToy toy = CurveToy.exponential(0.3, 0.3);
        double[] x = {0.8, 3.5};
        VaeNullModel vae = new VaeNullModel(settings(1, 3));
        GofResult a = GofAnalysis.run(toy.problem(x, 2_000, 5), vae, 11, 1.0);
        GofResult b = GofAnalysis.run(toy.problem(x, 2_000, 5), vae, 11, 1.0);
        for (String s : new String[] {"vae_elbo", "vae_iwae"}) {
            assertEquals(a.statistic(s).observed(), b.statistic(s).observed(), 0, s);
            assertEquals(a.statistic(s).pValue(), b.statistic(s).pValue(), s);
            assertArrayEquals(a.statistic(s).nullValues(), b.statistic(s).nullValues(), 0, s);
        }
        assertArrayEquals(a.history().trainLoss(), b.history().trainLoss(), 0);
    }
}
