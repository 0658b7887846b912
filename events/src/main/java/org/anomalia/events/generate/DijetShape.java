package org.anomalia.events.generate;

import java.util.Arrays;
import java.util.Locale;
import org.anomalia.numerics.UserException;

/**
 * Which jet substructure the dijet generator draws (the mjj spectrum and the resonance's mjj peak
 * are the same for both): {@code lhco}, calibrated on the real LHCO R&D signal-region events (the
 * default), or {@code toy}, the first, easy model whose narrow signal sits where QCD is nearly
 * empty (kept for tests of method mechanics and to reproduce earlier numbers).
 */
public enum DijetShape {
    LHCO(new CalibratedJets()),
    TOY(new ToyJets());

    private final JetSubstructure jets;

    DijetShape(JetSubstructure jets) {
        this.jets = jets;
    }

    JetSubstructure jets() {
        return jets;
    }

    /** The name users type ({@code --model lhco|toy}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The shape a user named; a one-line user error naming {@code option} otherwise. */
    public static DijetShape named(String name, String option) {
        for (DijetShape s : values()) {
            if (s.label().equals(name)) {
                return s;
            }
        }
        throw new UserException(option + ": unknown generator model '" + name + "'; choose one of "
                + Arrays.stream(values()).map(DijetShape::label).toList());
    }
}
