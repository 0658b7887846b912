package org.anomalia.flavour.theory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * B0 → K*0 μμ at one q²: effective coefficients, helicity amplitudes of both CP sets (factorisable
 * + QCD-factorisation table + subleading nuisance terms) and the angular coefficients J_i, J̄_i
 * (spec 2–5). Parameter-point quantities come precomputed in {@link PointInputs}; q²-only,
 * parameter-independent quantities come precomputed in a {@link Node}. Immutable and thread-safe.
 */
public final class BkstarMumuTheory {
    /** Upper end of the low-q² nuisance terms and lower end of the high-q² ones. */
    public static final double LOW_Q2_SUBLEADING_MAX = 9;
    public static final double HIGH_Q2_SUBLEADING_MIN = 14;

    /** b pole mass at flavio's central parameters: the expansion point of the per-node λ_u functions. */
    static final double NOMINAL_MB_POLE = 4.797412100434401;

    private final TheoryPieces pieces;

    public BkstarMumuTheory(TheoryPieces pieces) {
        this.pieces = pieces;
    }

    public TheoryPieces pieces() {
        return pieces;
    }

    /** The parameter-independent quantities of one q² node. */
    public final class Node {
        final double q2;
        final Complex h0;
        final Complex seidelC;
        final SeidelExpansion seidel;
        /** QCDF corrections {+, −, 0} as {re, im} pairs, of the decay set and of the conjugate set. */
        final double[] qcdf = new double[6];
        final double[] qcdfBar = new double[6];

        Node(double q2) {
            this(q2, NOMINAL_MB_POLE);
        }

        Node(double q2, double mbPoleForExpansion) {
            this.q2 = q2;
            h0 = OneLoopMatrixElements.hMassless(q2, PointInputs.MU_B);
            seidelC = TwoLoopMatrixElements.seidelC(q2, PointInputs.MU_B);
            seidel = new SeidelExpansion(TwoLoopMatrixElements.clippedSHat(q2, mbPoleForExpansion));
            if (pieces.qcdf()) {
                QcdfSpectatorTable.get().at(q2, false, pieces.qcdfOff(), qcdf);
                QcdfSpectatorTable.get().at(q2, true, pieces.qcdfOff(), qcdfBar);
            }
        }

        public double q2() {
            return q2;
        }
    }

    public Node node(double q2) {
        return new Node(q2);
    }

    /** A node whose λ_u-function expansion sits at this point's own ŝ: exact evaluation (single q² values). */
    public Node exactNode(PointInputs pi, double q2) {
        return new Node(q2, pi.masses.mbPole());
    }

    /** Adds weight·J_i (decay set) to j and weight·J̄_i (conjugate set) to jBar; they may be the same array. */
    public void addJ(PointInputs pi, Node node, double weight, double[] j, double[] jBar) {
        evaluate(pi, node, weight, j, jBar, null);
    }

    /** Adds weight·(J_i + J̄_i) at q² with Seidel's functions evaluated exactly at this point's b mass (no expansion). */
    void addJExact(PointInputs pi, double q2, double weight, double[] sums) {
        evaluate(pi, exactNode(pi, q2), weight, sums, sums, null);
    }

    /** Every intermediate quantity at q², named as in validation/sm_unbinned.csv. */
    public Map<String, Complex> details(PointInputs pi, double q2) {
        Map<String, Complex> trace = new LinkedHashMap<>();
        double[] j = new double[AngularCoefficients.COUNT];
        double[] jBar = new double[AngularCoefficients.COUNT];
        evaluate(pi, exactNode(pi, q2), 1, j, jBar, trace);
        for (int i = 0; i < j.length; i++) {
            trace.put("J_" + AngularCoefficients.NAMES[i], Complex.real(j[i]));
        }
        for (int i = 0; i < j.length; i++) {
            trace.put("Jbar_" + AngularCoefficients.NAMES[i], Complex.real(jBar[i]));
        }
        return trace;
    }

    private void evaluate(PointInputs pi, Node node, double weight, double[] j, double[] jBar,
                          Map<String, Complex> trace) {
        double q2 = node.q2;
        double mu = PointInputs.MU_B;
        QuarkMasses m = pi.masses;
        double[] ff = new double[7];
        pi.formFactors.at(q2, ff);
        Complex hc = OneLoopMatrixElements.h(q2, m.mcPole(), mu);
        Complex hb = OneLoopMatrixElements.h(q2, m.mbPole(), mu);
        WilsonCoefficients wc = pi.wc;
        Complex y = OneLoopMatrixElements.y(hc, hb, node.h0, wc);
        Complex yu = OneLoopMatrixElements.yu(hc, node.h0, wc);
        TwoLoopMatrixElements.Brackets br = TwoLoopMatrixElements.brackets(q2, mu, m.mbPole(), wc.c(1), wc.c(2),
                wc.c8eff(), new double[4], pi.fGrid, node.seidel, node.seidelC);

        double[] sub = null;
        if (q2 <= LOW_Q2_SUBLEADING_MAX) {
            sub = new double[6];
            HelicityAmplitudes.lowQ2Subleading(q2, pi.mB, pi.mV, m.mbAtMuB(), ff, pi.norm, pi.nuisanceA,
                    pi.nuisanceB, sub);
        } else if (q2 > HIGH_Q2_SUBLEADING_MIN) {
            sub = new double[6];
            HelicityAmplitudes.highQ2Subleading(q2, pi.mB, pi.mV, ff, pi.norm, pi.nuisanceC, sub);
        }
        if (trace != null) {
            for (int f = 0; f < 7; f++) {
                trace.put("ff_" + BszFormFactors.NAMES[f], Complex.real(ff[f]));
            }
            trace.put("C7eff", wc.c7eff());
            trace.put("C7effp", wc.c7p());
            trace.put("C9", wc.c9());
            trace.put("C10", wc.c10());
            trace.put("Y", y);
            trace.put("xiu_over_xit_times_Yu", pi.ckm.epsU().times(yu));
            trace.put("delta_C7", br.deltaC7(pi.alphaS, pi.ckm.epsU()));
            trace.put("delta_C9", br.deltaC9(pi.alphaS, pi.ckm.epsU()));
        }
        HelicityAmplitudes h = new HelicityAmplitudes();
        for (int set = 0; set < 2; set++) {
            boolean bar = set == 1;
            WilsonCoefficients c = bar ? pi.wcBar : pi.wc;
            Complex epsU = (bar ? pi.ckmBar : pi.ckm).epsU();
            Complex c7 = c.c7eff();
            if (pieces.deltaC7()) {
                c7 = c7.plus(br.deltaC7(pi.alphaS, epsU));
            }
            Complex c9 = c.c9().plus(y);
            if (pieces.deltaC9()) {
                c9 = c9.plus(br.deltaC9(pi.alphaS, epsU));
            }
            if (pieces.upQuarkLoop()) {
                c9 = c9.plus(epsU.times(yu));
            }
            h.factorisable(q2, pi.mB, pi.mV, m.mbAtMuB(), pi.mMu, ff, bar ? pi.normBar : pi.norm, c7, c.c7p(), c9,
                    c.c9p(), c.c10(), c.c10p());
            if (trace != null) {
                String w = bar ? "wceffbar_" : "wceff_";
                trace.put(w + "7", c7);
                trace.put(w + "7p", c.c7p());
                trace.put(w + "v", c9);
                trace.put(w + "a", c.c10());
                if (!bar) {
                    putAmplitudes(trace, h, "fact");
                }
            }
            double[] q = bar ? node.qcdfBar : node.qcdf;
            h.addVector(q);
            if (sub != null) {
                h.addVector(sub);
            }
            if (trace != null) {
                if (!bar) {
                    double[] s = sub == null ? new double[6] : sub;
                    String[] hel = {"pl", "mi", "0"};
                    for (int i = 0; i < 3; i++) {
                        trace.put("H_" + hel[i] + "_V_qcdf", new Complex(q[2 * i], q[2 * i + 1]));
                        trace.put("H_" + hel[i] + "_V_subl", new Complex(s[2 * i], s[2 * i + 1]));
                    }
                }
                putAmplitudes(trace, h, bar ? "total_bar" : "total");
                putTransversity(trace, h, bar ? "total_bar" : "total");
            }
            AngularCoefficients.add(h, q2, pi.mB, pi.mV, pi.mMu, weight, bar ? jBar : j);
        }
    }

    private static void putAmplitudes(Map<String, Complex> t, HelicityAmplitudes h, String suffix) {
        t.put("H_0_V_" + suffix, h.get(HelicityAmplitudes.V0));
        t.put("H_pl_V_" + suffix, h.get(HelicityAmplitudes.VP));
        t.put("H_mi_V_" + suffix, h.get(HelicityAmplitudes.VM));
        t.put("H_0_A_" + suffix, h.get(HelicityAmplitudes.A0));
        t.put("H_pl_A_" + suffix, h.get(HelicityAmplitudes.AP));
        t.put("H_mi_A_" + suffix, h.get(HelicityAmplitudes.AM));
        t.put("H_P_" + suffix, h.get(HelicityAmplitudes.P));
        t.put("H_S_" + suffix, h.get(HelicityAmplitudes.S));
    }

    /** Transversity amplitudes from the inverse of flavio's transversity→helicity map. */
    private static void putTransversity(Map<String, Complex> t, HelicityAmplitudes amplitudes, String suffix) {
        Amps h = new Amps(amplitudes);
        double r = 1 / (2 * Math.sqrt(2));
        t.put("A0_R_" + suffix, h.v0.plus(h.a0).timesI().times(0.5));
        t.put("A0_L_" + suffix, h.v0.minus(h.a0).timesI().times(0.5));
        t.put("Apara_R_" + suffix, h.vp.plus(h.vm).plus(h.ap).plus(h.am).timesI().times(-r));
        t.put("Apara_L_" + suffix, h.vp.plus(h.vm).minus(h.ap).minus(h.am).timesI().times(-r));
        t.put("Aperp_R_" + suffix, h.vp.minus(h.vm).plus(h.ap).minus(h.am).timesI().times(-r));
        t.put("Aperp_L_" + suffix, h.vp.minus(h.vm).minus(h.ap).plus(h.am).timesI().times(-r));
    }

    /** The amplitudes as complex numbers, for the readable transversity formulas. */
    private record Amps(Complex v0, Complex vp, Complex vm, Complex a0, Complex ap, Complex am) {
        Amps(HelicityAmplitudes h) {
            this(h.get(HelicityAmplitudes.V0), h.get(HelicityAmplitudes.VP), h.get(HelicityAmplitudes.VM),
                    h.get(HelicityAmplitudes.A0), h.get(HelicityAmplitudes.AP), h.get(HelicityAmplitudes.AM));
        }
    }
}
