package org.anomalia.flavour;

import static org.anomalia.flavour.theory.AngularCoefficients.J2C;
import static org.anomalia.flavour.theory.AngularCoefficients.J2S;
import static org.anomalia.flavour.theory.AngularCoefficients.J3;
import static org.anomalia.flavour.theory.AngularCoefficients.J4;
import static org.anomalia.flavour.theory.AngularCoefficients.J5;
import static org.anomalia.flavour.theory.AngularCoefficients.J6C;
import static org.anomalia.flavour.theory.AngularCoefficients.J6S;
import static org.anomalia.flavour.theory.AngularCoefficients.J7;
import static org.anomalia.flavour.theory.AngularCoefficients.J8;
import static org.anomalia.flavour.theory.AngularCoefficients.J9;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.anomalia.flavour.theory.AngularCoefficients;
import org.anomalia.numerics.UserException;

/**
 * The CP-averaged B0 → K*0 μμ observables, named as in flavio and in LHCb's sign convention (spec
 * 5.3–5.4). Each is a ratio built from the sums Σ_i of J_i + J̄_i (integrated over a bin, or at one
 * q²): binned observables are ratios of integrals.
 */
public enum Observable {
    FL("FL"), AFB("AFB"), S3("S3"), S4("S4"), S5("S5"), S7("S7"), S8("S8"), S9("S9"), P1("P1"), P2("P2"), P3("P3"),
    P4P("P4p"), P5P("P5p"), P6P("P6p"), P8P("P8p"), DBR_DQ2("dBR/dq2");

    private final String flavioName;

    Observable(String flavioName) {
        this.flavioName = flavioName;
    }

    /** The short name: FL, P5p, dBR/dq2, ... */
    public String flavioName() {
        return flavioName;
    }

    /** flavio's full name, e.g. {@code <P5p>(B0->K*mumu)} (binned) or {@code P5p(B0->K*mumu)}. */
    public String flavioName(boolean binned) {
        return binned ? "<" + flavioName + ">(B0->K*mumu)" : flavioName + "(B0->K*mumu)";
    }

    /** A name usable in a column header (dBR/dq2 becomes dBRdq2). */
    public String columnName() {
        return flavioName.replace("/", "");
    }

    /** Accepts the short name (case-insensitive), the column name, or flavio's full binned/unbinned name. */
    public static Observable parse(String text) {
        String t = text.trim();
        if (t.endsWith("(B0->K*mumu)")) {
            t = t.substring(0, t.length() - "(B0->K*mumu)".length());
            if (t.startsWith("<") && t.endsWith(">")) {
                t = t.substring(1, t.length() - 1);
            }
        }
        for (Observable o : values()) {
            if (o.flavioName.equalsIgnoreCase(t) || o.columnName().equalsIgnoreCase(t)) {
                return o;
            }
        }
        throw new UserException("unknown observable '" + text + "'; valid names: " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values()).map(Observable::flavioName).collect(Collectors.joining(", "));
    }

    /**
     * The observable from the sums Σ_i of J_i + J̄_i (index as in {@link AngularCoefficients}).
     *
     * @param tauB  the B0 lifetime in GeV⁻¹ (branching ratio only)
     * @param width the bin width in GeV² (1 for an unbinned value)
     */
    public double value(double[] sum, double tauB, double width) {
        double gamma = AngularCoefficients.rate(sum);
        double dPrime = 2 * Math.sqrt(-sum[J2S] * sum[J2C]);
        return switch (this) {
            case FL -> -sum[J2C] / gamma;
            case AFB -> -(0.75 * sum[J6S] + 0.375 * sum[J6C]) / gamma;
            case S3 -> sum[J3] / gamma;
            case S4 -> -sum[J4] / gamma;
            case S5 -> sum[J5] / gamma;
            case S7 -> -sum[J7] / gamma;
            case S8 -> sum[J8] / gamma;
            case S9 -> -sum[J9] / gamma;
            case P1 -> sum[J3] / (2 * sum[J2S]);
            case P2 -> -sum[J6S] / (8 * sum[J2S]);
            case P3 -> sum[J9] / (4 * sum[J2S]);
            case P4P -> -sum[J4] / dPrime;
            case P5P -> sum[J5] / dPrime;
            case P6P -> -sum[J7] / dPrime;
            case P8P -> sum[J8] / dPrime;
            case DBR_DQ2 -> tauB * gamma / 2 / width;
        };
    }
}
