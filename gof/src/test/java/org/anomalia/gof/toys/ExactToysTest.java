package org.anomalia.gof.toys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalia.gof.nullmodel.GaussianBaseline;
import org.junit.jupiter.api.Test;

/**
 * The exact toys are exact: their quadrature does not move when the grid is doubled and agrees with
 * brute-force Monte Carlo over a million prior draws within its standard error; points placed at a
 * target exact p get it; and they are non-Gaussian enough that the χ² p-value is wrong on them.
 */
class ExactToysTest {
    private static final List<ExactToy> TOYS = List.of(ExactToys.banana(), ExactToys.boundedRatio(), ExactToys.twelveObservables());

    @Test
    void quadratureIsConvergedAndAgreesWithBruteForceMonteCarlo() {
        for (ExactToy toy : TOYS) {
            // two points near the bulk (where a million prior draws give enough effective samples) and two smeared draws
            double[] c = toy.centre(), sigma = toy.sigma(), near = c.clone(), off = c.clone();
            for (int k = 0; k < c.length; k++) {
                near[k] += (k % 2 == 0 ? 0.7 : -0.4) * sigma[k];
                off[k] += (k % 3 == 0 ? -1.2 : 0.9) * sigma[k];
            }
            double[][] smeared = toy.drawSmeared(2, 99);
            double[][] points = {near, off, smeared[0], smeared[1]};
            for (int i = 0; i < points.length; i++) {
                double[] x = points[i];
                double q = toy.minusLogDensity(x);
                double q2 = toy.minusLogDensity(x, 2 * toy.nodes() - 1);
                assertEquals(q2, q, 1e-7, "grid convergence of " + toy);
                if (i >= 2) continue;
                double[] mc = toy.bruteForceMinusLogDensity(x, 1_000_000, 7 + i);
                System.out.printf("%s: quadrature %.6f, doubled grid %.6f, brute force %.5f ± %.5f (ESS %.0f)%n",
                        toy.name(), q, q2, mc[0], mc[1], mc[2]);
                assertTrue(mc[2] > 20, "brute force has too few effective samples to check " + toy);
                // −log of a mean is biased upwards by about 1/(2 ESS); allow that and 4 standard errors
                assertEquals(q, mc[0], 4 * mc[1] + 0.5 / mc[2] + 1e-3, "brute force MC of " + toy);
            }
        }
    }

    @Test
    void pointsPlacedAtATargetPHaveItAndChi2IsWrongThere() {
        for (ExactToy toy : TOYS) {
            ExactToy.ExactNull exact = toy.exactNull(10_000, 4242);
            double[] centre = toy.centre();
            double[] direction = toy.sigma();
            for (double target : new double[] {0.3, 0.01}) {
                double[] x = exact.pointWithP(target, centre, direction);
                double p = exact.p(x);
                GaussianBaseline chi2 = new GaussianBaseline(toy.draw(100_000, 6), toy.expCovariance(), x, "toy");
                System.out.printf("%s: exact p %.4f (target %.2f), Gaussian chi2 p %.4g%n", toy.name(), p, target, chi2.pAsymptotic());
                assertEquals(target, p, 2.0 / exact.size() + 1e-9, "placed point of " + toy);
            }
        }
    }
}
