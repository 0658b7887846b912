/**
 * Measurement files (JSON/YAML central values with covariance or errors and correlations, flavio YAML) and the canonical names of
 * observables.
 */
package org.anomalia.data.measurement;
