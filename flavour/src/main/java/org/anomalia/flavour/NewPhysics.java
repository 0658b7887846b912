package org.anomalia.flavour;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.anomalia.flavour.theory.Complex;
import org.anomalia.numerics.UserException;

/**
 * New-physics shifts of the b→sμμ Wilson coefficients in flavio's WET basis at μ = 4.8 GeV (no
 * running). They add to the Standard-Model values; C7 and C7p shift the non-effective dipole
 * coefficients, which moves C7eff one to one.
 */
public record NewPhysics(Complex c7, Complex c9, Complex c10, Complex c7p, Complex c9p, Complex c10p) {
    /** No new physics: the Standard Model. */
    public static final NewPhysics SM = new NewPhysics(Complex.ZERO, Complex.ZERO, Complex.ZERO,
            Complex.ZERO, Complex.ZERO, Complex.ZERO);
    /** Accepted names, in this order. */
    public static final String[] NAMES = {"C7", "C9", "C10", "C7p", "C9p", "C10p"};

    public NewPhysics {
        c7 = orZero(c7);
        c9 = orZero(c9);
        c10 = orZero(c10);
        c7p = orZero(c7p);
        c9p = orZero(c9p);
        c10p = orZero(c10p);
    }

    private static Complex orZero(Complex c) {
        return c == null ? Complex.ZERO : c;
    }

    public boolean isStandardModel() {
        return equals(SM);
    }

    /** The shift named like {@link #NAMES}. */
    public Complex get(String name) {
        return switch (canonical(name)) {
            case "C7" -> c7;
            case "C9" -> c9;
            case "C10" -> c10;
            case "C7p" -> c7p;
            case "C9p" -> c9p;
            default -> c10p;
        };
    }

    /** A copy with one shift replaced. */
    public NewPhysics with(String name, Complex value) {
        return switch (canonical(name)) {
            case "C7" -> new NewPhysics(value, c9, c10, c7p, c9p, c10p);
            case "C9" -> new NewPhysics(c7, value, c10, c7p, c9p, c10p);
            case "C10" -> new NewPhysics(c7, c9, value, c7p, c9p, c10p);
            case "C7p" -> new NewPhysics(c7, c9, c10, value, c9p, c10p);
            case "C9p" -> new NewPhysics(c7, c9, c10, c7p, value, c10p);
            default -> new NewPhysics(c7, c9, c10, c7p, c9p, value);
        };
    }

    /** Non-zero shifts by name, in the order of {@link #NAMES}. */
    public Map<String, Complex> asMap() {
        Map<String, Complex> m = new LinkedHashMap<>();
        for (String n : NAMES) {
            Complex c = get(n);
            if (c.re != 0 || c.im != 0) {
                m.put(n, c);
            }
        }
        return m;
    }

    /** Parses {@code "C9=-1,C10=0.3,C9p=-1+0.5i"}; an empty or blank text is the SM. */
    public static NewPhysics parse(String text) {
        NewPhysics np = SM;
        if (text == null || text.isBlank()) {
            return np;
        }
        try {
            return parseParts(text);
        } catch (UserException e) {
            throw new UserException("--np " + text + ": " + e.getMessage()); // the text comes from the --np option
        }
    }

    private static NewPhysics parseParts(String text) {
        NewPhysics np = SM;
        for (String part : text.split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new UserException("new physics '" + p + "': write NAME=VALUE, e.g. C9=-1 or C9p=-1+0.5i");
            }
            String name = p.substring(0, eq).trim();
            np = np.with(name, parseComplex(p.substring(eq + 1).trim(), name));
        }
        return np;
    }

    private static String canonical(String name) {
        for (String n : NAMES) {
            if (n.equalsIgnoreCase(name.trim())) {
                return n;
            }
        }
        throw new UserException("unknown Wilson coefficient '" + name + "'; valid names: " + String.join(", ", NAMES));
    }

    /** Parses a real or complex number: "-1", "0.5i", "-1+0.5i", "2e-1-3i", "i". */
    static Complex parseComplex(String s, String name) {
        String t = s.replace(" ", "").toLowerCase(Locale.ROOT);
        try {
            if (t.contains("nan") || t.contains("inf")) {
                throw new NumberFormatException(t);
            }
            if (!t.endsWith("i")) {
                return Complex.real(Double.parseDouble(t));
            }
            String body = t.substring(0, t.length() - 1);
            // split at the last sign that is not the leading one and not part of an exponent
            int split = -1;
            for (int k = body.length() - 1; k > 0; k--) {
                char ch = body.charAt(k);
                if ((ch == '+' || ch == '-') && body.charAt(k - 1) != 'e') {
                    split = k;
                    break;
                }
            }
            String rePart = split < 0 ? "0" : body.substring(0, split);
            String imPart = split < 0 ? body : body.substring(split);
            double im = switch (imPart) {
                case "", "+" -> 1;
                case "-" -> -1;
                default -> Double.parseDouble(imPart);
            };
            return new Complex(Double.parseDouble(rePart), im);
        } catch (NumberFormatException e) {
            throw new UserException("new physics " + name + "='" + s + "' is not a finite number; write e.g. -1, 0.5i or -1+0.5i");
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Complex> e : asMap().entrySet()) {
            if (b.length() > 0) {
                b.append(',');
            }
            Complex c = e.getValue();
            b.append(e.getKey()).append('=');
            if (c.im == 0) {
                b.append(c.re);
            } else {
                b.append(c.re).append(c.im < 0 ? "" : "+").append(c.im).append('i');
            }
        }
        return b.length() == 0 ? "SM" : b.toString();
    }
}
