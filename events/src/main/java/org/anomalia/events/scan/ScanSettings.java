package org.anomalia.events.scan;

import org.anomalia.numerics.random.Seeds;
import org.anomalia.numerics.UserException;

/**
 * What a scan does besides the method: the bins of the resonant spectrum and √s of the fit, the
 * F-test threshold, the cuts (fractions of events kept, 1 = no cut), how many events each window's
 * sidebands must hold, the background-only toys and the Gross–Vitells reference level, the seed.
 *
 * @param sidebandCheck width of the sidebands counted for {@code minSidebandEvents} (≤ 0 = the window's width)
 * @param template how the template estimate of methods with a background template is corrected ({@link TemplateCorrection})
 */
public record ScanSettings(Binning binning, double sqrtS, double alpha, double[] cuts, int minSidebandEvents, double sidebandCheck,
                           int toys, double referenceZ, long seed, TemplateCorrection template) implements java.io.Serializable {
    public ScanSettings(Binning binning, double sqrtS, double alpha, double[] cuts, int minSidebandEvents, double sidebandCheck, int toys,
            double referenceZ, long seed) {
        this(binning, sqrtS, alpha, cuts, minSidebandEvents, sidebandCheck, toys, referenceZ, seed, TemplateCorrection.CLOSURE);
    }

    public ScanSettings {
        if (template == null) template = TemplateCorrection.CLOSURE;
        template.checkCuts(cuts.length);
        if (!(alpha > 0 && alpha < 1)) throw new UserException("--f-test-alpha must be in (0, 1), got " + alpha);
        if (cuts.length == 0) throw new UserException("--cuts needs at least one fraction");
        for (double c : cuts) {
            if (!(c > 0 && c <= 1)) throw new UserException("--cuts: each kept fraction must be in (0, 1], got " + c);
        }
        if (toys < 0) throw new UserException("--toys must be >= 0, got " + toys);
        if (minSidebandEvents < 0) throw new UserException("--min-sideband-events must be >= 0, got " + minSidebandEvents);
        if (!(sqrtS > binning.high())) throw new UserException("--sqrt-s " + sqrtS + " must exceed the top of the range " + binning.high());
    }

    /** The seed of one window's method, from the scan seed (distinct per window, same for the same scan). */
    public long windowSeed(int window) {
        return Seeds.derive(seed, "window", window);
    }

    /** The seed of one background-only toy. */
    public long toySeed(int toy) {
        return Seeds.derive(seed, "toy", toy);
    }
}
