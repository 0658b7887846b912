/**
 * Random matrices: Wishart covariance matrices (Bartlett decomposition) and LKJ correlation
 * matrices (onion method), used to express the uncertainty of a published covariance matrix.
 */
package org.anomalia.numerics.matrices;
