package org.anomalia.learn.model;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.anomalia.numerics.UserException;

/** Parsing of the string configuration stored in model files. */
final class Configs {
    private Configs() {}

    static String ints(int[] v) {
        return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    static int parseInt(ModelFile.Contents c, String key) {
        try {
            return Integer.parseInt(c.get(key));
        } catch (NumberFormatException e) {
            throw bad(c, key);
        }
    }

    static long parseLong(ModelFile.Contents c, String key) {
        try {
            return Long.parseLong(c.get(key));
        } catch (NumberFormatException e) {
            throw bad(c, key);
        }
    }

    static double parseDouble(ModelFile.Contents c, String key) {
        try {
            return Double.parseDouble(c.get(key));
        } catch (NumberFormatException e) {
            throw bad(c, key);
        }
    }

    static int[] parseInts(ModelFile.Contents c, String key) {
        String v = c.get(key);
        if (v.isEmpty()) return new int[0];
        try {
            return Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw bad(c, key);
        }
    }

    static <E extends Enum<E>> E parseEnum(ModelFile.Contents c, String key, Class<E> type) {
        try {
            return Enum.valueOf(type, c.get(key));
        } catch (IllegalArgumentException e) {
            throw bad(c, key);
        }
    }

    private static UserException bad(ModelFile.Contents c, String key) {
        return new UserException(c.kind() + " model file has an invalid value for '" + key + "': " + c.config().get(key));
    }
}
