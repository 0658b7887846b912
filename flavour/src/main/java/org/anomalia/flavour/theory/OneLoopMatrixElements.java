package org.anomalia.flavour.theory;

/**
 * One-loop matrix elements of the four-quark operators that make C9 q²-dependent (spec 2.3–2.4):
 * the quark-loop function h(s, m_q, μ) of hep-ph/0106067 eq. 11, Y(q²) of 0811.1214 eq. 10 and the
 * up-quark loop Y_u(q²) that enters with ξ_u/ξ_t.
 */
public final class OneLoopMatrixElements {
    private OneLoopMatrixElements() {
    }

    /** h(s, m_q, μ) for a massive quark (m_q &gt; 0). */
    public static Complex h(double s, double mq, double mu) {
        if (mq == 0) {
            return hMassless(s, mu);
        }
        double z = 4 * mq * mq / s;
        double base = -4.0 / 9 * Math.log(mq * mq / (mu * mu)) + 8.0 / 27 + 4.0 / 9 * z;
        double f = 4.0 / 9 * (2 + z) * Math.sqrt(Math.abs(z - 1));
        if (z > 1) {
            return Complex.real(base - f * Math.atan(1 / Math.sqrt(z - 1)));
        }
        double a = Math.log((1 + Math.sqrt(1 - z)) / Math.sqrt(z));
        return new Complex(base - f * a, f * Math.PI / 2);
    }

    /** h(s, 0, μ) = 8/27 − 4/9 ln(s/μ²) + 4iπ/9. */
    public static Complex hMassless(double s, double mu) {
        return new Complex(8.0 / 27 - 4.0 / 9 * Math.log(s / (mu * mu)), 4 * Math.PI / 9);
    }

    /** Y(q²) from the loop functions of the c, b and massless quarks and the real SM C1..C6. */
    public static Complex y(Complex hc, Complex hb, Complex h0, WilsonCoefficients c) {
        double fc = 4.0 / 3 * c.c(1) + c.c(2) + 6 * c.c(3) + 60 * c.c(5);
        double fb = 7 * c.c(3) + 4.0 / 3 * c.c(4) + 76 * c.c(5) + 64.0 / 3 * c.c(6);
        double fu = c.c(3) + 4.0 / 3 * c.c(4) + 16 * c.c(5) + 64.0 / 3 * c.c(6);
        double f4 = 4.0 / 3 * c.c(3) + 64.0 / 9 * c.c(5) + 64.0 / 27 * c.c(6);
        return hc.times(fc).minus(hb.times(fb / 2)).minus(h0.times(fu / 2)).plus(f4);
    }

    /** Y_u(q²) = (4/3 C1 + C2)[h(q², m_c) − h(q², 0)]; it enters C9eff as ε_u Y_u. */
    public static Complex yu(Complex hc, Complex h0, WilsonCoefficients c) {
        return hc.minus(h0).times(4.0 / 3 * c.c(1) + c.c(2));
    }
}
