package org.anomalia.events.kinematics;

/**
 * A four-momentum (px, py, pz, E) in GeV, metric (+, −, −, −). Immutable; double precision
 * throughout, because invariant masses of nearly collinear pairs lose digits in float.
 */
public record FourVector(double px, double py, double pz, double e) {

    /** From transverse momentum, pseudorapidity, azimuth and mass (the usual collider ntuple columns). */
    public static FourVector fromPtEtaPhiM(double pt, double eta, double phi, double m) {
        double px = pt * Math.cos(phi);
        double py = pt * Math.sin(phi);
        double pz = pt * Math.sinh(eta);
        return new FourVector(px, py, pz, Math.sqrt(px * px + py * py + pz * pz + m * m));
    }

    /** A particle of mass m with the given three-momentum. */
    public static FourVector ofMass(double px, double py, double pz, double m) {
        return new FourVector(px, py, pz, Math.sqrt(px * px + py * py + pz * pz + m * m));
    }

    public FourVector plus(FourVector o) {
        return new FourVector(px + o.px, py + o.py, pz + o.pz, e + o.e);
    }

    public FourVector minus(FourVector o) {
        return new FourVector(px - o.px, py - o.py, pz - o.pz, e - o.e);
    }

    public double p2() {
        return px * px + py * py + pz * pz;
    }

    public double p() {
        return Math.sqrt(p2());
    }

    public double pt() {
        return Math.hypot(px, py);
    }

    /** m² = E² − |p|² (negative for a space-like vector). */
    public double m2() {
        return e * e - p2();
    }

    /** The invariant mass; 0 for a (slightly) space-like vector, as rounding makes massless sums. */
    public double mass() {
        double m2 = m2();
        return m2 > 0 ? Math.sqrt(m2) : 0.0;
    }

    /** Cosine of the angle between the two three-momenta (0 when either is zero). */
    public double cosAngle(FourVector o) {
        double norm = Math.sqrt(p2() * o.p2());
        return norm > 0 ? Math.max(-1, Math.min(1, (px * o.px + py * o.py + pz * o.pz) / norm)) : 0.0;
    }

    /**
     * This vector seen from a frame moving with velocity −β (an active boost by β): a particle at
     * rest becomes one with velocity β. Requires |β| &lt; 1.
     */
    public FourVector boost(double bx, double by, double bz) {
        double b2 = bx * bx + by * by + bz * bz;
        if (b2 == 0) return this;
        if (!(b2 < 1)) throw new IllegalArgumentException("boost with |beta| >= 1: " + Math.sqrt(b2));
        double gamma = 1 / Math.sqrt(1 - b2);
        double bp = bx * px + by * py + bz * pz;
        double g2 = (gamma - 1) / b2;
        double k = g2 * bp + gamma * e;
        return new FourVector(px + k * bx, py + k * by, pz + k * bz, gamma * (e + bp));
    }

    /** This vector in the rest frame of {@code frame} (a time-like vector). */
    public FourVector inRestFrameOf(FourVector frame) {
        return boost(-frame.px / frame.e, -frame.py / frame.e, -frame.pz / frame.e);
    }
}
