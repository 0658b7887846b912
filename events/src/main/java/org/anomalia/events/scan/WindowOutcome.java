package org.anomalia.events.scan;

import java.util.List;

/** One window's result: every cut's outcome, and the wall seconds the window took (kept out of scan.json). */
public record WindowOutcome(ScanWindow window, List<CutOutcome> cuts, double seconds) implements java.io.Serializable {
}
