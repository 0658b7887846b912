/**
 * Trained models with fit / score / sample and one-file save/load (see {@link org.anomalia.learn.model.ModelFile}).
 *
 * <p>VAE, e.g. for goodness of fit (rows = samples, float features; scores in nats, data units):
 * <pre>
 *   Vae vae = new Vae(new Vae.Config(32, new int[] {64, 64}, 8, Activation.RELU, 1.0), seed);
 *   TrainHistory h = vae.fit(train, new TrainConfig().withEpochs(50).withBatchSize(256).withLr(1e-3)
 *                                    .validationFraction(0.2).patience(5).seed(seed));
 *   Vae.Scores s = vae.evaluate(test, 16, seed);   // s.negElbo()[r], s.negLogLikelihoodIwae()[r]
 *   vae.save(path);  Vae back = Vae.load(path);   // config, standardisation, weights, seed
 * </pre>
 *
 * <p>Classifier (labels 0/1; optional per-row weights and {negative, positive} class weights):
 * <pre>
 *   BinaryClassifier c = new BinaryClassifier(new BinaryClassifier.Config(d, new int[] {64, 64}, Activation.RELU, 0.0), seed);
 *   c.fit(x, labels, null, BinaryClassifier.balancedClassWeights(labels), new TrainConfig().withSeed(seed));
 *   double[] p = c.predict(xTest);
 * </pre>
 *
 * <p>Autoencoder: {@code new Autoencoder(new Autoencoder.Config(d, new int[] {64, 64}, 4, Activation.RELU), seed)},
 * {@code fit(x, trainConfig)}, {@code score(x)} (per-row mean squared error, standardised units).
 *
 * <p>A new model implements {@link org.anomalia.learn.train.Trainable} (params, buffers, mean batch
 * loss on a {@link org.anomalia.learn.autodiff.Tape}) and gets the whole
 * {@link org.anomalia.learn.train.Trainer} (shuffling, validation, early stopping, k best
 * snapshots, NaN detection, progress bar) for free.
 */
package org.anomalia.learn.model;
