/**
 * The B0 → K*0 μ+μ− theory engine: flavio 2.7.0's prediction rebuilt from
 * {@code shared/physics/bkstarll.md}, sections 1–6, in the order written there.
 *
 * <ul>
 *   <li>Section 1 — {@link org.anomalia.flavour.theory.StrongCoupling} (3-loop α_s, decoupling at 4.8 and
 *       1.3 GeV), {@link org.anomalia.flavour.theory.QuarkMasses} (MS-bar running, 2-loop pole masses, m_s),
 *       {@link org.anomalia.flavour.theory.ElectromagneticCoupling}, {@link org.anomalia.flavour.theory.Ckm}.</li>
 *   <li>Section 2 — {@link org.anomalia.flavour.theory.SmWilsonTable} (flavio's NNLL grid, linear in μ),
 *       {@link org.anomalia.flavour.theory.WilsonCoefficients} (C10 top-mass factor, C7′ = m_s/m_b C7, new
 *       physics, CP conjugation), {@link org.anomalia.flavour.theory.OneLoopMatrixElements} (h, Y, Y_u),
 *       {@link org.anomalia.flavour.theory.TwoLoopMatrixElements} (δC7, δC9 from F8, the
 *       {@link org.anomalia.flavour.theory.NnloFGrid} table and Seidel's λ_u functions, using
 *       {@link org.anomalia.flavour.theory.Dilogarithm}).</li>
 *   <li>Section 3 — {@link org.anomalia.flavour.theory.BszFormFactors}.</li>
 *   <li>Section 4 — {@link org.anomalia.flavour.theory.HelicityAmplitudes} (factorisable amplitudes and the
 *       low/high-q² nuisance terms), {@link org.anomalia.flavour.theory.QcdfSpectatorTable}.</li>
 *   <li>Section 5 — {@link org.anomalia.flavour.theory.AngularCoefficients} (J_i with the muon mass) and
 *       {@link org.anomalia.flavour.Observable} (CP-averaged ratios, LHCb signs).</li>
 *   <li>Section 6 — {@link org.anomalia.flavour.theory.BinnedPredictor} with
 *       {@link org.anomalia.flavour.theory.GaussLegendre} nodes.</li>
 * </ul>
 *
 * <p>{@link org.anomalia.flavour.theory.PointInputs} holds what depends only on the parameter point;
 * {@link org.anomalia.flavour.theory.BkstarMumuTheory} evaluates one q² for both CP sets and can list every
 * intermediate value under the names of {@code validation/sm_unbinned.csv};
 * {@link org.anomalia.flavour.theory.TheoryPieces} switches pieces off for ablation studies.
 *
 * <p>Measured against flavio (tests in this package): intermediates ≤ 1e-8 relative, binned observables
 * ≤ 1.2e-6 absolute with 16 nodes per bin. Two speed devices, both tested: the F-function grid is reduced
 * once per point to a line in ŝ, and Seidel's functions are expanded per node around the nominal b mass
 * (exact outside ±2 % in ŝ).
 */
package org.anomalia.flavour.theory;
