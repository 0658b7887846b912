package org.anomalia.flavour.theory;

/**
 * Seidel's λ_u functions A(ŝ), B(ŝ) without their explicit L_b terms, expanded to second order
 * around one ŝ₀. A node of a q² bin has a fixed q², so ŝ = q²/m_b,pole² moves only with the
 * sampled b mass (a few per mille); the expansion then replaces two complex dilogarithms and a
 * dozen complex logarithms per node. Outside |ŝ/ŝ₀ − 1| ≤ 2 % the exact functions are used, so
 * the truncation error stays below (0.02)³ of a term that itself moves observables by &lt; 1e-3.
 */
final class SeidelExpansion {
    private static final double RANGE = 0.02;
    private static final double STEP = 1e-3;

    private final double s0;
    /** Value, first derivative and half the second derivative at ŝ₀. */
    private final Complex a0, a1, a2, b0, b1, b2;

    SeidelExpansion(double s0) {
        this.s0 = s0;
        double h = STEP * s0;
        Complex am = TwoLoopMatrixElements.seidelAWithoutLb(s0 - h);
        Complex ap = TwoLoopMatrixElements.seidelAWithoutLb(s0 + h);
        Complex bm = TwoLoopMatrixElements.seidelBWithoutLb(s0 - h);
        Complex bp = TwoLoopMatrixElements.seidelBWithoutLb(s0 + h);
        a0 = TwoLoopMatrixElements.seidelAWithoutLb(s0);
        b0 = TwoLoopMatrixElements.seidelBWithoutLb(s0);
        a1 = ap.minus(am).div(2 * h);
        b1 = bp.minus(bm).div(2 * h);
        a2 = ap.plus(am).minus(a0.times(2)).div(2 * h * h); // f''/2
        b2 = bp.plus(bm).minus(b0.times(2)).div(2 * h * h);
    }

    private boolean covers(double s) {
        return Math.abs(s - s0) <= RANGE * s0;
    }

    /** Ã(ŝ) = A(ŝ) + 104/243 L_b. */
    Complex a(double s) {
        if (!covers(s)) {
            return TwoLoopMatrixElements.seidelAWithoutLb(s);
        }
        double d = s - s0;
        return a0.plus(a1.times(d)).plus(a2.times(d * d));
    }

    /** B̃(ŝ): B(ŝ) without its L_b terms. */
    Complex b(double s) {
        if (!covers(s)) {
            return TwoLoopMatrixElements.seidelBWithoutLb(s);
        }
        double d = s - s0;
        return b0.plus(b1.times(d)).plus(b2.times(d * d));
    }
}
