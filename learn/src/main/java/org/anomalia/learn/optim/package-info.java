/** Optimization: Adam, gradient-norm clipping and learning-rate schedules. */
package org.anomalia.learn.optim;
