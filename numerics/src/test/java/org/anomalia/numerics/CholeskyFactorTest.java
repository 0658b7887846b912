package org.anomalia.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CholeskyFactorTest {
    @Test
    void factorReproducesTheMatrixAndSolves() {
        double[][] c = {{4, 2, 0.4}, {2, 10, 1}, {0.4, 1, 1e-4 * 0 + 2}};
        CholeskyFactor l = CholeskyFactor.of(c, "test");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += l.get(i, k) * l.get(j, k);
                assertEquals(c[i][j], s, 1e-13);
            }
        }
        assertEquals(2.0, l.get(0, 0), 1e-15);
        assertEquals(1.0, l.get(1, 0), 1e-15);
        assertEquals(3.0, l.get(1, 1), 1e-15);
        // r^T C^-1 r via the triangular solve equals the explicit inverse for a 2x2 block
        double[] y = l.solveLower(new double[] {1, 2, 3});
        double[] back = new double[3];
        l.multiply(y, back);
        assertEquals(1, back[0], 1e-14);
        assertEquals(2, back[1], 1e-14);
        assertEquals(3, back[2], 1e-14);
    }

    @Test
    void notPositiveDefiniteNamesTheMatrixAndItsSmallestEigenvalue() {
        double[][] c = {{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}};
        UserException e = assertThrows(UserException.class, () -> CholeskyFactor.of(c, "covariance of x.yaml"));
        assertTrue(e.getMessage().startsWith("covariance of x.yaml is not positive definite (smallest eigenvalue -0.8"),
                e.getMessage());
        assertEquals(-0.8, CholeskyFactor.smallestEigenvalue(c), 1e-12);
    }
}
