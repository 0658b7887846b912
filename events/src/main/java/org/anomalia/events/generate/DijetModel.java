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
 */
public record DijetModel(int backgroundEvents, double mjjMin, double mjjMax, double signalMass, double signalWidth,
        double signalToBackground, double srLow, double srHigh, double massX, double massY) {

    /** √s of the dijet-function variable x = mjj/√s. */
    public static final double SQRT_S = 13.0;
    /** Dijet function (1 − x)^P1 / x^P2. */
    public static final double P1 = 10.0;
    public static final double P2 = 5.0;
    /** Median jet mass as a fraction of mjj at mjj = 3.5 TeV, and how it drifts: ∝ mjj^DRIFT. */
    public static final double JET_MASS_FRACTION = 0.042;
    public static final double JET_MASS_DRIFT = -0.25;
    /** Spread of log(jet mass) for QCD jets. */
    public static final double JET_MASS_LOG_SIGMA = 0.65;
    /** Relative resolution on the signal jet masses. */
    public static final double JET_MASS_RESOLUTION = 0.07;
    /** Beta-distribution concentration a + b for τ21. */
    public static final double TAU_CONCENTRATION = 12.0;
    /** Mean τ21 of a two-prong signal jet. */
    public static final double SIGNAL_TAU_MEAN = 0.30;

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
        if (!(massX > massY && massY > 0)) {
            throw new IllegalArgumentException("generator: need mX > mY > 0, got " + massX + ", " + massY); // not a user setting
        }
    }

    /** LHCO R&D-like defaults: 3.5 TeV resonance to X(500 GeV) Y(100 GeV), SR 3.3–3.7 TeV, S/B 0.6 %. */
    public static DijetModel lhcoLike(int backgroundEvents) {
        return new DijetModel(backgroundEvents, 2.5, 6.0, 3.5, 0.1, 0.006, 3.3, 3.7, 0.5, 0.1);
    }

    public DijetModel withSignalToBackground(double sOverB) {
        return new DijetModel(backgroundEvents, mjjMin, mjjMax, signalMass, signalWidth, sOverB, srLow, srHigh, massX, massY);
    }

    public DijetModel withBackgroundEvents(int n) {
        return new DijetModel(n, mjjMin, mjjMax, signalMass, signalWidth, signalToBackground, srLow, srHigh, massX, massY);
    }

    /** Unnormalized background mjj density (the dijet function). */
    public static double mjjDensity(double mjj) {
        double x = mjj / SQRT_S;
        return Math.pow(1 - x, P1) / Math.pow(x, P2);
    }

    /** Median QCD jet mass at a given mjj. */
    public static double medianJetMass(double mjj) {
        return mjj * JET_MASS_FRACTION * Math.pow(mjj / 3.5, JET_MASS_DRIFT);
    }

    /** Mean τ21 of a QCD jet: near 0.7, lower for jets heavy relative to mjj, drifting with mjj. */
    public static double backgroundTauMean(double jetMass, double mjj) {
        double m = 0.62 - 3.0 * (jetMass / mjj - JET_MASS_FRACTION) + 0.02 * (mjj - 3.5);
        return Math.min(0.9, Math.max(0.3, m));
    }
}
