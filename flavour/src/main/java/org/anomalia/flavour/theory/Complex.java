package org.anomalia.flavour.theory;

/**
 * An immutable complex number. Small methods on purpose: the JIT inlines them and removes the
 * temporaries, so the physics formulas can be written as they appear in the papers.
 */
public final class Complex {
    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);
    public static final Complex I = new Complex(0, 1);

    public final double re;
    public final double im;

    public Complex(double re, double im) {
        this.re = re;
        this.im = im;
    }

    public static Complex of(double re, double im) {
        return new Complex(re, im);
    }

    public static Complex real(double re) {
        return new Complex(re, 0);
    }

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex plus(double x) {
        return new Complex(re + x, im);
    }

    public Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex minus(double x) {
        return new Complex(re - x, im);
    }

    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex times(double x) {
        return new Complex(re * x, im * x);
    }

    /** Multiplication by i. */
    public Complex timesI() {
        return new Complex(-im, re);
    }

    public Complex div(Complex o) {
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    public Complex div(double x) {
        return new Complex(re / x, im / x);
    }

    public Complex negate() {
        return new Complex(-re, -im);
    }

    public Complex conj() {
        return new Complex(re, -im);
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    public double abs2() {
        return re * re + im * im;
    }

    public double arg() {
        return Math.atan2(im, re);
    }

    /** Principal branch. */
    public Complex log() {
        return new Complex(Math.log(abs()), arg());
    }

    /** Principal branch. */
    public Complex sqrt() {
        if (re == 0 && im == 0) {
            return ZERO;
        }
        double r = abs();
        double a = Math.sqrt((r + Math.abs(re)) / 2);
        if (re >= 0) {
            return new Complex(a, im / (2 * a));
        }
        return new Complex(Math.abs(im) / (2 * a), Math.copySign(a, im));
    }

    public Complex square() {
        return new Complex(re * re - im * im, 2 * re * im);
    }

    public Complex reciprocal() {
        double d = re * re + im * im;
        return new Complex(re / d, -im / d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Complex c && Double.compare(c.re, re) == 0 && Double.compare(c.im, im) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(re) * 31 + Double.hashCode(im);
    }

    @Override
    public String toString() {
        return re + (im < 0 ? "" : "+") + im + "i";
    }
}
