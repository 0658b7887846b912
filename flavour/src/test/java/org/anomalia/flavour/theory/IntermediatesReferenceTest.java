package org.anomalia.flavour.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.ReferenceData;
import org.junit.jupiter.api.Test;

/** Section 1–2 quantities at central parameters against flavio 2.7.0 (validation/sm_intermediates.csv). */
class IntermediatesReferenceTest {
    private static final double TOLERANCE = 1e-8;

    @Test
    void everyScalarIntermediateMatchesFlavio() {
        PointInputs pi = new PointInputs(ReferenceData.central(), NewPhysics.SM);
        WilsonCoefficients wc = pi.wc;
        Map<String, Double> ours = new LinkedHashMap<>();
        ours.put("mu_b (renormalization scale bvll)", PointInputs.MU_B);
        ours.put("m_b MSbar(mu_b)", pi.masses.mbAtMuB());
        ours.put("m_b pole (2-loop from m_b(m_b))", pi.masses.mbPole());
        ours.put("m_c pole (2-loop from m_c(m_c))", pi.masses.mcPole());
        ours.put("m_s MSbar(mu_b)", pi.masses.msAtMuB());
        ours.put("alpha_s(mu_b)", pi.alphaS);
        ours.put("alpha_e(mu_b)", pi.alphaE);
        ours.put("xi_t = Vtb Vts* (re)", pi.ckm.xiT().re);
        ours.put("xi_t = Vtb Vts* (im)", pi.ckm.xiT().im);
        ours.put("xi_u/xi_t (re)", pi.ckm.epsU().re);
        ours.put("xi_u/xi_t (im)", pi.ckm.epsU().im);
        ours.put("prefactor N = 4 GF/sqrt2 xi_t alpha_e/(4pi) (re)", pi.norm.re);
        ours.put("prefactor N (im)", pi.norm.im);
        ours.put("tau_B0", pi.tauB);
        ours.put("m_B0", pi.mB);
        ours.put("m_K*0", pi.mV);
        ours.put("m_mu", pi.mMu);
        for (int i = 1; i <= 6; i++) {
            ours.put("wctot_dict SM C" + i + "_bs", wc.c(i));
        }
        ours.put("wctot_dict SM C7_bs", wc.c7NonEffective().re);
        ours.put("wctot_dict SM C8_bs", wc.c8NonEffective());
        ours.put("wctot_dict SM C7eff_bs", wc.c7eff().re);
        ours.put("wctot_dict SM C8eff_bs", wc.c8eff());
        ours.put("wctot_dict SM C7p_bs", wc.c7p().re);
        ours.put("wctot_dict SM C7effp_bs", wc.c7p().re);
        ours.put("wctot_dict SM C9_bsmumu", wc.c9().re);
        ours.put("wctot_dict SM C10_bsmumu", wc.c10().re);

        List<String[]> rows = ReferenceData.csv("validation/sm_intermediates.csv");
        double worst = 0;
        String worstName = "";
        for (String[] r : rows.subList(1, rows.size())) {
            Double v = ours.get(r[0]);
            assertTrue(v != null, "no Java counterpart for " + r[0]);
            double ref = Double.parseDouble(r[1]);
            double rel = Math.abs(v - ref) / Math.abs(ref);
            if (rel > worst) {
                worst = rel;
                worstName = r[0];
            }
            assertEquals(ref, v, TOLERANCE * Math.abs(ref), r[0]);
        }
        assertEquals(rows.size() - 1, ours.size(), "every reference row is checked");
        System.out.printf("sm_intermediates: %d quantities, worst relative deviation %.2e (%s)%n", ours.size(), worst,
                worstName);
    }

    @Test
    void checkpointsOfTheSpecification() {
        StrongCoupling as = new StrongCoupling(0.1184);
        // flavio's own adaptive Runge–Kutta is accurate to ~1e-9 relative
        assertEquals(0.2256124617, as.alpha5(4.195), 1e-8 * 0.23);
        assertEquals(0.3884104444, as.alpha3(1.273), 1e-8 * 0.39);
        // flavio's flavour-number switch at the scale m(m) (spec 1.5): both sides of the thresholds
        assertEquals(4.773012, QuarkMasses.compute(4.17, 1.273, 0.09247, 4.8, as).mbPole(), 1e-6);
        assertEquals(1.688403, QuarkMasses.compute(4.195, 1.276, 0.09247, 4.8, as).mcPole(), 1e-6);
        // the spec's 10-digit checkpoints of h were made with pole masses rounded differently: 1e-8
        assertEquals(0.5194115520, OneLoopMatrixElements.h(1, 1.683648130387999, 4.8).re, 1e-8);
        Complex h16 = OneLoopMatrixElements.h(16, 1.683648130387999, 4.8);
        assertEquals(1.1501649767, h16.re, 1e-8);
        assertEquals(1.0206747530, h16.im, 1e-8);
        Complex h0 = OneLoopMatrixElements.hMassless(1, 4.8);
        assertEquals(1.6906215567, h0.re, 1e-9);
        assertEquals(1.3962634016, h0.im, 1e-9);
        assertEquals(-0.4400847904, OneLoopMatrixElements.h(1, 4.797412100434401, 4.8).re, 1e-8);
        Ckm bar = Ckm.fromTree(0.2248, 0.00364, 0.04197, -1.15);
        assertEquals(-0.04119384145, bar.xiT().re, 1e-11);
        assertEquals(-0.00074537154, bar.xiT().im, 1e-11);
        assertEquals(-0.00845034996, bar.epsU().re, 1e-11);
        assertEquals(-0.01797327349, bar.epsU().im, 1e-11);
    }
}
