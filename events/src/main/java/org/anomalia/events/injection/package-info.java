/**
 * The signal-injection study of {@code anomalia events scan-study}: generated datasets at several
 * injected S/B (0 = background only), each scanned by {@link org.anomalia.events.scan.SpectrumScan}
 * with every method, summarized per dataset ({@link org.anomalia.events.injection.DatasetOutcome}),
 * per method and S/B (median global significance with its 68 % band, how often the best window holds
 * the signal mass) and, on background-only datasets, the uniformity of the global p-values
 * ({@link org.anomalia.events.injection.InjectionSummary}). The scan itself is reused, not repeated.
 */
package org.anomalia.events.injection;
