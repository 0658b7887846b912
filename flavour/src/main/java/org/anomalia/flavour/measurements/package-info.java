/**
 * Measurements of B0→K*0μμ observables tied to {@link org.anomalia.flavour.Observable} ×
 * {@link org.anomalia.flavour.Q2Bin}: the bundled LHCb 2020 P-basis result (flavio's YAML, read by
 * {@link org.anomalia.data.measurement.MeasurementReader}) and selections of observables × bins in
 * the predictor's bin-major order, with flavio's block-diagonal covariance.
 */
package org.anomalia.flavour.measurements;
