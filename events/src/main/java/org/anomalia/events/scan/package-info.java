/**
 * The signal-region scan of {@code anomalia events scan}: the dijet function family and its binned
 * Poisson fit with the window masked ({@link org.anomalia.events.scan.SpectrumFit}), the F-test
 * choice of its number of parameters ({@link org.anomalia.events.scan.FitOrder}), and the scan over
 * windows with local and look-elsewhere-corrected global significances; for methods with a sampled
 * background template, its estimate ({@link org.anomalia.events.scan.TemplateEstimate}), closure and
 * systematic calibrated on background-only simulation ({@link org.anomalia.events.scan.TemplateCalibration}).
 */
package org.anomalia.events.scan;
