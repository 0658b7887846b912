package org.anomalia.flavour.theory;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which pieces of the prediction are switched on. Everything is on in the physics prediction; the
 * switches exist to reproduce flavio's ablation study (validation/ablation.csv) and to show how much
 * each piece matters.
 *
 * @param qcdf        the QCD-factorisation spectator-scattering table at all
 * @param qcdfOff     parts of that table removed from its total
 * @param deltaC7     the two-loop δC7
 * @param deltaC9     the two-loop δC9
 * @param upQuarkLoop the ε_u Y_u term in C9eff
 */
public record TheoryPieces(boolean qcdf, Set<QcdfSpectatorTable.Part> qcdfOff, boolean deltaC7, boolean deltaC9,
                           boolean upQuarkLoop) {
    public static final TheoryPieces ALL = new TheoryPieces(true, Set.of(), true, true, true);

    public TheoryPieces {
        qcdfOff = qcdfOff.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(qcdfOff));
    }

    public TheoryPieces withoutQcdf() {
        return new TheoryPieces(false, qcdfOff, deltaC7, deltaC9, upQuarkLoop);
    }

    public TheoryPieces withoutQcdfPart(QcdfSpectatorTable.Part part) {
        EnumSet<QcdfSpectatorTable.Part> off = EnumSet.noneOf(QcdfSpectatorTable.Part.class);
        off.addAll(qcdfOff);
        off.add(part);
        return new TheoryPieces(qcdf, off, deltaC7, deltaC9, upQuarkLoop);
    }

    public TheoryPieces withoutDeltaC7() {
        return new TheoryPieces(qcdf, qcdfOff, false, deltaC9, upQuarkLoop);
    }

    public TheoryPieces withoutDeltaC9() {
        return new TheoryPieces(qcdf, qcdfOff, deltaC7, false, upQuarkLoop);
    }

    public TheoryPieces withoutUpQuarkLoop() {
        return new TheoryPieces(qcdf, qcdfOff, deltaC7, deltaC9, false);
    }
}
