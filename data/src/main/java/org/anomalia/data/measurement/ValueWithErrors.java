package org.anomalia.data.measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anomalia.numerics.UserException;

/**
 * A value written as in flavio's measurement files: {@code 0.255 ± 0.032 ± 0.007},
 * {@code 1.2 +0.3 -0.2 ± 0.1}, {@code (1.67 +- 0.3) e-3}, {@code 1.67(3)(5)}. The Gaussian width
 * combines the pieces as flavio does for a correlated measurement: σ² = Σ symmetric² + Σ a·b for each
 * asymmetric +a −b.
 */
public record ValueWithErrors(double central, List<Double> symmetric, List<double[]> asymmetric) {
    private static final String EXPONENT = "\\s*\\*?\\s*(?:(?:e|E|1e|1E|10\\^)\\(?([+-]?\\d+)\\)?)?$";
    private static final Pattern BRACKETS = Pattern.compile(
            "^\\s*\\(?\\s*(-?\\d+\\.?\\d*)\\s*((?:\\(\\s*\\d+\\.?\\d*\\s*\\)\\s*)+)\\)?" + EXPONENT);
    private static final Pattern PLUS_MINUS = Pattern.compile(
            "^\\s*\\(?\\s*(-?\\d+\\.?\\d*)\\s*((?:(?:[+\\-±]|\\\\pm)+\\s*\\d+\\.?\\d*\\s*)+)\\)?" + EXPONENT);
    private static final Pattern BRACKET_ERR = Pattern.compile("\\(\\s*(\\d+\\.?\\d*)\\s*\\)");
    private static final Pattern SYMMETRIC_ERR = Pattern.compile("(?:±|\\\\pm|\\+-)\\s*(\\d+\\.?\\d*)");
    private static final Pattern ASYMMETRIC_ERR = Pattern.compile("\\+\\s*(\\d+\\.?\\d*)\\s*-\\s*(\\d+\\.?\\d*)");

    /** The total Gaussian σ = √(Σ s² + Σ a·b). */
    public double sigma() {
        double v = 0;
        for (double s : symmetric) v += s * s;
        for (double[] a : asymmetric) v += a[0] * a[1];
        return Math.sqrt(v);
    }

    /**
     * Parses a value string; {@code where} names file and field for the error message.
     * A plain number has no error (σ = 0).
     */
    public static ValueWithErrors parse(String text, String where) {
        String s = text.replace('−', '-').trim();
        try {
            return new ValueWithErrors(Double.parseDouble(s), List.of(), List.of());
        } catch (NumberFormatException notPlain) {
            // fall through to the error forms
        }
        Matcher m = BRACKETS.matcher(s);
        boolean brackets = m.matches();
        if (!brackets) {
            m = PLUS_MINUS.matcher(s);
            if (!m.matches()) {
                throw new UserException(where + ": cannot read value '" + text
                        + "'; write it as 'central ± stat ± syst', 'central +up -down' or '1.67(3)(5)'");
            }
        }
        double factor = m.group(3) == null ? 1 : Math.pow(10, Double.parseDouble(m.group(3)));
        String centralText = m.group(1);
        int decimals = centralText.contains(".") ? centralText.length() - centralText.indexOf('.') - 1 : 0;
        double central = Double.parseDouble(centralText) * factor;
        List<Double> sym = new ArrayList<>();
        List<double[]> asym = new ArrayList<>();
        String errors = m.group(2);
        if (brackets) {
            Matcher e = BRACKET_ERR.matcher(errors);
            while (e.find()) {
                String err = e.group(1);
                // "1.67(3)" means ±0.03: digits without a point count in units of the last decimal
                double v = err.contains(".") ? Double.parseDouble(err) : Double.parseDouble(err) * Math.pow(10, -decimals);
                sym.add(v * factor);
            }
        } else {
            Matcher e = SYMMETRIC_ERR.matcher(errors);
            while (e.find()) sym.add(Double.parseDouble(e.group(1)) * factor);
            Matcher a = ASYMMETRIC_ERR.matcher(errors);
            while (a.find()) {
                asym.add(new double[] {Double.parseDouble(a.group(1)) * factor, Double.parseDouble(a.group(2)) * factor});
            }
            if (sym.isEmpty() && asym.isEmpty()) {
                throw new UserException(where + ": cannot read the errors of '" + text + "'");
            }
        }
        return new ValueWithErrors(central, List.copyOf(sym), List.copyOf(asym));
    }
}
