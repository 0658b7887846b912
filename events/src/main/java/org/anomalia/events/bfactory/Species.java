package org.anomalia.events.bfactory;

/**
 * The particles of the B-factory generator, with PDG 2024 masses (GeV) and the charge of the
 * particle (flavour +1); the antiparticle (flavour −1) has the opposite charge. Self-conjugate
 * species ignore the flavour. {@link #A_PRIME} has no fixed mass: the generator sets it.
 */
public enum Species {
    UPSILON_4S(Double.NaN, 0, false),
    B_PLUS(5.27934, +1, false),
    B0(5.27966, 0, false),
    D0(1.86484, 0, false),
    D_PLUS(1.86966, +1, false),
    D_STAR0(2.00685, 0, false),
    D_STAR_PLUS(2.01026, +1, false),
    RHO_PLUS(0.77526, +1, false),
    J_PSI(3.096900, 0, false),
    A_PRIME(Double.NaN, 0, false),
    PI0(0.1349768, 0, true),
    GAMMA(0, 0, true),
    NU(0, 0, true),
    PI(0.13957039, +1, true),
    K(0.493677, +1, true),
    E(0.000510999, -1, true),
    MU(0.1056584, -1, true);

    private final double mass;
    private final int charge;
    private final boolean stable;

    Species(double mass, int charge, boolean stable) {
        this.mass = mass;
        this.charge = charge;
        this.stable = stable;
    }

    public double mass() {
        return mass;
    }

    /** Charge of the particle with this flavour (+1 particle, −1 antiparticle). */
    public int charge(int flavour) {
        return charge * flavour;
    }

    /** Not decayed by the generator (π⁰ and γ are kept as neutral, untracked particles). */
    public boolean stable() {
        return stable;
    }

    /** A charged particle that leaves a track. */
    public boolean tracked() {
        return stable && charge != 0;
    }
}
