package org.anomalia.data.hdf5;

import java.util.ArrayList;
import java.util.List;

/**
 * Extracts, in order, the unicode strings of a Python pickle written with protocol 0 (the text
 * protocol PyTables uses for list attributes such as pandas' column names). Only the opcodes that
 * occur in such lists are understood; the structure (list, tuple, integers) is skipped.
 */
final class PickleStrings {
    private PickleStrings() {
    }

    static List<String> parse(String pickle) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < pickle.length()) {
            char op = pickle.charAt(i++);
            switch (op) {
                case 'V' -> {
                    int end = lineEnd(pickle, i);
                    out.add(unescape(pickle.substring(i, end)));
                    i = end + 1;
                }
                case 'S' -> {
                    int end = lineEnd(pickle, i);
                    String quoted = pickle.substring(i, end);
                    out.add(quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : quoted);
                    i = end + 1;
                }
                // opcodes with a newline-terminated argument: memo put/get, int, long, float
                case 'p', 'g', 'I', 'L', 'F' -> i = lineEnd(pickle, i) + 1;
                case '.' -> i = pickle.length();
                default -> {
                    // one-character opcodes: ( l a t d s N ) and friends
                }
            }
        }
        return out;
    }

    private static int lineEnd(String s, int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? s.length() : end;
    }

    /** Python's raw-unicode-escape: only \\uXXXX and \\UXXXXXXXX are escapes. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u') {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && i + 9 < s.length() && s.charAt(i + 1) == 'U') {
                b.appendCodePoint(Integer.parseInt(s.substring(i + 2, i + 10), 16));
                i += 9;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
