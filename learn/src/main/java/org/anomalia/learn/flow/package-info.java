/**
 * Normalizing flows: exact densities log p(x | c) through invertible maps onto a standard normal.
 *
 * <p>Kinds ({@link org.anomalia.learn.flow.FlowConfig}): MAF (affine MADE blocks, optional BatchNorm
 * steps, reversals between blocks), RealNVP (affine coupling with alternating masks) and neural
 * spline flows (rational-quadratic spline coupling); each optionally conditional on a context
 * vector. CATHODE (events module), e.g. density of 4 features given mjj:
 * <pre>
 *   NormalizingFlow f = NormalizingFlow.cathode(4, 1, seed);       // 15 MADE × 128, BatchNorm, reversals
 *   TrainHistory h = f.fit(x, mjj, new TrainConfig().withEpochs(100).withBatchSize(256).withLr(1e-4)
 *                                   .validationFraction(0.2).keepBest(10).seed(seed));
 *   double[] logp = f.logProb(x, mjj);                              // per row, double
 *   Matrix s = f.sample(n, mjjForSamples, seed);                    // one sample per context row
 *   NormalizingFlow epoch = f.fromSnapshot(h.best().get(3), x, mjj); // ensemble over the best epochs
 *   f.save(path);  NormalizingFlow back = NormalizingFlow.load(path);
 * </pre>
 * {@link org.anomalia.learn.flow.NormalizingFlow#forward} and
 * {@link org.anomalia.learn.flow.NormalizingFlow#inverse} return the mapped rows with log|det J|
 * per row. Flows work in the units they are given; preprocessing and its Jacobian are the
 * caller's. Evaluation uses BatchNorm statistics over the whole training set
 * ({@link org.anomalia.learn.flow.NormalizingFlow#calibrate}).
 *
 * <p>Speed of the CATHODE MAF (4 features + 1 context, batch 256), measured 23 Nov 2026 on this
 * 2-core machine while it ran at load 15–20, so only the ratios mean much: one training epoch of
 * 20k rows on one thread took 2.0 CPU-s on JDK 25 with the Vector API kernels, 4.4 CPU-s on JDK 17
 * with the plain kernels and 19 CPU-s on JDK 17 with the Vector API kernels (C2 on JDK 17 boxes
 * the vectors in {@code VectorKernels.wide2} in this mix of matmul shapes; still so after the
 * padded-tail change, 100k rows, 2 threads: ~115 CPU-s per epoch on JDK 17 vector against ~11 on
 * JDK 25). Matmuls are ~50 % of a step; the rest is the elementwise ops of the tape.
 *
 * <p>The spline is built from autodiff ops ({@link org.anomalia.learn.autodiff.IndexOps}: gather,
 * cumsum, searchsorted) and checked against a double-precision reference
 * ({@link org.anomalia.learn.flow.RationalQuadraticSpline}), which also inverts it.
 */
package org.anomalia.learn.flow;
