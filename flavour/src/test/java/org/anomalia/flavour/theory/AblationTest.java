package org.anomalia.flavour.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.ParameterPoint;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * validation/ablation.csv: flavio with single pieces switched off or single parameters moved. Each
 * variant is reproduced with {@link TheoryPieces} switches or a parameter override, and the shift it
 * causes must match flavio's.
 */
class AblationTest {
    /** Both flavio values carry ~1e-6 integration error; the shifts themselves reach 0.3. */
    private static final double TOLERANCE = 1e-5;

    private record Variant(TheoryPieces pieces, Map<String, Double> overrides) {
    }

    private static Map<String, Variant> variants() {
        TheoryPieces all = TheoryPieces.ALL;
        Map<String, Variant> v = new LinkedHashMap<>();
        v.put("baseline", new Variant(all, Map.of()));
        v.put("qcdf_spectator_all_off", new Variant(all.withoutQcdf(), Map.of()));
        v.put("qcdf_WA_off", new Variant(all.withoutQcdfPart(QcdfSpectatorTable.Part.WA), Map.of()));
        v.put("qcdf_O8_off", new Variant(all.withoutQcdfPart(QcdfSpectatorTable.Part.O8), Map.of()));
        v.put("qcdf_QSS_off", new Variant(all.withoutQcdfPart(QcdfSpectatorTable.Part.QSS), Map.of()));
        v.put("deltaC7_2loop_off", new Variant(all.withoutDeltaC7(), Map.of()));
        v.put("deltaC9_2loop_off", new Variant(all.withoutDeltaC9(), Map.of()));
        v.put("deltaC7_and_deltaC9_2loop_off", new Variant(all.withoutDeltaC7().withoutDeltaC9(), Map.of()));
        v.put("Yu_up_quark_loop_off", new Variant(all.withoutUpQuarkLoop(), Map.of()));
        v.put("all_alpha_s_matrix_elements_and_qcdf_off",
                new Variant(all.withoutDeltaC7().withoutDeltaC9().withoutQcdf(), Map.of()));
        v.put("m_mu_to_zero", new Variant(all, Map.of("m_mu", 1e-6)));
        v.put("power_corr_delta_C7_a0_Re_plus1sigma", new Variant(all, Map.of("B0->K*0 delta_C7 a_0 Re", 0.186)));
        v.put("power_corr_delta_C7_am_Re_plus1sigma", new Variant(all, Map.of("B0->K*0 delta_C7 a_- Re", 0.023)));
        v.put("power_corr_deltaC9_c0_Re_plus1sigma_highq2", new Variant(all, Map.of("B0->K*0 deltaC9 c_0 Re", 0.3)));
        v.put("m_c_BVgamma_plus1sigma", new Variant(all, Map.of("m_c BVgamma", 1.7)));
        return v;
    }

    @Test
    void everyVariantShiftsTheObservablesAsInFlavio() {
        List<String[]> rows = ReferenceData.csv("validation/ablation.csv");
        Set<Observable> obs = new LinkedHashSet<>();
        Set<Q2Bin> bins = new LinkedHashSet<>();
        for (String[] r : rows.subList(1, rows.size())) {
            obs.add(Observable.parse(r[1]));
            bins.add(new Q2Bin(Double.parseDouble(r[2]), Double.parseDouble(r[3])));
        }
        Map<String, Variant> variants = variants();
        Map<String, double[]> predictions = new LinkedHashMap<>();
        BinnedPredictor layout = null;
        for (Map.Entry<String, Variant> e : variants.entrySet()) {
            BinnedPredictor p = new BinnedPredictor(new ArrayList<>(obs), new ArrayList<>(bins),
                    BinnedPredictor.DEFAULT_NODES, e.getValue().pieces());
            ParameterPoint point = ReferenceData.centralWith(e.getValue().overrides());
            predictions.put(e.getKey(), p.predict(point, NewPhysics.SM));
            layout = p;
        }
        double[] base = predictions.get("baseline");
        double worst = 0;
        double largestShift = 0;
        int checked = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (String[] r : rows.subList(1, rows.size())) {
            String name = r[0];
            assertTrue(variants.containsKey(name), "variant " + name + " is reproduced");
            seen.add(name);
            int i = layout.index(Observable.parse(r[1]), new Q2Bin(Double.parseDouble(r[2]), Double.parseDouble(r[3])));
            double ours = predictions.get(name)[i];
            double flavioDelta = Double.parseDouble(r[6]);
            double ourDelta = ours - base[i];
            worst = Math.max(worst, Math.abs(ourDelta - flavioDelta));
            largestShift = Math.max(largestShift, Math.abs(flavioDelta));
            assertEquals(Double.parseDouble(r[4]), ours, TOLERANCE, name + " " + r[1] + " " + r[2] + "-" + r[3]);
            assertEquals(flavioDelta, ourDelta, TOLERANCE, "shift of " + name + " " + r[1] + " " + r[2] + "-" + r[3]);
            checked++;
        }
        assertEquals(variants.keySet(), seen, "every variant appears in the reference");
        System.out.printf("ablation: %d rows, %d variants; largest flavio shift %.3f, worst shift deviation %.2e%n",
                checked, seen.size(), largestShift, worst);
    }
}
