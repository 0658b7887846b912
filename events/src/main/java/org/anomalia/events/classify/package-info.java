/** Binary classifiers of events (MLP, XGBoost) with class balancing and event weights, and their k-fold out-of-fold training. */
package org.anomalia.events.classify;
