package org.anomalia.flavour;

import java.math.BigDecimal;

import org.anomalia.numerics.UserException;

/**
 * A q² bin [q2min, q2max] in GeV² where the theory is valid: inside 4m_μ² … 8 GeV² (below the
 * charmonium resonances) or 14 GeV² … (m_B − m_K*)² (above them). The region between is refused:
 * the J/ψ and ψ(2S) dominate there and the short-distance prediction means nothing.
 */
public record Q2Bin(double q2min, double q2max) {
    /** 4 m_μ² with the central muon mass. */
    public static final double Q2_PHYSICAL_MIN = 4 * 0.1056583755 * 0.1056583755;
    /** (m_B0 − m_K*0)² with the central masses. */
    public static final double Q2_PHYSICAL_MAX = (5.27966 - 0.89555) * (5.27966 - 0.89555);
    public static final double LOW_Q2_MAX = 8;
    public static final double HIGH_Q2_MIN = 14;
    /** Slack for bin edges written with a few digits at the physical limits. */
    private static final double EDGE_SLACK = 1e-3;

    public Q2Bin {
        if (!(q2min < q2max)) {
            throw new UserException("q2 bin " + q2min + "-" + q2max + ": q2min must be smaller than q2max");
        }
        checkValid(q2min, "bin " + label(q2min, q2max) + " lower edge");
        checkValid(q2max, "bin " + label(q2min, q2max) + " upper edge");
        if (q2min < LOW_Q2_MAX && q2max > LOW_Q2_MAX) {
            throw new UserException("q2 bin " + q2min + "-" + q2max + " reaches into the charmonium region "
                    + LOW_Q2_MAX + "-" + HIGH_Q2_MIN + " GeV^2; keep bins below " + LOW_Q2_MAX + " or above " + HIGH_Q2_MIN);
        }
    }

    /** Refuses a q² (bin edge or unbinned point) outside the valid regions, saying why. */
    public static void checkValid(double q2, String what) {
        if (Double.isNaN(q2) || q2 < Q2_PHYSICAL_MIN - EDGE_SLACK * Q2_PHYSICAL_MIN || q2 > Q2_PHYSICAL_MAX + EDGE_SLACK) {
            throw new UserException(what + " q2=" + q2 + " GeV^2 is outside the physical range "
                    + String.format("%.5f", Q2_PHYSICAL_MIN) + "-" + String.format("%.5f", Q2_PHYSICAL_MAX)
                    + " GeV^2 (4 m_mu^2 to (m_B-m_K*)^2)");
        }
        if (q2 > LOW_Q2_MAX && q2 < HIGH_Q2_MIN) {
            throw new UserException(what + " q2=" + q2 + " GeV^2 lies in the charmonium region " + LOW_Q2_MAX + "-"
                    + HIGH_Q2_MIN + " GeV^2, where the J/psi and psi(2S) resonances dominate and the short-distance"
                    + " prediction is not meaningful; use q2 <= " + LOW_Q2_MAX + " or q2 >= " + HIGH_Q2_MIN);
        }
    }

    /** Parses "1.1-2.5" or "1.1_2.5". */
    public static Q2Bin parse(String text) {
        String t = text.trim();
        int sep = t.indexOf('_') >= 0 ? t.indexOf('_') : t.indexOf('-', 1);
        if (sep < 0) {
            throw new UserException("--bins " + text + ": write each bin as MIN-MAX, e.g. 4-6 or 1.1-2.5");
        }
        double lo, hi;
        try {
            lo = Double.parseDouble(t.substring(0, sep));
            hi = Double.parseDouble(t.substring(sep + 1));
        } catch (NumberFormatException e) {
            throw new UserException("--bins " + text + ": edges are not numbers; write it as MIN-MAX, e.g. 4-6");
        }
        try {
            return new Q2Bin(lo, hi);
        } catch (UserException e) {
            throw new UserException("--bins " + text + ": " + e.getMessage()); // the text comes from the --bins option
        }
    }

    /** "4_6", "1.1_2.5", "0.1_0.98": the suffix of column names like P5p_4_6. */
    public String label() {
        return label(q2min, q2max);
    }

    private static String label(double a, double b) {
        return number(a) + "_" + number(b);
    }

    static String number(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    public double width() {
        return q2max - q2min;
    }

    @Override
    public String toString() {
        return number(q2min) + "-" + number(q2max);
    }
}
