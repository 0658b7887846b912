/** Fitted, invertible preprocessing steps (min-max, logit, standardization) with their log-Jacobians, saved with the models. */
package org.anomalia.events.preprocess;
