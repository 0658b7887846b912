package org.anomalia.events.generate;

import org.anomalia.numerics.UserException;

/**
 * Parameters of the LHCO-like dijet toy (units TeV). See events/README.md for the model.
 *
 * @param backgroundEvents QCD events over the whole mjj range
 * @param mjjMin lower edge of the mjj range
 * @param mjjMax upper edge of the mjj range
 * @param signalMass resonance mass (mjj peak)
 * @param signalWidth Gaussian width of the mjj peak (resolution and natural width together)
 * @param signalToBackground S/B inside the signal region [srLow, srHigh]; 0 for background only
 * @param srLow lower edge of the signal region
 * @param srHigh upper edge of the signal region
 * @param massX mass of the heavier daughter X (a jet)
 * @param massY mass of the lighter daughter Y (a jet)
 * @param shape the jets' substructure: calibrated on the real LHCO events ({@code lhco}) or the first toy
 */
public record DijetModel(int backgroundEvents, double mjjMin, double mjjMax, double signalMass, double signalWidth,
        double signalToBackground, double srLow, double srHigh, double massX, double massY, DijetShape shape) {

    /** √s of the dijet-function variable x = mjj/√s. */
    public static final double SQRT_S = 13.0;
    /** Dijet function (1 − x)^P1 / x^P2. */
    public static final double P1 = 10.0;
    public static final double P2 = 5.0;
    public DijetModel {
        if (backgroundEvents < 0) {
            throw new UserException("generator: number of background events must not be negative (" + backgroundEvents + ")");
        }
        if (!(mjjMin > 0 && mjjMax > mjjMin && mjjMax < SQRT_S)) {
            throw new UserException("generator: mjj range [" + mjjMin + ", " + mjjMax + "] must satisfy 0 < min < max < " + SQRT_S);
        }
        if (!(srLow >= mjjMin && srHigh <= mjjMax && srHigh > srLow)) {
            throw new UserException("generator: signal region [" + srLow + ", " + srHigh + "] must lie inside the mjj range ["
                    + mjjMin + ", " + mjjMax + "]");
        }
        if (!(signalToBackground >= 0) || !Double.isFinite(signalToBackground)) {
            throw new UserException("--s-over-b must not be negative, got " + signalToBackground);
        }
        if (!(signalWidth > 0) || !Double.isFinite(signalWidth)) {
            throw new UserException("--width (of the resonance in mjj, TeV) must be positive, got " + signalWidth);
        }
        if (!(signalMass > 0) || !Double.isFinite(signalMass)) {
            throw new UserException("--mass (of the resonance, TeV) must be positive, got " + signalMass);
        }
        if (shape == null) {
            throw new IllegalArgumentException("generator: no shape"); // not a user setting
        }
        if (!(massX > massY && massY > 0)) {
            throw new IllegalArgumentException("generator: need mX > mY > 0, got " + massX + ", " + massY); // not a user setting
        }
    }

    /**
     * LHCO R&D-like defaults: 3.5 TeV resonance to X(500 GeV) Y(100 GeV), SR 3.3–3.7 TeV, S/B 0.6 %,
     * jets calibrated on the real LHCO signal-region events (the default of {@code events generate}).
     */
    public static DijetModel lhcoLike(int backgroundEvents) {
        return new DijetModel(backgroundEvents, 2.5, 6.0, 3.5, 0.1, 0.006, 3.3, 3.7, 0.5, 0.1, DijetShape.LHCO);
    }

    /** The same defaults with the first toy's jets ({@code --model toy}): for tests of method mechanics, earlier numbers. */
    public static DijetModel toy(int backgroundEvents) {
        return lhcoLike(backgroundEvents).withShape(DijetShape.TOY);
    }

    public DijetModel withSignalToBackground(double sOverB) {
        return new DijetModel(backgroundEvents, mjjMin, mjjMax, signalMass, signalWidth, sOverB, srLow, srHigh, massX, massY, shape);
    }

    public DijetModel withBackgroundEvents(int n) {
        return new DijetModel(n, mjjMin, mjjMax, signalMass, signalWidth, signalToBackground, srLow, srHigh, massX, massY, shape);
    }

    public DijetModel withShape(DijetShape s) {
        return new DijetModel(backgroundEvents, mjjMin, mjjMax, signalMass, signalWidth, signalToBackground, srLow, srHigh, massX, massY, s);
    }

    /** Unnormalized background mjj density (the dijet function). */
    public static double mjjDensity(double mjj) {
        double x = mjj / SQRT_S;
        return Math.pow(1 - x, P1) / Math.pow(x, P2);
    }
}
