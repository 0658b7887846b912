package org.anomalia.flavour.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.ReferenceData;
import org.anomalia.flavour.parameters.ParameterValues;
import org.junit.jupiter.api.Test;

/** New-physics shifts of C9 and C10 (complex, at 4.8 GeV) checked against numbers derived independently. */
class NewPhysicsShiftTest {
    private static final Q2Bin BIN_4_6 = new Q2Bin(4, 6);
    private final ParameterValues central = ReferenceData.central();

    /**
     * C9 = −1: the binned P5′ in 4–6 GeV² from the predictor equals an independent evaluation that
     * adds the shift by hand to the SM helicity amplitudes at each node (ΔH^V_0 = iN·4m_Bm_V/√q²·ΔC9·A12,
     * ΔH^V_± = iN/(2M₊)·ΔC9·(±√λ V − M₊² A1), conjugated coefficient and N̄ for the CP-conjugate set),
     * and it moves P5′ up by about a quarter, towards the LHCb 2020 value.
     */
    @Test
    void c9MinusOneRaisesP5primeTowardsTheData() {
        BinnedPredictor p = new BinnedPredictor(List.of(Observable.P5P, Observable.FL), List.of(BIN_4_6));
        NewPhysics np = NewPhysics.parse("C9=-1");
        double sm = p.predict(central, NewPhysics.SM)[0];
        double withNp = p.predict(central, np)[0];
        double independent = p5primeByAmplitudeSuperposition(new Complex(-1, 0));
        assertEquals(independent, withNp, 1e-9, "predictor vs amplitudes shifted by hand");
        double lhcb = -0.439; // LHCb 2020, arXiv:2003.04831, P5' in 4-6 GeV^2 (measurements/ csv)
        assertEquals(lhcb, measured("P5p", 4, 6), 1e-3);
        double shift = withNp - sm;
        System.out.printf("P5p 4-6: SM %.5f, C9=-1 %.5f (shift %+.5f), independent %.5f, LHCb %.3f%n", sm, withNp,
                shift, independent, lhcb);
        assertTrue(shift > 0.1 && shift < 0.4, "C9 = -1 raises P5' by a tenth to a few tenths: " + shift);
        assertTrue(Math.abs(withNp - lhcb) < Math.abs(sm - lhcb), "moves towards the data");
    }

    /** Σ-based P5′ in 4–6 from the SM amplitudes of {@link BkstarMumuTheory#details} plus ΔC9 inserted by hand. */
    private double p5primeByAmplitudeSuperposition(Complex dc9) {
        GaussLegendre rule = new GaussLegendre(BinnedPredictor.DEFAULT_NODES);
        PointInputs pi = new PointInputs(central, NewPhysics.SM);
        BkstarMumuTheory theory = new BkstarMumuTheory(TheoryPieces.ALL);
        double[] sums = new double[AngularCoefficients.COUNT];
        double mB = pi.mB;
        double mV = pi.mV;
        double mp = mB + mV;
        for (int i = 0; i < rule.size(); i++) {
            double q2 = rule.node(i, 4, 6);
            Map<String, Complex> d = theory.details(pi, q2);
            double sl = Math.sqrt(HelicityAmplitudes.lambda(mB, mV, q2));
            double a12 = d.get("ff_A12").re;
            double v = d.get("ff_V").re;
            double a1 = d.get("ff_A1").re;
            for (int set = 0; set < 2; set++) {
                String suffix = set == 0 ? "total" : "total_bar";
                Complex norm = set == 0 ? pi.norm : pi.normBar;
                Complex c = set == 0 ? dc9 : dc9.conj();
                HelicityAmplitudes h = new HelicityAmplitudes();
                Complex ni = norm.timesI();
                h.set(HelicityAmplitudes.V0, d.get("H_0_V_" + suffix).plus(ni.times(c).times(4 * mB * mV / Math.sqrt(q2) * a12)));
                h.set(HelicityAmplitudes.VP, d.get("H_pl_V_" + suffix).plus(ni.times(c).times((sl * v - mp * mp * a1) / (2 * mp))));
                h.set(HelicityAmplitudes.VM, d.get("H_mi_V_" + suffix).plus(ni.times(c).times((-sl * v - mp * mp * a1) / (2 * mp))));
                h.set(HelicityAmplitudes.A0, d.get("H_0_A_" + suffix));
                h.set(HelicityAmplitudes.AP, d.get("H_pl_A_" + suffix));
                h.set(HelicityAmplitudes.AM, d.get("H_mi_A_" + suffix));
                h.set(HelicityAmplitudes.P, d.get("H_P_" + suffix));
                h.set(HelicityAmplitudes.S, d.get("H_S_" + suffix));
                AngularCoefficients.add(h, q2, mB, mV, pi.mMu, rule.weight(i, 4, 6), sums);
            }
        }
        return Observable.P5P.value(sums, pi.tauB, 2);
    }

    /**
     * A pure C10 shift enters only H^A and H_P, both ∝ C10 (C10′ = 0), so the rate is
     * R0 + K·|C10_SM + δ|² exactly: fitting a quadratic in real δ from three points must give its
     * vertex at −C10_SM, predict a fourth point, and predict a complex shift through |·|².
     */
    @Test
    void c10ShiftChangesTheRateAsItsModulusSquared() {
        BinnedPredictor p = new BinnedPredictor(List.of(Observable.DBR_DQ2), List.of(BIN_4_6, new Q2Bin(15, 19)));
        double c10sm = new PointInputs(central, NewPhysics.SM).wc.c10().re;
        for (int b = 0; b < 2; b++) {
            double r0 = p.predict(central, NewPhysics.SM)[b];
            double rp = p.predict(central, NewPhysics.parse("C10=0.5"))[b];
            double rm = p.predict(central, NewPhysics.parse("C10=-0.5"))[b];
            // dBR(δ) = a + bδ + cδ² from δ = -0.5, 0, 0.5
            double c = (rp + rm - 2 * r0) / (2 * 0.25);
            double lin = (rp - rm) / (2 * 0.5);
            assertEquals(c10sm, lin / (2 * c), 1e-9 * Math.abs(c10sm), "vertex of the parabola at -C10_SM");
            double k = c;
            double rest = r0 - k * c10sm * c10sm;
            double r1 = p.predict(central, NewPhysics.parse("C10=1"))[b];
            assertEquals(rest + k * (c10sm + 1) * (c10sm + 1), r1, 1e-10 * r1, "C10 shift +1");
            double ri = p.predict(central, NewPhysics.parse("C10=0.3+0.8i"))[b];
            assertEquals(rest + k * ((c10sm + 0.3) * (c10sm + 0.3) + 0.64), ri, 1e-10 * ri, "complex C10 shift");
            System.out.printf("dBR/dq2 %s: SM %.4e, C10+1 %.4e (ratio %.4f; |C10|^2 part is %.1f%% of the rate)%n",
                    p.bins().get(b), r0, r1, r1 / r0, 100 * k * c10sm * c10sm / r0);
        }
    }

    /**
     * The zero of A_FB is fixed by C7 and C9: with C10′ = 0 every term of J6s carries the same
     * real C10 factor, so a real C10 shift cannot move it at all, while C9 = −1 moves it by a lot.
     */
    @Test
    void afbZeroCrossingIgnoresC10ButFollowsC9() {
        double q0 = afbZero(NewPhysics.SM);
        double q0c10 = afbZero(NewPhysics.parse("C10=1"));
        double q0c10m = afbZero(NewPhysics.parse("C10=-1.5"));
        double q0c9 = afbZero(NewPhysics.parse("C9=-1"));
        System.out.printf("AFB zero crossing: SM %.4f GeV^2, C10=+1 %.4f, C10=-1.5 %.4f, C9=-1 %.4f%n", q0, q0c10,
                q0c10m, q0c9);
        assertTrue(q0 > 3 && q0 < 4.5, "SM zero crossing near 3.5-4 GeV^2: " + q0);
        assertEquals(q0, q0c10, 1e-7);
        assertEquals(q0, q0c10m, 1e-7);
        assertTrue(q0c9 - q0 > 0.3, "C9 = -1 moves the zero up: " + (q0c9 - q0));
    }

    private double afbZero(NewPhysics np) {
        double a = 1.5;
        double b = 6.5;
        double fa = BinnedPredictor.unbinned(Observable.AFB, a, central, np);
        assertTrue(fa < 0 && BinnedPredictor.unbinned(Observable.AFB, b, central, np) > 0, "AFB changes sign");
        for (int it = 0; it < 60; it++) {
            double m = 0.5 * (a + b);
            double fm = BinnedPredictor.unbinned(Observable.AFB, m, central, np);
            if ((fm < 0) == (fa < 0)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    private static double measured(String observable, double lo, double hi) {
        for (String[] r : ReferenceData.csv("measurements/lhcb2020_bkstarmumu_pbasis.csv")) {
            if (r[0].contains(observable) && r[1].equals(String.valueOf(lo).replace(".0", ""))
                    && r[2].equals(String.valueOf(hi).replace(".0", ""))) {
                return Double.parseDouble(r[3]);
            }
        }
        throw new AssertionError("no LHCb value for " + observable + " " + lo + "-" + hi);
    }
}
