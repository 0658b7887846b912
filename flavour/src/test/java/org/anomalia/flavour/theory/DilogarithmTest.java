package org.anomalia.flavour.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DilogarithmTest {
    private static final double PI2 = Math.PI * Math.PI;

    @Test
    void closedFormValues() {
        assertEquals(PI2 / 6, Dilogarithm.li2(1.0), 1e-15);
        assertEquals(-PI2 / 12, Dilogarithm.li2(-1.0), 1e-15);
        double ln2 = Math.log(2);
        assertEquals(PI2 / 12 - ln2 * ln2 / 2, Dilogarithm.li2(0.5), 1e-15);
        double phi = (Math.sqrt(5) - 1) / 2; // Li2(φ⁻¹) with φ⁻¹ = (√5−1)/2
        assertEquals(PI2 / 10 - Math.pow(Math.log(phi), 2), Dilogarithm.li2(phi), 1e-14);
        assertEquals(0, Dilogarithm.li2(0.0), 0);
    }

    @Test
    void unitCircleHasClausenImaginaryPart() {
        // Li2(i) = −π²/48 + i G (Catalan's constant)
        Complex v = Dilogarithm.li2(Complex.I);
        assertEquals(-PI2 / 48, v.re, 1e-15);
        assertEquals(0.915965594177219015, v.im, 1e-15);
        // Re Li2(e^{iθ}) = π²/6 − θ(2π−θ)/4
        for (double th = 0.3; th < 6.2; th += 0.7) {
            Complex w = Dilogarithm.li2(new Complex(Math.cos(th), Math.sin(th)));
            assertEquals(PI2 / 6 - th * (2 * Math.PI - th) / 4, w.re, 1e-14, "theta " + th);
        }
    }

    @Test
    void seriesAgreesWithDirectSumInsideTheDisk() {
        Complex z = new Complex(0.3, -0.4);
        Complex direct = Complex.ZERO;
        Complex p = Complex.ONE;
        for (int k = 1; k < 200; k++) {
            p = p.times(z);
            direct = direct.plus(p.div((double) k * k));
        }
        Complex v = Dilogarithm.li2(z);
        assertEquals(direct.re, v.re, 1e-15);
        assertEquals(direct.im, v.im, 1e-15);
        // inversion branch: |z| > 1 away from the cut, compared with the identity for z and 1/z
        Complex big = new Complex(-2.5, 1.5);
        Complex sum = Dilogarithm.li2(big).plus(Dilogarithm.li2(big.reciprocal()));
        Complex l = big.negate().log();
        Complex expect = l.square().times(-0.5).minus(PI2 / 6);
        assertEquals(expect.re, sum.re, 1e-14);
        assertEquals(expect.im, sum.im, 1e-14);
    }
}
