/**
 * A B-factory stand-in for the experiment's simulation (seed 001's Belle II study): e⁺e⁻ → Υ(4S) →
 * BB̄ at the Belle II boost, generic B decays from a documented {@link org.anomalia.events.bfactory.DecayTable},
 * phase-space kinematics, a simple {@link org.anomalia.events.bfactory.Detector}, and B± → μ⁺μ⁻K±
 * candidates with injected J/ψK and dark-photon (B± → K± A′, A′ → μ⁺μ⁻) signals. The model and
 * its limits are described in events/README.md.
 */
package org.anomalia.events.bfactory;
