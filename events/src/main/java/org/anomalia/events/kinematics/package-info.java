/**
 * Relativistic kinematics for event tables: {@link org.anomalia.events.kinematics.FourVector}
 * (boosts, masses, angles), the e⁺e⁻ {@link org.anomalia.events.kinematics.BeamFrame}, particle
 * four-momenta read and checked from named columns ({@link org.anomalia.events.kinematics.ParticleMomenta}),
 * the derived columns of {@code anomalia events features} ({@link org.anomalia.events.kinematics.DerivedFeatures})
 * and an n-body phase-space generator.
 */
package org.anomalia.events.kinematics;
