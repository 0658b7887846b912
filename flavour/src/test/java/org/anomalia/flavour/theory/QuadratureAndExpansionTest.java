package org.anomalia.flavour.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.ReferenceData;
import org.anomalia.flavour.parameters.ParameterValues;
import org.junit.jupiter.api.Test;

/** Accuracy of the two speed devices: Gauss–Legendre node count and the per-node expansion of Seidel's functions. */
class QuadratureAndExpansionTest {
    private static final List<Observable> OBS = List.of(Observable.values());
    private static final List<Q2Bin> BINS = List.of(new Q2Bin(0.1, 0.98), new Q2Bin(1.1, 2.5), new Q2Bin(2.5, 4),
            new Q2Bin(4, 6), new Q2Bin(6, 8), new Q2Bin(15, 17), new Q2Bin(17, 19), new Q2Bin(1.1, 6),
            new Q2Bin(15, 19));

    /**
     * Against 64 nodes per bin: the worst deviation for 8, 12, 16, 24 nodes (angular observables
     * absolute, dBR/dq2 relative). The default must stay below 1e-5, far under 0.05 σ_th.
     */
    @Test
    void defaultNodeCountIsConverged() {
        ParameterValues p = ReferenceData.central();
        double[] ref = new BinnedPredictor(OBS, BINS, 64, TheoryPieces.ALL).predict(p, NewPhysics.SM);
        StringBuilder report = new StringBuilder("Gauss-Legendre nodes per bin vs 64:");
        double atDefault = Double.NaN;
        for (int n : new int[] {8, 12, 16, 24}) {
            double[] v = new BinnedPredictor(OBS, BINS, n, TheoryPieces.ALL).predict(p, NewPhysics.SM);
            double worst = 0;
            for (int i = 0; i < v.length; i++) {
                boolean br = OBS.get(i % OBS.size()) == Observable.DBR_DQ2;
                worst = Math.max(worst, br ? Math.abs(v[i] / ref[i] - 1) : Math.abs(v[i] - ref[i]));
            }
            report.append(String.format(" %d: %.1e", n, worst));
            if (n == BinnedPredictor.DEFAULT_NODES) {
                atDefault = worst;
            }
        }
        System.out.println(report);
        assertTrue(atDefault < 1e-5, "default node count converged: " + atDefault);
    }

    /** The expansion of A(ŝ), B(ŝ) around the nominal b pole mass versus the exact functions at shifted masses. */
    @Test
    void seidelExpansionMatchesExactFunctions() {
        double worst = 0;
        for (double q2 : new double[] {0.05, 1, 4, 8, 15, 19}) {
            double s0 = TwoLoopMatrixElements.clippedSHat(q2, BkstarMumuTheory.NOMINAL_MB_POLE);
            SeidelExpansion e = new SeidelExpansion(s0);
            for (double rel : new double[] {-0.02, -0.005, 0.001, 0.01, 0.02, 0.05}) {
                double s = s0 * (1 + rel);
                Complex a = TwoLoopMatrixElements.seidelAWithoutLb(s);
                Complex b = TwoLoopMatrixElements.seidelBWithoutLb(s);
                worst = Math.max(worst, e.a(s).minus(a).abs() / a.abs());
                worst = Math.max(worst, e.b(s).minus(b).abs() / b.abs());
            }
        }
        System.out.printf("Seidel expansion: worst relative deviation %.1e within +-2%% of s0%n", worst);
        assertTrue(worst < 1e-6, "expansion error " + worst);
        // and the full prediction at a b mass 3 sigma up agrees with exact per-node evaluation
        ParameterValues p = ReferenceData.central().with("m_b", 4.195 + 3 * 0.014);
        BinnedPredictor bp = new BinnedPredictor(List.of(Observable.P5P), List.of(new Q2Bin(1.1, 2.5)));
        double viaExpansion = bp.predict(p, NewPhysics.SM)[0];
        double exact = exactBinned(p);
        assertEquals(exact, viaExpansion, 1e-8);
    }

    private static double exactBinned(ParameterValues p) {
        PointInputs pi = new PointInputs(p, NewPhysics.SM);
        GaussLegendre rule = new GaussLegendre(BinnedPredictor.DEFAULT_NODES);
        double[] sums = new double[AngularCoefficients.COUNT];
        BkstarMumuTheory theory = new BkstarMumuTheory(TheoryPieces.ALL);
        for (int i = 0; i < rule.size(); i++) {
            // a node expanded around its own exact ŝ evaluates the functions exactly
            double q2 = rule.node(i, 1.1, 2.5);
            theory.addJExact(pi, q2, rule.weight(i, 1.1, 2.5), sums);
        }
        return Observable.P5P.value(sums, pi.tauB, 1.4);
    }
}
