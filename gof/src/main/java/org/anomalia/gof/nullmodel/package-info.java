/**
 * Models of the null distribution p(x | H0) and their test statistics: the interface, the Gaussian
 * baseline, the VAE, the flow, their combination, and the exact Monte Carlo marginal likelihood with
 * its hot loop (plain and Vector API paths); new null models go here.
 */
package org.anomalia.gof.nullmodel;
