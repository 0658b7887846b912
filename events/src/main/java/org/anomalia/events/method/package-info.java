/**
 * One contract for every weakly supervised and unsupervised anomaly method: fit on a window of the
 * resonant variable (its signal region and sidebands, all from one data table), then score events.
 * The scan, the CLI and the studies hold a {@link org.anomalia.events.method.WindowMethod} and never
 * ask which method it is; adding a method is adding one class.
 */
package org.anomalia.events.method;
