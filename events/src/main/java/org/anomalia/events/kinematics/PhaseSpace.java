package org.anomalia.events.kinematics;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * n-body phase space by the Raubold–Lynch method (F. James, CERN 68-15, the GENBOD algorithm):
 * the invariant masses M_k of the first k daughters are drawn uniformly (ordered), the event weight
 * is the product of the two-body break-up momenta Π p(M_k → M_{k−1} + m_k), and the momenta are
 * built by successive isotropic two-body decays and boosts. {@link #decay} returns unweighted events
 * (accepted with probability weight / maximum weight), so their distribution is uniform in Lorentz-
 * invariant phase space: flat Dalitz plots for three bodies, flat cos θ for two.
 */
public final class PhaseSpace {
    private final double parentMass;
    private final double[] masses;
    private final double maxWeight;

    public PhaseSpace(double parentMass, double... masses) {
        if (masses.length < 2) throw new IllegalArgumentException("phase space needs at least two daughters");
        double sum = 0;
        for (double m : masses) {
            if (!(m >= 0)) throw new IllegalArgumentException("daughter mass must be >= 0, got " + m);
            sum += m;
        }
        if (!(parentMass > sum)) throw new IllegalArgumentException("parent mass " + parentMass + " below the daughters' sum " + sum);
        this.parentMass = parentMass;
        this.masses = masses.clone();
        // Upper bound on the weight (James): each M_k at its largest and M_{k−1} at its smallest.
        double kinetic = parentMass - sum;
        double emMax = kinetic + masses[0];
        double emMin = 0;
        double w = 1;
        for (int k = 1; k < masses.length; k++) {
            emMin += masses[k - 1];
            emMax += masses[k];
            w *= breakupMomentum(emMax, emMin, masses[k]);
        }
        maxWeight = w;
    }

    public double parentMass() {
        return parentMass;
    }

    public int daughters() {
        return masses.length;
    }

    /** Momentum of either daughter in the rest frame of a two-body decay M → m1 m2 (0 below threshold). */
    public static double breakupMomentum(double m, double m1, double m2) {
        double s = m * m;
        double a = s - (m1 + m2) * (m1 + m2);
        double b = s - (m1 - m2) * (m1 - m2);
        return a <= 0 ? 0 : Math.sqrt(a * b) / (2 * m);
    }

    /**
     * One weighted event in the parent's rest frame: fills {@code out} (length = daughters) and
     * returns the weight divided by its maximum, in [0, 1].
     */
    public double weighted(UniformRandomProvider rng, FourVector[] out) {
        int n = masses.length;
        double[] r = new double[n];
        r[0] = 0;
        r[n - 1] = 1;
        for (int i = 1; i < n - 1; i++) r[i] = rng.nextDouble();
        java.util.Arrays.sort(r, 1, n - 1);
        double kinetic = parentMass;
        for (double m : masses) kinetic -= m;
        double[] invariant = new double[n]; // mass of the first k+1 daughters
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += masses[k];
            invariant[k] = r[k] * kinetic + sum;
        }
        double w = 1;
        double[] p = new double[n];
        for (int k = 1; k < n; k++) {
            p[k] = breakupMomentum(invariant[k], invariant[k - 1], masses[k]);
            w *= p[k];
        }
        // Daughters 0 and 1 back to back in the frame of the first two, then add one daughter at a time.
        double[] dir = isotropic(rng);
        out[0] = FourVector.ofMass(p[1] * dir[0], p[1] * dir[1], p[1] * dir[2], masses[0]);
        out[1] = FourVector.ofMass(-p[1] * dir[0], -p[1] * dir[1], -p[1] * dir[2], masses[1]);
        for (int k = 2; k < n; k++) {
            dir = isotropic(rng);
            // In the frame of the first k+1, the system of the first k moves with p[k] along dir.
            double e = Math.sqrt(p[k] * p[k] + invariant[k - 1] * invariant[k - 1]);
            double bx = p[k] * dir[0] / e, by = p[k] * dir[1] / e, bz = p[k] * dir[2] / e;
            for (int i = 0; i < k; i++) out[i] = out[i].boost(bx, by, bz);
            out[k] = FourVector.ofMass(-p[k] * dir[0], -p[k] * dir[1], -p[k] * dir[2], masses[k]);
        }
        return w / maxWeight;
    }

    /** One unweighted event in the parent's rest frame. */
    public FourVector[] decayAtRest(UniformRandomProvider rng) {
        FourVector[] out = new FourVector[masses.length];
        while (true) {
            double w = weighted(rng, out);
            if (masses.length == 2 || rng.nextDouble() < w) return out;
        }
    }

    /** One unweighted event of a parent with the given four-momentum (of mass {@link #parentMass()}), in the parent's frame of reference. */
    public FourVector[] decay(FourVector parent, UniformRandomProvider rng) {
        FourVector[] out = decayAtRest(rng);
        double bx = parent.px() / parent.e(), by = parent.py() / parent.e(), bz = parent.pz() / parent.e();
        for (int i = 0; i < out.length; i++) out[i] = out[i].boost(bx, by, bz);
        return out;
    }

    /** A uniformly distributed unit vector. */
    static double[] isotropic(UniformRandomProvider rng) {
        double cos = 2 * rng.nextDouble() - 1;
        double sin = Math.sqrt(Math.max(0, 1 - cos * cos));
        double phi = 2 * Math.PI * rng.nextDouble();
        return new double[] {sin * Math.cos(phi), sin * Math.sin(phi), cos};
    }
}
