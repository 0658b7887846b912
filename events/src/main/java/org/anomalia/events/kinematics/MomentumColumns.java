package org.anomalia.events.kinematics;

import java.util.List;
import org.anomalia.numerics.UserException;

/**
 * How a particle's four-momentum is stored: the column name suffixes after "NAME_". Cartesian:
 * NAME_px, NAME_py, NAME_pz, NAME_E; collider: NAME_pt, NAME_eta, NAME_phi, NAME_m.
 */
public enum MomentumColumns {
    CARTESIAN(List.of("px", "py", "pz", "E")),
    PT_ETA_PHI_M(List.of("pt", "eta", "phi", "m"));

    private final List<String> suffixes;

    MomentumColumns(List<String> suffixes) {
        this.suffixes = suffixes;
    }

    /** The four column names of one particle, in the order the constructor of {@link FourVector} reads them. */
    public List<String> columns(String particle) {
        return suffixes.stream().map(s -> particle + "_" + s).toList();
    }

    public FourVector vector(double a, double b, double c, double d) {
        return this == CARTESIAN ? new FourVector(a, b, c, d) : FourVector.fromPtEtaPhiM(a, b, c, d);
    }

    /** By the CLI spelling: "cartesian" (px,py,pz,E) or "pt-eta-phi-m". */
    public static MomentumColumns parse(String s, String option) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "cartesian", "pxpypze" -> CARTESIAN;
            case "pt-eta-phi-m", "ptetaphim" -> PT_ETA_PHI_M;
            default -> throw new UserException(option + ": unknown momentum columns '" + s + "'; use cartesian (NAME_px, NAME_py, NAME_pz, NAME_E) or pt-eta-phi-m (NAME_pt, NAME_eta, NAME_phi, NAME_m)");
        };
    }
}
