/**
 * Studies around one goodness-of-fit analysis: how the p-values move when the experimental
 * covariance is uncertain (Wishart or LKJ draws), how often each method rejects artificial
 * anomalies (power and size; every method, the exact marginal likelihood included), blind mode, and
 * likelihood profiles in Wilson coefficients.
 */
package org.anomalia.gof.study;
