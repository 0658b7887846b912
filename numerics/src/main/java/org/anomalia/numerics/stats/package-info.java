/**
 * Statistics: chi-squared, p-values and significances, Kolmogorov-Smirnov, Gross-Vitells, quantiles, intervals and the
 * multivariate normal.
 */
package org.anomalia.numerics.stats;
