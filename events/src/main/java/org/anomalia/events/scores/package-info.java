/** Unsupervised anomaly scores (autoencoder, VAE, flow) trained on events and kept as one model file with their preprocessing. */
package org.anomalia.events.scores;
