/** Models of the null distribution p(x | H0) and their test statistics: the interface, the Gaussian baseline, the VAE; new null models go here. */
package org.anomalia.gof.nullmodel;
