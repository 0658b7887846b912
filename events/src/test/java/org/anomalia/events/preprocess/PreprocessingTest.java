package org.anomalia.events.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
    private static double[][] training(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[n][3];
        for (double[] r : rows) {
            r[0] = 3.0 + 0.7 * rng.nextDouble();
            r[1] = Math.exp(rng.nextDouble() * 2 - 3);
            r[2] = rng.nextDouble() * 10 - 5;
        }
        return rows;
    }

    @Test
    void inverseUndoesForwardAndTheirLogDetsCancel() {
        double[][] train = training(500, 1);
        Preprocessing p = Preprocessing.fit(Preprocessing.FOR_FLOWS, train);
        double[] fwd = new double[train.length];
        double[][] y = p.forward(train, fwd);
        double[] inv = new double[train.length];
        double[][] back = p.inverse(y, inv);
        for (int r = 0; r < train.length; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(train[r][c], back[r][c], 1e-9 * (1 + Math.abs(train[r][c])), "row " + r + " col " + c);
            }
            assertEquals(0.0, fwd[r] + inv[r], 1e-9);
        }
    }

    @Test
    void logDetMatchesTheFiniteDifferenceJacobianDeterminant() {
        double[][] train = training(400, 2);
        for (List<String> chain : List.of(List.of("minmax"), List.of("standardize"), List.of("minmax", "logit"),
                Preprocessing.FOR_FLOWS)) {
            Preprocessing p = Preprocessing.fit(chain, train);
            for (int r = 5; r < 400; r += 97) {
                double[] x = train[r];
                double[] ld = new double[1];
                p.forward(new double[][] {x}, ld);
                assertEquals(Math.log(Math.abs(det(jacobian(p, x)))), ld[0], 1e-6, chain + " row " + r);
            }
        }
    }

    /** Full central-difference Jacobian ∂y_i/∂x_j (the test does not assume it is diagonal). */
    private static double[][] jacobian(Preprocessing p, double[] x) {
        int d = x.length;
        double[][] j = new double[d][d];
        for (int k = 0; k < d; k++) {
            double h = 1e-6 * (1 + Math.abs(x[k]));
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[k] += h;
            minus[k] -= h;
            double[] yp = p.forward(new double[][] {plus}, null)[0];
            double[] ym = p.forward(new double[][] {minus}, null)[0];
            for (int i = 0; i < d; i++) {
                j[i][k] = (yp[i] - ym[i]) / (2 * h);
            }
        }
        return j;
    }

    private static double det(double[][] m) {
        double[][] a = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            a[i] = m[i].clone();
        }
        double det = 1;
        for (int c = 0; c < a.length; c++) {
            int piv = c;
            for (int r = c + 1; r < a.length; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            if (piv != c) {
                double[] t = a[piv];
                a[piv] = a[c];
                a[c] = t;
                det = -det;
            }
            det *= a[c][c];
            for (int r = c + 1; r < a.length; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < a.length; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        return det;
    }

    @Test
    void fittedStepsMapTheTrainingDataAsPromised() {
        double[][] train = training(1000, 3);
        double[][] mm = Preprocessing.fit(List.of("minmax"), train).forward(train, null);
        double[][] st = Preprocessing.fit(List.of("standardize"), train).forward(train, null);
        for (int c = 0; c < 3; c++) {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            double sum = 0;
            double sq = 0;
            for (int r = 0; r < train.length; r++) {
                lo = Math.min(lo, mm[r][c]);
                hi = Math.max(hi, mm[r][c]);
                sum += st[r][c];
                sq += st[r][c] * st[r][c];
            }
            assertEquals(0.0, lo, 1e-15);
            assertEquals(1.0, hi, 1e-15);
            assertEquals(0.0, sum / train.length, 1e-12);
            assertEquals(1.0, sq / train.length, 1e-12);
        }
        // logit of the min-max output is finite even at the training extremes (squeeze ε)
        double[][] flows = Preprocessing.fit(Preprocessing.FOR_FLOWS, train).forward(train, null);
        for (double[] row : flows) {
            for (double v : row) {
                assertTrue(Double.isFinite(v));
            }
        }
    }

    @Test
    void jsonRoundTripGivesTheSameTransform() {
        double[][] train = training(200, 4);
        Preprocessing p = Preprocessing.fit(Preprocessing.FOR_FLOWS, train);
        Preprocessing q = Preprocessing.fromJson(p.toJson());
        // the saved steps' fields in one order, in every JVM (the model file's bytes depend on it)
        List<List<String>> fields = new ArrayList<>();
        p.toJson().forEach(step -> {
            List<String> names = new ArrayList<>();
            step.fieldNames().forEachRemaining(names::add);
            fields.add(names);
        });
        assertEquals(List.of(List.of("kind", "min", "max"), List.of("kind", "epsilon", "columns"), List.of("kind", "mean", "sd")), fields);
        double[] lp = new double[train.length];
        double[] lq = new double[train.length];
        double[][] a = p.forward(train, lp);
        double[][] b = q.forward(train, lq);
        for (int r = 0; r < train.length; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(a[r][c], b[r][c], 0.0);
            }
            assertEquals(lp[r], lq[r], 0.0);
        }
    }

    @Test
    void outOfRangeInputToLogitIsNaNAndConstantColumnsAreUserErrors() {
        double[][] train = training(50, 5);
        Preprocessing p = Preprocessing.fit(Preprocessing.FOR_FLOWS, train);
        double[] ld = new double[1];
        double[][] y = p.forward(new double[][] {{100.0, 0.1, 0.0}}, ld);
        assertTrue(Double.isNaN(y[0][0]) && Double.isNaN(ld[0]));
        double[][] constant = {{1, 2}, {1, 3}};
        assertThrows(UserException.class, () -> Preprocessing.fit(List.of("minmax"), constant));
        assertThrows(UserException.class, () -> Preprocessing.fit(List.of("standardize"), constant));
        assertThrows(UserException.class, () -> Preprocessing.fit(List.of("whiten"), constant));
    }
}
