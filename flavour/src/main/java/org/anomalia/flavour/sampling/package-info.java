/**
 * Many prediction vectors x(ν): {@link org.anomalia.flavour.sampling.PredictionSampler} draws ν (or
 * takes given points, e.g. from {@link org.anomalia.flavour.sampling.ParameterPointsFile}) and runs
 * the binned predictor on all cores. Rows come in blocks of 256 with one random stream each, so the
 * samples depend on the seed only, not on the thread count.
 */
package org.anomalia.flavour.sampling;
