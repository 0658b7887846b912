package org.anomalia.flavour.theory;

import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.ParameterPoint;

/**
 * Everything of the prediction that does not depend on q², computed once per parameter point and
 * new-physics point: couplings and masses at μ_b, CKM factors, Wilson coefficients and amplitude
 * normalisations of both CP sets, form-factor coefficients and nuisance parameters.
 */
public final class PointInputs {
    /** flavio's renormalisation scale for B → V ℓℓ. */
    public static final double MU_B = 4.8;

    public final double alphaS;
    public final double alphaE;
    public final QuarkMasses masses;
    public final Ckm ckm;
    public final Ckm ckmBar;
    public final WilsonCoefficients wc;
    public final WilsonCoefficients wcBar;
    /** N = 4G_F/√2 ξ_t α_e/(4π) of the decay set and of the CP-conjugate set. */
    public final Complex norm;
    public final Complex normBar;
    public final double mB;
    public final double mV;
    public final double mMu;
    public final double tauB;
    public final double mcBVgamma;
    public final BszFormFactors formFactors;
    /** Low-q² dipole nuisance a_λ, b_λ for λ = 0, +, − (index 0, 1, 2). */
    public final Complex[] nuisanceA = new Complex[3];
    public final Complex[] nuisanceB = new Complex[3];
    /** High-q² δC9 nuisance c_λ for λ = 0, +, −. */
    public final Complex[] nuisanceC = new Complex[3];

    public PointInputs(ParameterPoint p, NewPhysics np) {
        StrongCoupling as = new StrongCoupling(p.get("alpha_s"));
        alphaS = as.alpha5(MU_B);
        alphaE = ElectromagneticCoupling.at(p.get("alpha_e"), MU_B);
        masses = QuarkMasses.compute(p.get("m_b"), p.get("m_c"), p.get("m_s"), MU_B, as);
        double vus = p.get("Vus");
        double vub = p.get("Vub");
        double vcb = p.get("Vcb");
        double gamma = p.get("gamma");
        ckm = Ckm.fromTree(vus, vub, vcb, gamma);
        ckmBar = Ckm.fromTree(vus, vub, vcb, -gamma);
        wc = WilsonCoefficients.total(MU_B, p.get("m_t"), masses.msAtMuB() / masses.mbAtMuB(), np);
        wcBar = wc.conjugate();
        double gf = p.get("GF");
        double pre = 4 * gf / Math.sqrt(2) * alphaE / (4 * Math.PI);
        norm = ckm.xiT().times(pre);
        normBar = ckmBar.xiT().times(pre);
        mB = p.get("m_B0");
        mV = p.get("m_K*0");
        mMu = p.get("m_mu");
        tauB = p.get("tau_B0");
        mcBVgamma = p.get("m_c BVgamma");
        formFactors = new BszFormFactors(p, mB, mV);
        String[] lam = {"0", "+", "-"};
        for (int i = 0; i < 3; i++) {
            String c7 = i == 1 ? "B0->K*0 delta_C7p " : "B0->K*0 delta_C7 ";
            nuisanceA[i] = complex(p, c7 + "a_" + lam[i]);
            nuisanceB[i] = complex(p, c7 + "b_" + lam[i]);
            nuisanceC[i] = complex(p, "B0->K*0 deltaC9 c_" + lam[i]);
        }
    }

    private static Complex complex(ParameterPoint p, String name) {
        return new Complex(p.get(name + " Re"), p.get(name + " Im"));
    }

    /** Lower end of the physical q² range, 4 m_μ². */
    public double q2Min() {
        return 4 * mMu * mMu;
    }

    /** Upper end of the physical q² range, (m_B − m_K*)². */
    public double q2Max() {
        return (mB - mV) * (mB - mV);
    }
}
