package org.anomalia.numerics.matrices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.numerics.stats.MultivariateNormal;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class CorrelationAroundPublishedTest {
    /** Two 2×2 blocks with no correlation between them, as between q² bins. */
    static final double[][] PUBLISHED = {{1, 0.6, 0, 0}, {0.6, 1, 0, 0}, {0, 0, 1, -0.3}, {0, 0, -0.3, 1}};

    @Test
    void symmetricRootSquaresBack() {
        double[][] g = CorrelationAroundPublished.symmetricRoot(PUBLISHED, "test");
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) s += g[i][k] * g[k][j];
                assertEquals(PUBLISHED[i][j], s, 1e-12);
                assertEquals(g[i][j], g[j][i], 1e-12);
            }
        }
    }

    /** Large η: draws concentrate on the published matrix; the zeros spread by about 1/√(2η + d − 1), every draw PD. */
    @Test
    void drawsScatterAroundThePublishedMatrix() {
        double eta = 200;
        CorrelationAroundPublished c = CorrelationAroundPublished.of(PUBLISHED, eta, "test");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(31L);
        int n = 4000;
        double sum01 = 0, sum02 = 0, sq02 = 0;
        for (int k = 0; k < n; k++) {
            double[][] r = c.sample(rng);
            assertTrue(MultivariateNormal.smallestEigenvalue(r) > 0);
            assertEquals(1.0, r[2][2], 0.0);
            sum01 += r[0][1];
            sum02 += r[0][2];
            sq02 += r[0][2] * r[0][2];
        }
        double sigma = 1 / Math.sqrt(2 * eta + 3);
        assertEquals(0.6, sum01 / n, 0.01);
        assertEquals(0.0, sum02 / n, 5 * sigma / Math.sqrt(n));
        double rms = Math.sqrt(sq02 / n);
        // the zero between blocks is spread about σ (rescaled by the blocks' roots: within 30 %)
        assertTrue(rms > 0.7 * sigma && rms < 1.3 * sigma, "rms " + rms + " vs " + sigma);
    }
}
