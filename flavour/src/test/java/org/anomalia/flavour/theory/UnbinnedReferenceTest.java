package org.anomalia.flavour.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.ParameterPoint;
import org.anomalia.flavour.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Every intermediate quantity of validation/sm_unbinned.csv (form factors, Wilson coefficients,
 * Y, Y_u, δC7, δC9, effective coefficients, every helicity-amplitude piece, transversity
 * amplitudes, J, J̄, rate and unbinned observables) at q² = 1, 2, 4, 6, 15, 17 GeV² against flavio.
 * Only flavio's non-interpolated QCDF recomputation ({@code *_qcdf_direct}, spec Appendix C) has no
 * counterpart: flavio's default, reproduced here, is the interpolated table.
 */
class UnbinnedReferenceTest {
    private static final double TOLERANCE = 1e-7;

    @Test
    void everyIntermediateAtEveryQ2MatchesFlavio() {
        ParameterPoint central = ReferenceData.central();
        PointInputs pi = new PointInputs(central, NewPhysics.SM);
        BkstarMumuTheory theory = new BkstarMumuTheory(TheoryPieces.ALL);
        List<String[]> rows = ReferenceData.csv("validation/sm_unbinned.csv");
        Map<Double, Map<String, Complex>> ours = new TreeMap<>();
        Map<String, Double> worstByGroup = new TreeMap<>();
        Map<String, String> worstWhere = new LinkedHashMap<>();
        int checked = 0;
        int skipped = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            double q2 = Double.parseDouble(r[0]);
            String name = r[1];
            if (name.endsWith("_qcdf_direct")) {
                skipped++;
                continue;
            }
            Map<String, Complex> d = ours.computeIfAbsent(q2, q -> quantities(theory, pi, q, central));
            Complex v = d.get(name);
            assertTrue(v != null, "no Java counterpart for " + name);
            Complex ref = new Complex(Double.parseDouble(r[2]), Double.parseDouble(r[3]));
            double diff = v.minus(ref).abs();
            double rel = ref.abs() == 0 ? diff : diff / ref.abs();
            String group = group(name);
            if (rel > worstByGroup.getOrDefault(group, -1.0)) {
                worstByGroup.put(group, rel);
                worstWhere.put(group, name + " at q2=" + q2);
            }
            assertTrue(ref.abs() == 0 ? diff == 0 : rel <= TOLERANCE,
                    name + " at q2=" + q2 + ": " + v + " vs flavio " + ref + " (relative " + rel + ")");
            checked++;
        }
        System.out.printf("sm_unbinned: %d values checked (%d *_qcdf_direct rows have no counterpart)%n", checked,
                skipped);
        worstByGroup.forEach((g, w) -> System.out.printf("  worst relative deviation %-14s %.2e  (%s)%n", g, w,
                worstWhere.get(g)));
    }

    private static String group(String name) {
        if (name.startsWith("ff_")) {
            return "form factors";
        }
        if (name.startsWith("H_") || name.startsWith("A")) {
            return name.equals("AFB") ? "observables" : "amplitudes";
        }
        if (name.startsWith("J")) {
            return "J";
        }
        if (name.startsWith("C") || name.startsWith("wceff") || name.startsWith("delta") || name.startsWith("Y")
                || name.startsWith("xiu")) {
            return "coefficients";
        }
        return "observables";
    }

    /** Our values under the reference names at one q². */
    static Map<String, Complex> quantities(BkstarMumuTheory theory, PointInputs pi, double q2, ParameterPoint p) {
        Map<String, Complex> d = new LinkedHashMap<>(theory.details(pi, q2));
        // the split of the QCDF table into its contributions
        double[] t = new double[6];
        for (QcdfSpectatorTable.Part part : QcdfSpectatorTable.Part.values()) {
            QcdfSpectatorTable.get().contribution(part, q2, false, t);
            d.put("H_pl_V_qcdf_" + part, new Complex(t[0], t[1]));
            d.put("H_mi_V_qcdf_" + part, new Complex(t[2], t[3]));
            d.put("H_0_V_qcdf_" + part, new Complex(t[4], t[5]));
        }
        double[] sum = new double[AngularCoefficients.COUNT];
        double[] j = new double[AngularCoefficients.COUNT];
        double[] jb = new double[AngularCoefficients.COUNT];
        for (int i = 0; i < sum.length; i++) {
            j[i] = d.get("J_" + AngularCoefficients.NAMES[i]).re;
            jb[i] = d.get("Jbar_" + AngularCoefficients.NAMES[i]).re;
            sum[i] = j[i] + jb[i];
        }
        d.put("dGdq2_ave", Complex.real((AngularCoefficients.rate(j) + AngularCoefficients.rate(jb)) / 2));
        for (Observable o : Observable.values()) {
            double fromJ = o.value(sum, pi.tauB, 1);
            double api = BinnedPredictor.unbinned(o, q2, p, NewPhysics.SM);
            assertTrue(Math.abs(fromJ - api) <= 1e-12 * Math.abs(fromJ), o + ": unbinned() agrees with the J's");
            d.put(o.flavioName(), Complex.real(api));
        }
        return d;
    }
}
