package org.anomalia.events.injection;

import java.util.List;
import org.anomalia.events.scan.LookElsewhere;
import org.anomalia.events.scan.SpectrumScan;

/**
 * One method's scan of one generated dataset, reduced to what the study compares: the headline
 * answer ({@code scope}: "all cuts" from the dijet fits, or "template, all cuts" for methods with a
 * background template, whose fit-based answer a sculpting cut makes meaningless) — its best window,
 * maximum local Z, global p and Z by toys and by Gross–Vitells, and whether the best window holds the
 * injected mass — plus every scope's answer and the scan's warnings.
 *
 * @param bestLow lower edge of the best window (NaN when no window gave a number)
 * @param localZAtMass the largest local Z (headline scope, over cuts) among the windows that contain the injected mass
 *                     (NaN when none gave a number): what a search that knew the mass would see
 * @param signalInBestWindow truth-labelled signal events in the best window at its best cut (never used by the scan)
 * @param toyZ Z of the toy p (−∞ for p = 1; for a bound, the Z of 1/toys)
 * @param windowWarnings "window: warning" for every window and cut that carried one
 * @param scan the whole scan (every window and cut: n, the fit's and the template's b, σ_b, closure and local Z), written beside
 *             study.json as the scan's own scan.json would hold it
 */
public record DatasetOutcome(double sOverB, int dataset, long dataSeed, long scanSeed, int signalEventsInjected, int eventsInRange,
                             String method, String scope, double bestLow, double bestHigh, boolean containsSignalMass, double localZ, double localZAtMass,
                             double signalInBestWindow, int toys, double toyP, boolean toyBound, double toyZ, double gvP, double gvZ,
                             List<LookElsewhere.Answer> answers, List<String> windowWarnings, SpectrumScan.Result scan) {
    /** Whether the scan gave a headline number at all (a best window). */
    public boolean hasBestWindow() {
        return !Double.isNaN(bestLow);
    }
}
