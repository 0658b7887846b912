package org.anomalia.flavour.theory;

/**
 * The O(α_s) two-loop matrix elements of O1, O2 and O8 that shift C7 and C9 (spec 2.5):
 * δC7 = −α_s/(4π)[top₇ − ε_u up₇], δC9 = −α_s/(4π)[top₉ − ε_u up₉], with
 * top = C8eff F8 + C1 F1 + C2 F2 and up = C1 F1 + C2 F2 + C1 F_u1 + C2 F_u2.
 * F8 are the analytic small-ŝ expansions of hep-ph/0312063, F1,2 the interpolated table of
 * 0810.4077 ({@link NnloFGrid}), F_u the λ_u functions A, B, C of Seidel hep-ph/0403185.
 * The relative minus sign of the ε_u bracket is the convention change noted in 0811.1214.
 */
public final class TwoLoopMatrixElements {
    private static final double PI = Math.PI;
    private static final double PI2 = PI * PI;
    private static final double ZETA3 = 1.2020569031595942;

    private TwoLoopMatrixElements() {
    }

    /** The ε_u-independent brackets at one q²; both CP sets combine them with their own ε_u. */
    public record Brackets(Complex top7, Complex up7, Complex top9, Complex up9) {
        public Complex deltaC7(double alphaS, Complex epsU) {
            return top7.minus(epsU.times(up7)).times(-alphaS / (4 * PI));
        }

        public Complex deltaC9(double alphaS, Complex epsU) {
            return top9.minus(epsU.times(up9)).times(-alphaS / (4 * PI));
        }
    }

    /**
     * @param mcBVgamma charm mass of the F^(7) functions, @param mcPole of the F^(9) functions;
     * @param c1 C1, @param c2 C2, @param c8eff C8eff (real SM values).
     */
    public static Brackets brackets(double q2, double muB, double mbPole, double mcBVgamma, double mcPole,
                                    double c1, double c2, double c8eff, double[] scratch4) {
        double muHat = muB / mbPole;
        NnloFGrid.Slice slice = NnloFGrid.get().slice(muHat, mcBVgamma * mcBVgamma / (mbPole * mbPole),
                mcPole * mcPole / (mbPole * mbPole));
        return brackets(q2, muB, mbPole, c1, c2, c8eff, scratch4, slice, null, seidelC(q2, muB));
    }

    /**
     * Same, with the F-function grid reduced to this point's (μ̂, z₇, z₉), the ŝ-only parts of Seidel's A and B from an expansion (null: exact) and C(q²)
     * given (both are per-node constants in a binned prediction).
     */
    static Brackets brackets(double q2, double muB, double mbPole, double c1, double c2, double c8eff,
                             double[] scratch4, NnloFGrid.Slice grid, SeidelExpansion seidel, Complex c) {
        double muHat = muB / mbPole;
        double sHat = q2 / (mbPole * mbPole);
        double lMu = Math.log(muHat);
        grid.f7(sHat, scratch4);
        Complex f17 = new Complex(scratch4[0], scratch4[1]);
        Complex f27 = new Complex(scratch4[2], scratch4[3]);
        grid.f9(sHat, scratch4);
        Complex f19 = new Complex(scratch4[0], scratch4[1]);
        Complex f29 = new Complex(scratch4[2], scratch4[3]);
        double sClip = clippedSHat(q2, mbPole);
        double lb = Math.log(mbPole * mbPole / (muB * muB));
        Complex a = (seidel == null ? seidelAWithoutLb(sClip) : seidel.a(sClip)).plus(-104.0 / 243 * lb);
        Complex b = (seidel == null ? seidelBWithoutLb(sClip) : seidel.b(sClip)).plus(seidelBLbTerms(sClip, lb));
        Complex fu17 = a.negate();
        Complex fu27 = a.times(6);
        Complex fu19 = b.plus(c.times(4)).negate();
        Complex fu29 = b.times(6).minus(c.times(3));
        Complex common7 = f17.times(c1).plus(f27.times(c2));
        Complex common9 = f19.times(c1).plus(f29.times(c2));
        Complex top7 = f87(sHat, lMu).times(c8eff).plus(common7);
        Complex top9 = f89(sHat).times(c8eff).plus(common9);
        Complex up7 = common7.plus(fu17.times(c1)).plus(fu27.times(c2));
        Complex up9 = common9.plus(fu19.times(c1)).plus(fu29.times(c2));
        return new Brackets(top7, up7, top9, up9);
    }

    /** F_8^(7)(ŝ) of hep-ph/0312063 eq. 40 (small-ŝ expansion), L_μ = ln(μ/m_b). */
    public static Complex f87(double s, double lMu) {
        double s2 = s * s;
        double s3 = s2 * s;
        double re = -32.0 / 9 * lMu + 8.0 / 27 * PI2 - 44.0 / 9 + (4.0 / 3 * PI2 - 40.0 / 3) * s
                + (32.0 / 9 * PI2 - 316.0 / 9) * s2 + (200.0 / 27 * PI2 - 658.0 / 9) * s3
                - 8.0 / 9 * Math.log(s) * (s + s2 + s3);
        return new Complex(re, -8.0 / 9 * PI);
    }

    /** F_8^(9)(ŝ) of hep-ph/0312063 eq. 39. */
    public static Complex f89(double s) {
        double s2 = s * s;
        double s3 = s2 * s;
        double re = 104.0 / 9 - 32.0 / 27 * PI2 + (1184.0 / 27 - 40.0 / 9 * PI2) * s
                + (14212.0 / 135 - 32.0 / 3 * PI2) * s2 + (193444.0 / 945 - 560.0 / 27 * PI2) * s3
                + 16.0 / 9 * Math.log(s) * (1 + s + s2 + s3);
        return Complex.real(re);
    }

    /** Seidel's A(ŝ) (hep-ph/0403185 eq. 29), ŝ = min(q²/m_b², 0.999), L_b = ln(m_b²/μ²). */
    public static Complex seidelA(double q2, double mb, double mu) {
        double s = clippedSHat(q2, mb);
        return seidelAWithoutLb(s).plus(-104.0 / 243 * Math.log(mb * mb / (mu * mu)));
    }

    static double clippedSHat(double q2, double mb) {
        return Math.min(q2 / (mb * mb), 0.999);
    }

    /** A(ŝ) without its L_b term −104/243 L_b: a function of ŝ alone. */
    static Complex seidelAWithoutLb(double s) {
        double z = 4 / s;
        double sq = Math.sqrt(z - 1);
        double acot = PI / 2 - Math.atan(sq);
        double ls = Math.log(s);
        double l1s = Math.log(1 - s);
        double om = 1 - s;
        double s2 = s * s;
        double s3 = s2 * s;
        double li2 = Dilogarithm.li2(s);
        double re = 4 * s / (27 * om) * (li2 + ls * l1s);
        double im = 0;
        double k2 = 1 / (729 * om * om);
        re += k2 * (6 * s * (29 - 47 * s) * ls + 785 - 1600 * s + 833 * s2);
        im += k2 * 6 * PI * (20 - 49 * s + 47 * s2);
        double k3 = -2 / (243 * om * om * om);
        re += k3 * (2 * sq * (-4 + 9 * s - 15 * s2 + 4 * s3) * acot + 9 * s3 * ls * ls);
        im += k3 * 18 * PI * s * (1 - 2 * s) * ls;
        double k4 = 2 * s / (243 * om * om * om * om);
        re += k4 * (36 * acot * acot + PI2 * (-4 + 9 * s - 9 * s2 + 3 * s3));
        return new Complex(re, im);
    }

    /** Seidel's B(ŝ) (hep-ph/0403185 eq. 30), ŝ = min(q²/m_b², 0.999), L_b = ln(m_b²/μ²). */
    public static Complex seidelB(double q2, double mb, double mu) {
        double s = clippedSHat(q2, mb);
        return seidelBWithoutLb(s).plus(seidelBLbTerms(s, Math.log(mb * mb / (mu * mu))));
    }

    /** The L_b-dependent terms of B(ŝ). */
    static Complex seidelBLbTerms(double s, double lb) {
        double sq = Math.sqrt(4 / s - 1);
        double acot = PI / 2 - Math.atan(sq);
        double k1 = 8 / (243 * s);
        double re = k1 * ((4 - 34 * s) * lb + 8 * s * lb * lb + 17 * s * Math.log(s) * lb)
                + (2 + s) * sq / (729 * s) * (-48 * lb * acot);
        return new Complex(re, k1 * (-17 * PI * s * lb));
    }

    /** B(ŝ) without its L_b terms: a function of ŝ alone. */
    static Complex seidelBWithoutLb(double s) {
        double z = 4 / s;
        double sq = Math.sqrt(z - 1);
        double acot = PI / 2 - Math.atan(sq);
        double ls = Math.log(s);
        double l1s = Math.log(1 - s);
        double lz1 = Math.log(z - 1);
        double om = 1 - s;
        double s2 = s * s;
        double s3 = s2 * s;
        double s4 = s3 * s;
        double s5 = s4 * s;
        Complex x1 = new Complex(0.5, 0.5 * sq);
        Complex x2 = new Complex(0.5, -0.5 * sq);
        Complex x3 = new Complex(0.5, 0.5 / sq);
        Complex x4 = new Complex(0.5, -0.5 / sq);
        Complex lx1 = x1.log();
        Complex lx2 = x2.log();
        Complex lx3 = x3.log();
        Complex lx4 = x4.log();
        Complex li2x = Dilogarithm.li2(x2.div(x1).negate());
        Complex lratio = x2.div(x1).log();
        double li2s = Dilogarithm.li2(s);

        // term 1, 8/(243 ŝ)[...], is all L_b terms (seidelBLbTerms)
        Complex sum = Complex.ZERO;

        // term 2: (2+ŝ)√(z−1)/(729ŝ) [...] without its −48 L_b acot√(z−1)
        Complex br = new Complex(-18 * PI * lz1, 3 * lz1 * lz1 - 5 * PI2);
        br = br.plus(li2x.times(-24).timesI());
        Complex inner = lx1.square().times(-9).plus(lx2.square()).minus(lx4.square().times(2))
                .plus(lx1.times(lx2).times(6)).minus(lx1.times(lx3).times(4)).plus(lx1.times(lx4).times(8));
        br = br.plus(inner.times(6).timesI());
        br = br.minus(lx1.times(2).plus(lx3).plus(lx4).times(12 * PI));
        sum = sum.plus(br.times((2 + s) * sq / (729 * s)));

        // term 3: −2/(243ŝ(1−ŝ)) [...]
        Complex t3 = lratio.square().times(3 * (2 + s) * (3 - s))
                .plus(4 * s * (-8 + 17 * s) * (li2s + ls * l1s) + 12 * PI * (-6 - s + s2) * acot);
        sum = sum.plus(t3.times(-2 / (243 * s * om)));

        // term 4: 2/(2187ŝ(1−ŝ)²) [...]
        double k4 = 2 / (2187 * s * om * om);
        sum = sum.plus(new Complex(k4 * (-18 * s * (120 - 211 * s + 73 * s2) * ls - 288 - 8 * s + 934 * s2 - 692 * s3),
                k4 * 18 * PI * s * (82 - 173 * s + 73 * s2)));

        // term 5: −4/(243ŝ(1−ŝ)³) [...]
        double k5 = -4 / (243 * s * om * om * om);
        sum = sum.plus(new Complex(k5 * (-2 * sq * (4 - 3 * s - 18 * s2 + 16 * s3 - 5 * s4) * acot - 9 * s3 * ls * ls),
                k5 * 2 * PI * s * (8 - 33 * s + 51 * s2 - 17 * s3) * ls));

        // term 6: 2/(729ŝ(1−ŝ)⁴) [...]
        double k6 = 2 / (729 * s * om * om * om * om);
        sum = sum.plus(k6 * (72 * (3 - 8 * s + 2 * s2) * acot * acot
                - PI2 * (54 - 53 * s - 286 * s2 + 612 * s3 - 446 * s4 + 113 * s5)));
        return sum;
    }

    /** Seidel's C(q²) (hep-ph/0403185 eq. 31), with the true q². */
    public static Complex seidelC(double q2, double mu) {
        return new Complex(-16.0 / 81 * Math.log(q2 / (mu * mu)) + 428.0 / 243 - 64.0 / 27 * ZETA3, 16.0 / 81 * PI);
    }
}
