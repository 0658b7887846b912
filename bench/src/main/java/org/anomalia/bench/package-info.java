/**
 * Benchmarks against peers measured in the same run (PyTorch, scikit-learn, flavio): kernels, b→sℓℓ sampling, AE/VAE/MAF
 * training, LHCO scores and CATHODE; not unit tests.
 */
package org.anomalia.bench;
