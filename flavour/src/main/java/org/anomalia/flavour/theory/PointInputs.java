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
    /** The two-loop F-function grid at this point's μ_b/m_b and charm-mass ratios. */
    public final NnloFGrid.Slice fGrid;
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
        double mb2 = masses.mbPole() * masses.mbPole();
        fGrid = NnloFGrid.get().slice(MU_B / masses.mbPole(), mcBVgamma * mcBVgamma / mb2,
                masses.mcPole() * masses.mcPole() / mb2);
        for (int i = 0; i < 3; i++) {
            nuisanceA[i] = complex(p, NUISANCE_A[i]);
            nuisanceB[i] = complex(p, NUISANCE_B[i]);
            nuisanceC[i] = complex(p, NUISANCE_C[i]);
        }
    }

    /** Parameter names {Re, Im} of the nuisance terms for λ = 0, +, − (built once: names are hashed per lookup). */
    private static final String[][] NUISANCE_A = nuisanceNames("a");
    private static final String[][] NUISANCE_B = nuisanceNames("b");
    private static final String[][] NUISANCE_C = nuisanceNames("c");

    private static String[][] nuisanceNames(String coefficient) {
        String[] lam = {"0", "+", "-"};
        String[][] names = new String[3][];
        for (int i = 0; i < 3; i++) {
            String stem = coefficient.equals("c") ? "B0->K*0 deltaC9 c_" + lam[i]
                    : (i == 1 ? "B0->K*0 delta_C7p " : "B0->K*0 delta_C7 ") + coefficient + "_" + lam[i];
            names[i] = new String[] {stem + " Re", stem + " Im"};
        }
        return names;
    }

    private static Complex complex(ParameterPoint p, String[] reIm) {
        return new Complex(p.get(reIm[0]), p.get(reIm[1]));
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
