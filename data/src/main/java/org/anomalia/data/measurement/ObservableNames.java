package org.anomalia.data.measurement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anomalia.numerics.UserException;

/**
 * One canonical key per observable, so that the spellings of different tools meet. A flavio
 * measurement entry {@code <FL>(B0->K*mumu)} with q2min 1.1 and q2max 2.5 (label
 * {@code <FL>(B0->K*mumu)[1.1,2.5]}) and a sample column {@code FL_1.1_2.5} (as {@code bsll sample}
 * writes it) both have the key {@code FL_1.1_2.5}: the observable's short name (without flavio's
 * {@code <…>} average marker, the {@code (process)} and any {@code /}), then its numeric arguments in
 * shortest decimal form, joined by {@code _}. Names compare case-insensitively. The process is not
 * part of the key; where two entries of one measurement share a key (the same observable of two
 * processes), only their exact labels match.
 */
public final class ObservableNames {
    /** {@code <NAME>(PROCESS)[a,b]}, each part but NAME optional. */
    private static final Pattern FLAVIO = Pattern.compile("^<?([^<>()\\[\\]]+?)>?(?:\\(([^()]*(?:\\([^()]*\\))?[^()]*)\\))?(?:\\[([^\\[\\]]*)\\])?$");

    private ObservableNames() {}

    /** The canonical key of an entry label or a column name, in either spelling. */
    public static String canonical(String text) {
        String t = text.strip();
        Matcher m = FLAVIO.matcher(t);
        if ((t.contains("<") || t.contains("(") || t.contains("[")) && m.matches()) {
            List<String> parts = new ArrayList<>();
            parts.add(shortName(m.group(1)));
            if (m.group(3) != null && !m.group(3).isBlank()) {
                for (String a : m.group(3).split(",")) parts.add(number(a.strip()));
            }
            return String.join("_", parts);
        }
        // the column spelling: NAME_ARG_ARG…, arguments being the trailing numeric tokens
        String[] tokens = t.split("_");
        int end = tokens.length;
        while (end > 1 && isNumber(tokens[end - 1])) end--;
        List<String> parts = new ArrayList<>();
        parts.add(shortName(String.join("_", java.util.Arrays.copyOf(tokens, end))));
        for (int i = end; i < tokens.length; i++) parts.add(number(tokens[i]));
        return String.join("_", parts);
    }

    /** The canonical key of a structured entry. */
    public static String canonical(ObservableKey key) {
        return canonical(key.label());
    }

    /** The key of an observable in a bin, e.g. ("P5p", 4, 6) → {@code P5p_4_6}. */
    public static String canonical(String observable, double low, double high) {
        return shortName(observable) + "_" + ObservableKey.formatNumber(low) + "_" + ObservableKey.formatNumber(high);
    }

    /**
     * For each wanted entry label, the index of the column that holds it: the column of the same label
     * if there is one, else the column with the same canonical key.
     *
     * @param where the file the columns come from, for the message
     * @throws UserException naming the entries no column holds and the columns left over
     */
    public static int[] match(List<String> entries, List<String> columns, String where) {
        Map<String, Integer> exact = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) exact.putIfAbsent(columns.get(c), c);
        Map<String, Integer> byKey = new HashMap<>();
        Map<String, String> clash = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            String k = lower(canonical(columns.get(c)));
            Integer had = byKey.putIfAbsent(k, c);
            if (had != null) clash.put(k, columns.get(had) + "' and '" + columns.get(c));
        }
        Map<String, Integer> entryKeys = new HashMap<>();
        for (String e : entries) entryKeys.merge(lower(canonical(e)), 1, Integer::sum);
        int[] at = new int[entries.size()];
        List<String> missing = new ArrayList<>();
        boolean[] used = new boolean[columns.size()];
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            Integer c = exact.get(e);
            String k = lower(canonical(e));
            if (c == null && entryKeys.get(k) == 1) {
                if (clash.containsKey(k)) {
                    throw new UserException(where + ": columns '" + clash.get(k) + "' both read as " + canonical(e)
                            + "; keep one of them (or name it exactly '" + e + "')");
                }
                c = byKey.get(k);
            }
            if (c == null) {
                missing.add(e.equals(canonical(e)) ? e : canonical(e) + " (" + e + ")");
            } else {
                at[i] = c;
                used[c] = true;
            }
        }
        if (!missing.isEmpty()) {
            List<String> extra = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) if (!used[c]) extra.add(columns.get(c));
            throw new UserException(where + ": no column for " + missing.size() + " of the " + entries.size() + " measured values: "
                    + abbreviate(missing) + (extra.isEmpty() ? "" : "; columns not used: " + abbreviate(extra))
                    + "; name the columns like FL_1.1_2.5 or like the measurement, or select fewer values with --observables/--bins");
        }
        return at;
    }

    /**
     * The entries of a measurement with the given canonical keys, in the order asked.
     *
     * @param option the option that asked for them, for the message
     */
    public static List<String> select(Measurement m, List<String> keys, String option) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String label : m.observables()) byKey.computeIfAbsent(lower(canonical(label)), k -> new ArrayList<>()).add(label);
        List<String> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String k : keys) {
            List<String> found = byKey.get(lower(canonical(k)));
            if (found == null) {
                missing.add(k);
            } else if (found.size() > 1) {
                throw new UserException(option + ": " + k + " matches several entries of " + m.source() + " " + found + "; use a file with one of them");
            } else {
                out.add(found.get(0));
            }
        }
        if (!missing.isEmpty()) {
            List<String> have = new ArrayList<>();
            for (String label : m.observables()) have.add(canonical(label));
            throw new UserException(option + ": " + m.source() + " has no entry for " + abbreviate(missing) + "; it holds " + abbreviate(have));
        }
        return out;
    }

    private static String shortName(String name) {
        return name.strip().replace("/", "").replace(" ", "");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static boolean isNumber(String s) {
        try {
            return !s.isEmpty() && Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String number(String s) {
        return isNumber(s) ? ObservableKey.formatNumber(Double.parseDouble(s)) : s;
    }

    private static String abbreviate(List<String> names) {
        if (names.size() <= 8) return String.join(", ", names);
        return String.join(", ", names.subList(0, 8)) + " … (" + names.size() + " in all)";
    }
}
