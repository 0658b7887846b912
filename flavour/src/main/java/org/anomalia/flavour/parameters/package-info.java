/**
 * The theory parameters ν under flavio's names: {@link org.anomalia.flavour.parameters.ParameterCatalog}
 * (flavio 2.7.0 defaults bundled as CSV resources: central values, widths, distributions, the BSZ
 * covariance and the m_b/m_c/m_s correlations), index-based points
 * ({@link org.anomalia.flavour.parameters.ParameterValues}) and draws as flavio's sm_uncertainty makes
 * them ({@link org.anomalia.flavour.parameters.ParameterSampler}: correlated blocks through a Cholesky
 * factor, Gaussians untruncated, fixed parameters at their value, one reproducible random stream per
 * (seed, stream index)).
 */
package org.anomalia.flavour.parameters;
